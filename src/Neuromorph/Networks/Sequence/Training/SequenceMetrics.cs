namespace Neuromorph.Networks.Sequence.Training;

/// <summary>
/// Scores of a model's predictions on a set (scored steps only): mean squared error, NRMSE = RMSE / standard deviation
/// of the targets, and, for classification (cross-entropy), the fraction of scored steps whose largest output is the
/// target class.
/// </summary>
public sealed record SequenceMetrics(double MeanSquaredError, double Nrmse, double Accuracy)
{
    /// <summary>Scores <paramref name="predictions"/> (as <see cref="SequenceEvaluation.Predict"/> returns them) against <paramref name="set"/>.</summary>
    public static SequenceMetrics Of(SequenceSet set, double[] predictions, int outputs, LossKind loss)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(predictions);
        var (first, stepsPer) = set.Timing == TargetTiming.EveryStep ? (set.Washout, set.Steps) : (0, 1);
        if (loss == LossKind.CrossEntropy)
        {
            int hits = 0, count = 0;
            for (var s = 0; s < set.Count; s++)
            {
                for (var t = first; t < stepsPer; t++)
                {
                    var y = predictions.AsSpan(((s * stepsPer) + t) * outputs, outputs);
                    var label = (int)set.Targets[(s * stepsPer) + t];
                    hits += System.Numerics.Tensors.TensorPrimitives.IndexOfMax(y) == label ? 1 : 0;
                    count++;
                }
            }

            return new SequenceMetrics(double.NaN, double.NaN, count > 0 ? hits / (double)count : double.NaN);
        }

        var targets = new List<double>();
        var sq = 0.0;
        for (var s = 0; s < set.Count; s++)
        {
            for (var t = first; t < stepsPer; t++)
            {
                for (var o = 0; o < outputs; o++)
                {
                    var i = (((s * stepsPer) + t) * outputs) + o;
                    var e = predictions[i] - set.Targets[i];
                    sq += e * e;
                    targets.Add(set.Targets[i]);
                }
            }
        }

        var mse = sq / targets.Count;
        var mean = targets.Average();
        var variance = targets.Sum(v => (v - mean) * (v - mean)) / targets.Count;
        return new SequenceMetrics(mse, variance > 0 ? Math.Sqrt(mse / variance) : double.NaN, double.NaN);
    }

    /// <summary>NRMSE = RMSE / standard deviation of <paramref name="target"/>, and the MSE, of predictions <paramref name="y"/>.</summary>
    public static double NormalisedRmse(ReadOnlySpan<double> y, ReadOnlySpan<double> target, out double mse)
    {
        double mean = 0, sq = 0, variance = 0;
        foreach (var v in target)
        {
            mean += v;
        }

        mean /= target.Length;
        for (var i = 0; i < target.Length; i++)
        {
            sq += (y[i] - target[i]) * (y[i] - target[i]);
            variance += (target[i] - mean) * (target[i] - mean);
        }

        mse = sq / target.Length;
        return variance > 0 ? Math.Sqrt(sq / variance) : double.NaN;
    }
}
