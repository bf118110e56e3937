using System.Globalization;
using System.Text;
using Neuromorph.Experiments.Results;
using Neuromorph.Experiments.Shared;
using Neuromorph.Io;
using Neuromorph.Networks.Sequence.Training;

namespace Neuromorph.Experiments.Sequence;

/// <summary>The CSV files sequence and reservoir runs write (header row first; plots are made from them elsewhere).</summary>
public static class SequenceOutputs
{
    /// <summary>training.csv: epoch, train_loss, validation_loss, gradient_norm, seconds.</summary>
    public static string WriteTrainingCurve(string dir, IReadOnlyList<EpochReport> epochs)
    {
        var path = Path.Combine(dir, "training.csv");
        CsvTable.Write(path, ["epoch", "train_loss", "validation_loss", "gradient_norm", "seconds"],
            [[.. epochs.Select(e => (double)e.Epoch)], [.. epochs.Select(e => e.TrainLoss)], [.. epochs.Select(e => e.ValidationLoss)], [.. epochs.Select(e => e.GradientNorm)], [.. epochs.Select(e => e.Seconds)]]);
        return path;
    }

    /// <summary>
    /// predictions.csv for the scored steps of <paramref name="set"/>: sequence, step, then target_NAME and
    /// prediction_NAME per target (cross-entropy: target_class, predicted_class).
    /// </summary>
    public static string WritePredictions(string dir, SequenceSet set, double[] predictions, int outputs, IReadOnlyList<string> targetNames, LossKind loss)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(targetNames);
        var path = Path.Combine(dir, "predictions.csv");
        var b = new StringBuilder();
        var header = loss == LossKind.CrossEntropy
            ? new[] { "sequence", "step", "target_class", "predicted_class" }
            : [.. new[] { "sequence", "step" }, .. targetNames.Select(n => $"target_{n}"), .. targetNames.Select(n => $"prediction_{n}")];
        b.Append(CsvRow.Format(header)).Append('\n');
        var (first, stepsPer) = set.Timing == TargetTiming.EveryStep ? (set.Washout, set.Steps) : (set.Steps - 1, set.Steps);
        for (var s = 0; s < set.Count; s++)
        {
            for (var t = first; t < stepsPer; t++)
            {
                var row = set.Timing == TargetTiming.EveryStep ? (s * set.Steps) + t : s;
                b.Append(CultureInfo.InvariantCulture, $"{s},{t}");
                if (loss == LossKind.CrossEntropy)
                {
                    var predicted = System.Numerics.Tensors.TensorPrimitives.IndexOfMax(predictions.AsSpan(row * outputs, outputs));
                    b.Append(CultureInfo.InvariantCulture, $",{set.Targets[row]},{predicted}");
                }
                else
                {
                    for (var o = 0; o < outputs; o++)
                    {
                        b.Append(',').Append(set.Targets[(row * outputs) + o].ToString("R", CultureInfo.InvariantCulture));
                    }

                    for (var o = 0; o < outputs; o++)
                    {
                        b.Append(',').Append(predictions[(row * outputs) + o].ToString("R", CultureInfo.InvariantCulture));
                    }
                }

                b.Append('\n');
            }
        }

        AtomicFile.WriteAllText(path, b.ToString());
        return path;
    }

    /// <summary>metrics.csv: one row per metric (metric, value), as <see cref="MetricsTable"/> has it.</summary>
    public static string WriteMetrics(string dir, IReadOnlyDictionary<string, double> metrics) => ResultWriter.Write(MetricsTable.Of(metrics), dir);
}
