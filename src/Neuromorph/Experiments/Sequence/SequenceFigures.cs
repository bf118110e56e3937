using Neuromorph.Figures;
using Neuromorph.Networks.Sequence.Training;

namespace Neuromorph.Experiments.Sequence;

/// <summary>
/// The pictures of a sequence run: <c>training</c> (train and validation loss against epoch on a log scale, the kept
/// epoch marked) and <c>predictions</c> (targets and predictions over the first scored test steps, one panel per target;
/// for classification the predicted against the true class; for many-to-one tasks, one target per independent
/// sequence, prediction against target per sequence with the line y = x).
/// </summary>
public static class SequenceFigures
{
    /// <summary>Test steps drawn at most (a few sequences' worth).</summary>
    public const int MaxSteps = 200;

    /// <summary>Test sequences drawn at most in the target-against-prediction scatter of many-to-one tasks.</summary>
    public const int MaxScatterPoints = 5000;

    /// <summary>Train and validation loss per epoch; <paramref name="keptEpoch"/> (the model written) as a vertical line.</summary>
    public static Figure Training(IReadOnlyList<EpochReport> epochs, int keptEpoch)
    {
        ArgumentNullException.ThrowIfNull(epochs);
        var epoch = epochs.Select(e => (double)e.Epoch).ToArray();
        var layers = new List<Layer> { new LineSeries("train", epoch, [.. epochs.Select(e => e.TrainLoss)]) { Style = epochs.Count < 40 ? LineStyle.LineAndMarkers : LineStyle.Solid } };
        if (epochs.Any(e => double.IsFinite(e.ValidationLoss)))
        {
            layers.Add(new LineSeries("validation", epoch, [.. epochs.Select(e => e.ValidationLoss)]) { Style = epochs.Count < 40 ? LineStyle.LineAndMarkers : LineStyle.Solid });
        }

        if (keptEpoch > 0 && keptEpoch < epochs.Count)
        {
            layers.Add(new ReferenceLine($"kept (epoch {keptEpoch})", keptEpoch, ReferenceOrientation.Vertical));
        }

        var panel = new Panel(new FigureAxis("Epoch") { IntegerTicks = true }, FigureAxis.Log("Loss"), layers);
        return Figure.Single("training", panel) with { Title = "Training curve" };
    }

    /// <summary>Targets and predictions of the first scored steps of <paramref name="set"/> (the rows predictions.csv holds).</summary>
    public static Figure Predictions(SequenceSet set, double[] predictions, int outputs, IReadOnlyList<string> targetNames, LossKind loss)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(targetNames);
        if (set.Timing == TargetTiming.FinalStep && loss == LossKind.MeanSquaredError)
        {
            return Scatter(set, predictions, outputs, targetNames);
        }

        var rows = new List<int>();
        var (first, stepsPer) = set.Timing == TargetTiming.EveryStep ? (set.Washout, set.Steps) : (set.Steps - 1, set.Steps);
        for (var s = 0; s < set.Count && rows.Count < MaxSteps; s++)
        {
            for (var t = first; t < stepsPer && rows.Count < MaxSteps; t++)
            {
                rows.Add(set.Timing == TargetTiming.EveryStep ? (s * set.Steps) + t : s);
            }
        }

        var x = Enumerable.Range(0, rows.Count).Select(i => (double)i).ToArray();
        var xAxis = new FigureAxis(set.Timing == TargetTiming.EveryStep ? "Scored test step" : "Test sequence") { IntegerTicks = true };
        if (loss == LossKind.CrossEntropy)
        {
            var predicted = rows.Select(r => (double)System.Numerics.Tensors.TensorPrimitives.IndexOfMax(predictions.AsSpan(r * outputs, outputs))).ToArray();
            var panel = new Panel(xAxis, new FigureAxis("Class") { IntegerTicks = true },
            [
                new LineSeries("target", x, [.. rows.Select(r => set.Targets[r])]) { Style = LineStyle.Markers },
                new LineSeries("predicted", x, predicted) { Style = LineStyle.Markers },
            ]);
            return Figure.Single("predictions", panel) with { Title = "Predicted and true class, test data" };
        }

        var panels = Enumerable.Range(0, Math.Min(outputs, 4)).Select(o => new Panel(xAxis, new FigureAxis(o < targetNames.Count ? targetNames[o] : $"output {o}"),
        [
            new LineSeries("target", x, [.. rows.Select(r => set.Targets[(r * outputs) + o])]) { Width = 2.2 },
            new LineSeries("prediction", x, [.. rows.Select(r => predictions[(r * outputs) + o])]) { Style = LineStyle.Dashed },
        ])).ToList();
        return new Figure("predictions", panels) { Title = "Targets and predictions, test data", SharedX = true, Width = 860 };
    }

    /// <summary>
    /// Many-to-one tasks (one target per independent sequence, e.g. the adding problem): prediction against target per
    /// test sequence, with the line y = x where a perfect model's points lie; points of different sequences are not joined.
    /// </summary>
    private static Figure Scatter(SequenceSet set, double[] predictions, int outputs, IReadOnlyList<string> targetNames)
    {
        var count = Math.Min(set.Count, MaxScatterPoints);
        var panels = Enumerable.Range(0, Math.Min(outputs, 4)).Select(o =>
        {
            var name = o < targetNames.Count ? targetNames[o] : $"output {o}";
            var target = Enumerable.Range(0, count).Select(r => set.Targets[(r * outputs) + o]).ToArray();
            var predicted = Enumerable.Range(0, count).Select(r => predictions[(r * outputs) + o]).ToArray();
            var finite = target.Concat(predicted).Where(double.IsFinite).DefaultIfEmpty(0).ToList();
            var (lo, hi) = (finite.Min(), finite.Max());
            return new Panel(new FigureAxis($"Target {name}"), new FigureAxis($"Predicted {name}"),
            [
                new LineSeries("y = x", [lo, hi], [lo, hi]) { Style = LineStyle.Dashed, Width = 1.2 },
                new LineSeries("test sequences", target, predicted) { Style = LineStyle.Markers },
            ]);
        }).ToList();
        return new Figure("predictions", panels) { Title = $"Predictions against targets, {count} test sequences" };
    }
}
