using Neuromorph.Figures;
using SP = ScottPlot;

namespace Neuromorph.Plotting;

/// <summary>
/// Dash patterns that tell series apart once the palette's colours repeat: the first round of palette colours is drawn
/// as the series ask (solid or dashed), each further round in the next pattern, so no two of the first
/// <see cref="Distinct"/> series share colour and pattern.
/// </summary>
internal static class SeriesLooks
{
    /// <summary>Solid, dashed, dotted, dash-dot, long dash, dash-dot-dot.</summary>
    public static IReadOnlyList<SP.LinePattern> Patterns { get; } =
    [
        SP.LinePattern.Solid,
        SP.LinePattern.Dashed,
        SP.LinePattern.Dotted,
        new SP.LinePattern([10, 4, 2, 4], 0, "DashDot"),
        new SP.LinePattern([20, 6], 0, "LongDash"),
        new SP.LinePattern([10, 3, 2, 3, 2, 3], 0, "DashDotDot"),
    ];

    /// <summary>Series drawn before colour and pattern repeat.</summary>
    public static int Distinct => Palette.Colors.Count * Patterns.Count;

    /// <summary>
    /// The pattern of each layer (index into <see cref="Patterns"/>), or -1 for the layer's own style: layers with their
    /// own colour, and the first round of palette colours, keep their style.
    /// </summary>
    public static int[] PatternIndices(IReadOnlyList<Layer> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        var result = new int[layers.Count];
        var next = 0;
        for (var k = 0; k < layers.Count; k++)
        {
            // the same count of palette colours as PanelPlot.LayerColors
            var round = layers[k] is { Color: null } and not (ReferenceLine or Band or HeatmapLayer) ? next++ / Palette.Colors.Count : 0;
            result[k] = layers[k] is LineSeries && round > 0 ? round % Patterns.Count : -1;
        }

        return result;
    }
}
