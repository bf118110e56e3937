using Neuromorph.Compute;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Networks;

/// <summary>
/// Binary Hopfield network (Hopfield 1982) with states s_i in {-1,+1}, weights W from any
/// <see cref="IWeightSubstrate"/> and thresholds b. Energy E = -1/2 s^T W s - b^T s. Updates
/// s_i = sgn(sum_j W_ij s_j + b_i (+ noise)); a zero input keeps the previous state.
/// </summary>
public sealed class HopfieldNetwork
{
    /// <summary>Creates a network over square weights; <paramref name="thresholds"/> null means zero.</summary>
    public HopfieldNetwork(IWeightSubstrate weights, double[]? thresholds = null)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Rows != weights.Columns)
        {
            throw new ArgumentException($"Hopfield weights must be square, got {weights.Rows} x {weights.Columns}", nameof(weights));
        }

        Weights = weights;
        Thresholds = thresholds ?? new double[weights.Rows];
    }

    /// <summary>Weight substrate.</summary>
    public IWeightSubstrate Weights { get; }

    /// <summary>Bias b_i added to every neuron's input.</summary>
    public double[] Thresholds { get; }

    /// <summary>Number of neurons.</summary>
    public int Size => Weights.Rows;

    /// <summary>E = -1/2 s^T W s - b^T s.</summary>
    public double Energy(ReadOnlySpan<double> s)
    {
        var h = new double[Size];
        Weights.Multiply(s, h, 1);
        var e = 0.0;
        for (var i = 0; i < Size; i++)
        {
            e -= s[i] * ((0.5 * h[i]) + Thresholds[i]);
        }

        return e;
    }

    /// <summary>
    /// Asynchronous updates in a fresh random order each sweep until a sweep changes nothing (or
    /// <paramref name="maxSweeps"/>). <paramref name="noise"/> adds Gaussian noise of the scheduled amplitude
    /// to each input (annealing). Returns the energy after each sweep (first entry: initial energy).
    /// <paramref name="afterSweep"/> sees the state after every sweep (for overlap-against-time data).
    /// </summary>
    public IReadOnlyList<double> RunAsynchronous(double[] state, int maxSweeps, RandomStream random, NoiseSchedule? noise = null, Action<double[]>? afterSweep = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        var n = Size;
        var order = Enumerable.Range(0, n).ToArray();
        var energies = new List<double> { Energy(state) };
        var dense = Weights as DenseWeights;
        for (var sweep = 0; sweep < maxSweeps; sweep++)
        {
            var sigma = noise?.At(maxSweeps > 1 ? sweep / (double)(maxSweeps - 1) : 1) ?? 0;
            for (var i = n - 1; i > 0; i--)
            {
                var j = random.Next(i + 1);
                (order[i], order[j]) = (order[j], order[i]);
            }

            var changed = false;
            foreach (var i in order)
            {
                var h = Thresholds[i] + (dense is not null ? System.Numerics.Tensors.TensorPrimitives.Dot<double>(dense.Row(i), state) : RowDot(i, state));
                if (sigma > 0)
                {
                    h += sigma * random.NextGaussian();
                }

                var s = h > 0 ? 1.0 : h < 0 ? -1.0 : state[i];
                if (s != state[i])
                {
                    state[i] = s;
                    changed = true;
                }
            }

            energies.Add(Energy(state));
            afterSweep?.Invoke(state);
            if (!changed && sigma == 0)
            {
                break;
            }
        }

        return energies;
    }

    /// <summary>
    /// Synchronous (parallel) updates of <paramref name="count"/> states stored back to back, batched through the
    /// substrate, until all are fixed points or 2-cycles, or <paramref name="maxSteps"/>. Returns energies per
    /// step for each state (energies[step][state]). <paramref name="afterStep"/> sees the states after every step.
    /// </summary>
    public IReadOnlyList<double[]> RunSynchronous(double[] states, int count, int maxSteps, Action<double[]>? afterStep = null)
    {
        ArgumentNullException.ThrowIfNull(states);
        var n = Size;
        var h = new double[n * count];
        var previous = new double[n * count];
        var energies = new List<double[]> { Energies(states, count) };
        for (var step = 0; step < maxSteps; step++)
        {
            Weights.Multiply(states, h, count);
            var twoCycle = step > 0;
            var changed = false;
            for (var k = 0; k < n * count; k++)
            {
                var input = h[k] + Thresholds[k % n];
                var s = input > 0 ? 1.0 : input < 0 ? -1.0 : states[k];
                twoCycle &= s == previous[k];
                previous[k] = states[k];
                changed |= s != states[k];
                states[k] = s;
            }

            energies.Add(Energies(states, count));
            afterStep?.Invoke(states);
            if (!changed || twoCycle)
            {
                break;
            }
        }

        return energies;
    }

    private double[] Energies(double[] states, int count)
    {
        var e = new double[count];
        for (var b = 0; b < count; b++)
        {
            e[b] = Energy(states.AsSpan(b * Size, Size));
        }

        return e;
    }

    private double RowDot(int i, double[] s)
    {
        var sum = 0.0;
        for (var j = 0; j < s.Length; j++)
        {
            sum += Weights.Weight(i, j) * s[j];
        }

        return sum;
    }
}
