namespace Neuromorph.Figures;

/// <summary>Which image files a command writes for each figure (<c>--plot-format png|svg|both|none</c>).</summary>
[Flags]
public enum PlotFormats
{
    /// <summary>No plot files (and no rendering).</summary>
    None = 0,

    /// <summary>PNG at twice the logical pixel density (papers and slides).</summary>
    Png = 1,

    /// <summary>SVG (vector; text stays text).</summary>
    Svg = 2,

    /// <summary>PNG and SVG.</summary>
    Both = Png | Svg,
}

/// <summary>The spelling of <see cref="PlotFormats"/> on the command line.</summary>
public static class PlotFormatNames
{
    /// <summary>The accepted values, default first.</summary>
    public static IReadOnlyList<string> All { get; } = ["png", "svg", "both", "none"];

    /// <summary>Parses one of <see cref="All"/> (case-insensitive); null when it is none of them.</summary>
    public static PlotFormats? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "png" => PlotFormats.Png,
        "svg" => PlotFormats.Svg,
        "both" => PlotFormats.Both,
        "none" => PlotFormats.None,
        _ => null,
    };
}
