using Neuromorph.Figures;

namespace Neuromorph.Experiments.Shared;

/// <summary>
/// Targets and a readout's outputs over the test part of a series, one panel per target (up to four): the
/// <c>predictions</c> (or <c>generated</c>) figure of the reservoir experiments (<c>kind: esn</c>, <c>kind: lsm</c>).
/// </summary>
public static class PredictionFigure
{
    /// <summary>Targets and outputs (count × O each) at steps first, first + 1, ...</summary>
    public static Figure Of(IReadOnlyList<string> targetNames, int first, int count, double[] target, double[] output, bool generated)
    {
        ArgumentNullException.ThrowIfNull(targetNames);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(output);
        var o = targetNames.Count;
        var steps = Enumerable.Range(first, count).Select(t => (double)t).ToArray();
        var xAxis = new FigureAxis("Step") { IntegerTicks = true };
        var name = generated ? "generated" : "prediction";
        var panels = Enumerable.Range(0, Math.Min(o, 4)).Select(k => new Panel(xAxis, new FigureAxis(targetNames[k]),
        [
            new LineSeries("target", steps, [.. Enumerable.Range(0, count).Select(t => target[(t * o) + k])]) { Width = 2.2 },
            new LineSeries(name, steps, [.. Enumerable.Range(0, count).Select(t => output[(t * o) + k])]) { Style = LineStyle.Dashed },
        ])).ToList();
        return new Figure(generated ? "generated" : "predictions", panels)
        {
            Title = generated ? "Targets and free-running outputs, test part" : "Targets and predictions, test part",
            SharedX = true,
            Width = 860,
        };
    }
}
