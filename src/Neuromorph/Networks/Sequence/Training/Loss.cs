namespace Neuromorph.Networks.Sequence.Training;

/// <summary>Training objectives, as PyTorch defines them with reduction 'mean'.</summary>
public enum LossKind
{
    /// <summary>Mean over every scored output value of (y − target)² (torch.nn.MSELoss).</summary>
    MeanSquaredError,

    /// <summary>Mean over scored steps of −log softmax(y)[class] (torch.nn.CrossEntropyLoss); the target is the class index.</summary>
    CrossEntropy,
}

/// <summary>Evaluates a loss on a chunk of outputs and its gradient with respect to them.</summary>
public static class Loss
{
    /// <summary>
    /// Loss of outputs <paramref name="y"/> (steps [t0, t0 + chunk) of a batch, chunk × B × O, time-major) against the
    /// batch's <paramref name="targets"/> laid out as <see cref="SequenceSet.Gather"/> writes them. Writes
    /// dLoss/dy into <paramref name="dy"/> (zero at unscored steps) for the mean over this chunk's scored items and
    /// returns the sum over them and their number (values for MSE, steps for cross-entropy); no scored item gives (0, 0).
    /// </summary>
    public static (double Sum, int Count) Evaluate(LossKind kind, ReadOnlySpan<double> y, int t0, int chunk, int batch, int outputs,
        SequenceSet layout, ReadOnlySpan<double> targets, Span<double> dy)
    {
        ArgumentNullException.ThrowIfNull(layout);
        dy[..(chunk * batch * outputs)].Clear();
        var scored = new List<int>();
        for (var s = 0; s < chunk; s++)
        {
            var t = t0 + s;
            if (layout.Timing == TargetTiming.FinalStep ? t == layout.Steps - 1 : t >= layout.Washout)
            {
                scored.Add(s);
            }
        }

        var count = scored.Count * batch * (kind == LossKind.MeanSquaredError ? outputs : 1);
        if (count == 0)
        {
            return (0, 0);
        }

        var sum = 0.0;
        foreach (var s in scored)
        {
            for (var b = 0; b < batch; b++)
            {
                var yo = y.Slice(((s * batch) + b) * outputs, outputs);
                var g = dy.Slice(((s * batch) + b) * outputs, outputs);
                var target = layout.Timing == TargetTiming.FinalStep
                    ? targets.Slice(b * layout.TargetSize, layout.TargetSize)
                    : targets.Slice((((t0 + s) * batch) + b) * layout.TargetSize, layout.TargetSize);
                sum += kind == LossKind.MeanSquaredError ? SquaredError(yo, target, g, count) : CrossEntropy(yo, (int)target[0], g, count);
            }
        }

        return (sum, count);
    }

    private static double SquaredError(ReadOnlySpan<double> y, ReadOnlySpan<double> target, Span<double> g, int count)
    {
        var sum = 0.0;
        for (var o = 0; o < y.Length; o++)
        {
            var e = y[o] - target[o];
            sum += e * e;
            g[o] = 2 * e / count;
        }

        return sum;
    }

    private static double CrossEntropy(ReadOnlySpan<double> logits, int label, Span<double> g, int count)
    {
        var max = double.NegativeInfinity;
        foreach (var v in logits)
        {
            max = Math.Max(max, v);
        }

        var z = 0.0;
        foreach (var v in logits)
        {
            z += Math.Exp(v - max);
        }

        var logZ = max + Math.Log(z);
        for (var o = 0; o < logits.Length; o++)
        {
            g[o] = (Math.Exp(logits[o] - logZ) - (o == label ? 1 : 0)) / count;
        }

        return logZ - logits[label];
    }
}
