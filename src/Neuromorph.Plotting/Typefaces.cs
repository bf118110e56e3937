using SP = ScottPlot;

namespace Neuromorph.Plotting;

/// <summary>
/// The sans-serif font plots use: the first installed of a list of common ones (fontconfig's default on Linux is often
/// a serif face), else ScottPlot's own choice. Looked up once per process.
/// </summary>
internal static class Typefaces
{
    private static readonly string[] Preferred = ["DejaVu Sans", "Liberation Sans", "Open Sans", "Noto Sans", "Arial", "Helvetica", "Segoe UI"];

    private static readonly Lazy<string> Chosen = new(() =>
        Preferred.FirstOrDefault(name => string.Equals(SP.Fonts.GetTypeface(name, false, false)?.FamilyName, name, StringComparison.OrdinalIgnoreCase))
        ?? SP.Fonts.Sans);

    /// <summary>The font family name.</summary>
    public static string Sans => Chosen.Value;
}
