using Neuromorph.Experiments.Shared;
using Neuromorph.Figures;

namespace Neuromorph.Experiments.Reservoir;

/// <summary>
/// The pictures of a reservoir run: <c>predictions</c> (or <c>generated</c>: targets and the readout's outputs over the
/// test part, one panel per target, up to four), <c>reservoir_states</c> (a few units' states, or a memristive
/// reservoir's features, over the same steps) and, for memory capacity, <c>memory_capacity</c> (r² against delay).
/// </summary>
public static class EsnFigures
{
    /// <summary>Units (features) traced at most.</summary>
    public const int MaxTraces = 6;

    /// <summary>Targets and outputs (count × O each) at steps first, first + 1, ...</summary>
    public static Figure Predictions(IReadOnlyList<string> targetNames, int first, int count, double[] target, double[] output, bool generated) =>
        PredictionFigure.Of(targetNames, first, count, target, output, generated);

    /// <summary>
    /// A few evenly spaced columns of <paramref name="states"/> (steps × <paramref name="width"/>, row-major) over steps
    /// [<paramref name="first"/>, <paramref name="first"/> + <paramref name="count"/>); <paramref name="unitName"/> names a column ("unit", "feature").
    /// </summary>
    public static Figure States(double[] states, int width, int first, int count, string unitName)
    {
        ArgumentNullException.ThrowIfNull(states);
        var steps = Enumerable.Range(first, count).Select(t => (double)t).ToArray();
        var shown = Enumerable.Range(0, Math.Min(width, MaxTraces)).Select(k => k * width / Math.Min(width, MaxTraces)).Distinct().ToList();
        var traces = shown.Select((u, k) => (Layer)new LineSeries($"{unitName} {u + 1}", steps, [.. Enumerable.Range(first, count).Select(t => states[(t * width) + u])]) { Color = Palette.At(k), Width = 1.2 }).ToList();
        var panel = new Panel(new FigureAxis("Step") { IntegerTicks = true }, new FigureAxis(unitName == "unit" ? "Reservoir state" : "Reservoir feature"), traces);
        return Figure.Single("reservoir_states", panel) with { Title = $"{shown.Count} of {width} reservoir {unitName}s" };
    }

    /// <summary>Squared correlation of the delayed-input reconstruction against the delay 1, 2, ...</summary>
    public static Figure MemoryCapacity(IReadOnlyList<double> perDelay, double total)
    {
        ArgumentNullException.ThrowIfNull(perDelay);
        var delays = Enumerable.Range(1, perDelay.Count).Select(k => (double)k).ToArray();
        var panel = new Panel(new FigureAxis("Delay k") { IntegerTicks = true }, new FigureAxis("r²"), [new LineSeries("r²", delays, perDelay) { Style = LineStyle.LineAndMarkers }])
        {
            Legend = LegendPlacement.None,
        };
        return Figure.Single("memory_capacity", panel) with { Title = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Memory capacity {total:F3}") };
    }
}
