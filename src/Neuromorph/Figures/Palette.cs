namespace Neuromorph.Figures;

/// <summary>
/// The Okabe–Ito colour-blind-safe palette, in the order layers take their colours, with its yellow (#F0E442, barely
/// visible as a thin line on white) replaced by Paul Tol's olive (#999933, also colour-blind safe).
/// </summary>
public static class Palette
{
    /// <summary>Blue, vermillion, bluish green, reddish purple, orange, sky blue, black, olive.</summary>
    public static IReadOnlyList<string> Colors { get; } = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#999933"];

    /// <summary>Colour of the reference lines (known optimum, thresholds).</summary>
    public const string Reference = "#444444";

    /// <summary>The <paramref name="index"/>-th palette colour (cycling).</summary>
    public static string At(int index) => Colors[((index % Colors.Count) + Colors.Count) % Colors.Count];
}
