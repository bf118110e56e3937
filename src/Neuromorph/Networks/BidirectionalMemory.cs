using Neuromorph.Compute;

namespace Neuromorph.Networks;

/// <summary>
/// Bidirectional associative memory (Kosko 1988): layers A (n neurons) and B (p neurons) linked by an n x p
/// matrix M. B = sgn(A M), A = sgn(B M^T); a zero input keeps the previous state. Energy E = -A M B^T,
/// non-increasing along the alternating updates.
/// </summary>
public sealed class BidirectionalMemory
{
    /// <summary>Creates a memory over <paramref name="weights"/> (n x p).</summary>
    public BidirectionalMemory(IWeightSubstrate weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        Weights = weights;
    }

    /// <summary>Correlation matrix M (n x p).</summary>
    public IWeightSubstrate Weights { get; }

    /// <summary>E = -A M B^T.</summary>
    public double Energy(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var mb = new double[Weights.Rows];
        Weights.Multiply(b, mb, 1);
        return -System.Numerics.Tensors.TensorPrimitives.Dot<double>(a, mb);
    }

    /// <summary>
    /// Alternates B &lt;- sgn(A M), A &lt;- sgn(B M^T) from the given states until neither changes (or
    /// <paramref name="maxIterations"/>). Returns the energy after each half-step (first entry: initial energy).
    /// <paramref name="afterIteration"/> sees both layers after every full iteration (for overlap-against-time data).
    /// </summary>
    public IReadOnlyList<double> Recall(double[] a, double[] b, int maxIterations = 100, Action<double[], double[]>? afterIteration = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var energies = new List<double> { Energy(a, b) };
        var tb = new double[b.Length];
        var ta = new double[a.Length];
        for (var it = 0; it < maxIterations; it++)
        {
            Weights.MultiplyTransposed(a, tb, 1);
            var changed = Threshold(tb, b);
            energies.Add(Energy(a, b));
            Weights.Multiply(b, ta, 1);
            changed |= Threshold(ta, a);
            energies.Add(Energy(a, b));
            afterIteration?.Invoke(a, b);
            if (!changed)
            {
                break;
            }
        }

        return energies;
    }

    private static bool Threshold(double[] input, double[] state)
    {
        var changed = false;
        for (var i = 0; i < state.Length; i++)
        {
            var s = input[i] > 0 ? 1.0 : input[i] < 0 ? -1.0 : state[i];
            changed |= s != state[i];
            state[i] = s;
        }

        return changed;
    }
}
