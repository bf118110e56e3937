using System.Numerics.Tensors;

namespace Neuromorph.Networks.Seq2Seq.Training;

/// <summary>Cross-entropy of the decoder's logits against the target tokens, the mean over every step of every sequence (torch.nn.functional.cross_entropy).</summary>
public static class TokenLoss
{
    /// <summary>
    /// The mean loss of <paramref name="trace"/> against <paramref name="targets"/> (B × T, sequence-major); writes
    /// dLoss/dlogits (T × B × V) into <paramref name="dLogits"/> unless it is empty.
    /// </summary>
    public static double CrossEntropy(Seq2SeqTrace trace, ReadOnlySpan<int> targets, int vocabulary, Span<double> dLogits)
    {
        ArgumentNullException.ThrowIfNull(trace);
        int steps = trace.Steps, batch = trace.Batch, rows = steps * batch;
        var p = new double[vocabulary];
        var loss = 0.0;
        for (var t = 0; t < steps; t++)
        {
            for (var b = 0; b < batch; b++)
            {
                var row = (t * batch) + b;
                var logits = trace.Logits.AsSpan(row * vocabulary, vocabulary);
                var target = targets[(b * steps) + t];
                var max = TensorPrimitives.Max<double>(logits);
                TensorPrimitives.Subtract(logits, max, p);
                TensorPrimitives.Exp(p, p);
                var sum = TensorPrimitives.Sum<double>(p);
                loss += Math.Log(sum) + max - logits[target];
                if (!dLogits.IsEmpty)
                {
                    var d = dLogits.Slice(row * vocabulary, vocabulary);
                    TensorPrimitives.Multiply(p, 1 / (sum * rows), d);
                    d[target] -= 1.0 / rows;
                }
            }
        }

        return loss / rows;
    }
}
