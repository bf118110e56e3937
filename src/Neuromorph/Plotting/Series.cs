namespace Neuromorph.Plotting;

/// <summary>How a series is drawn.</summary>
public enum LineStyle
{
    /// <summary>Solid line.</summary>
    Solid,

    /// <summary>Dashed line.</summary>
    Dashed,

    /// <summary>Markers only.</summary>
    Markers,
}

/// <summary>
/// One data series: x and y of equal length (x need not be monotonic, so current–voltage loops plot as drawn);
/// NaN breaks the line. Optional <see cref="Lower"/>/<see cref="Upper"/> draw a shaded band (e.g. mean ± std).
/// </summary>
public sealed record Series(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y, LineStyle Style = LineStyle.Solid)
{
    /// <summary>Lower edge of an error band, or null.</summary>
    public IReadOnlyList<double>? Lower { get; init; }

    /// <summary>Upper edge of an error band, or null.</summary>
    public IReadOnlyList<double>? Upper { get; init; }

    /// <summary>Colour override (CSS colour), or null for the palette.</summary>
    public string? Color { get; init; }
}
