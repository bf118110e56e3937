using Neuromorph.Networks.Memory.Tasks;

namespace Neuromorph.Networks.Memory.Training;

/// <summary>Binary cross-entropy of the output phase of a memory-task example (copy, associative recall), and its bit errors.</summary>
public static class CopyLoss
{
    /// <summary>
    /// Mean binary cross-entropy per output bit over the output steps (computed from logits, stable); writes
    /// ∂loss/∂logits into <paramref name="dLogits"/> (T × bits) when it is not empty, zero outside the output phase.
    /// </summary>
    public static double CrossEntropy(ReadOnlySpan<double> logits, MemoryExample example, Span<double> dLogits)
    {
        ArgumentNullException.ThrowIfNull(example);
        var b = example.Bits;
        var scale = 1.0 / (example.OutputSteps * b);
        double loss = 0;
        if (!dLogits.IsEmpty)
        {
            dLogits.Clear();
        }

        for (var t = example.OutputStart; t < example.Steps; t++)
        {
            for (var k = 0; k < b; k++)
            {
                var z = logits[(t * b) + k];
                var y = example.Targets[(t * b) + k];
                loss += (Math.Max(z, 0) - (z * y) + Math.Log(1 + Math.Exp(-Math.Abs(z)))) * scale;
                if (!dLogits.IsEmpty)
                {
                    dLogits[(t * b) + k] = (Sigmoid(z) - y) * scale;
                }
            }
        }

        return loss;
    }

    /// <summary>Output bits whose thresholded (0.5) prediction differs from the target, over the output phase.</summary>
    public static int BitErrors(ReadOnlySpan<double> outputs, MemoryExample example)
    {
        ArgumentNullException.ThrowIfNull(example);
        var b = example.Bits;
        var errors = 0;
        for (var t = example.OutputStart; t < example.Steps; t++)
        {
            for (var k = 0; k < b; k++)
            {
                if ((outputs[(t * b) + k] > 0.5) != (example.Targets[(t * b) + k] > 0.5))
                {
                    errors++;
                }
            }
        }

        return errors;
    }

    private static double Sigmoid(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));
}
