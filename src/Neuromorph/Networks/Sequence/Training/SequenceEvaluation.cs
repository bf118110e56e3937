namespace Neuromorph.Networks.Sequence.Training;

/// <summary>Runs a model over a whole <see cref="SequenceSet"/> (through whatever substrate its weights are bound to).</summary>
public static class SequenceEvaluation
{
    /// <summary>Mean loss over the set's scored items (each sequence run from a zero state, in batches).</summary>
    public static double MeanLoss(SequenceModel model, SequenceSet set, LossKind loss, int batchSize = 64)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(set);
        double sum = 0;
        long count = 0;
        ForEachBatch(model, set, batchSize, (trace, targets, b, _) =>
        {
            var dy = new double[trace.Outputs.Length];
            var (s, c) = Loss.Evaluate(loss, trace.Outputs, 0, set.Steps, b, model.Spec.OutputSize, set, targets, dy);
            sum += s;
            count += c;
        });
        return count > 0 ? sum / count : double.NaN;
    }

    /// <summary>
    /// Model outputs for every sequence, sequence-major: N × T × O for every-step targets, N × O (the last step) for
    /// final-step targets, aligned with <see cref="SequenceSet.Targets"/>.
    /// </summary>
    public static double[] Predict(SequenceModel model, SequenceSet set, int batchSize = 64)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(set);
        var o = model.Spec.OutputSize;
        var per = set.Timing == TargetTiming.EveryStep ? set.Steps * o : o;
        var result = new double[set.Count * per];
        ForEachBatch(model, set, batchSize, (trace, _, b, first) =>
        {
            for (var k = 0; k < b; k++)
            {
                for (var t = set.Timing == TargetTiming.EveryStep ? 0 : set.Steps - 1; t < set.Steps; t++)
                {
                    var dst = ((first + k) * per) + (set.Timing == TargetTiming.EveryStep ? t * o : 0);
                    Array.Copy(trace.Outputs, ((t * b) + k) * o, result, dst, o);
                }
            }
        });
        return result;
    }

    private static void ForEachBatch(SequenceModel model, SequenceSet set, int batchSize, Action<ModelTrace, double[], int, int> visit)
    {
        var bMax = Math.Clamp(batchSize, 1, Math.Max(1, set.Count));
        var x = new double[set.Steps * bMax * set.InputSize];
        var targets = new double[set.Steps * bMax * set.TargetSize];
        var order = Enumerable.Range(0, set.Count).ToArray();
        for (var start = 0; start < set.Count; start += bMax)
        {
            var b = Math.Min(bMax, set.Count - start);
            set.Gather(order.AsSpan(start, b), x, targets);
            visit(model.Forward(x, set.Steps, b), targets, b, start);
        }
    }
}
