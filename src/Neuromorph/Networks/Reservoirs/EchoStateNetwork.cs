using MathNet.Numerics.LinearAlgebra;
using Neuromorph.Compute;
using Neuromorph.Networks.Sequence;
using Neuromorph.Numerics.Dense;
using Neuromorph.Numerics.Sparse;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Networks.Reservoirs;

/// <summary>
/// Echo-state network reservoir (Jaeger 2001): x_t = (1 − a) x_{t−1} + a f(W_in u_t + W x_{t−1} + b). W (N × N) and
/// W_in (N × I) are used through <see cref="IWeightSubstrate"/>s (sparse and dense ideal weights by default; a
/// crossbar can hold either). The state persists between calls, so a run can be split (washout, training, test,
/// then free-running generation).
/// </summary>
public sealed class EchoStateNetwork
{
    private readonly double[] _inputWeights;

    /// <summary>Draws a reservoir from <paramref name="spec"/>.</summary>
    public EchoStateNetwork(ReservoirSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(spec.Units);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(spec.InputSize);
        if (!(spec.LeakRate is > 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(spec), spec.LeakRate, "leak rate must lie in (0, 1]");
        }

        Spec = spec;
        var n = spec.Units;
        var rng = new RandomStream(spec.Seed);
        Recurrent = spec.Topology == ReservoirTopology.Orthogonal ? Orthogonal(n, spec.SpectralRadius, rng) : SparseRandom(n, spec.Density, spec.SpectralRadius, rng, spec.Seed);
        _inputWeights = [.. Enumerable.Range(0, n * spec.InputSize).Select(_ => spec.InputScaling * ((2 * rng.NextDouble()) - 1))];
        Bias = [.. Enumerable.Range(0, n).Select(_ => spec.BiasScaling * ((2 * rng.NextDouble()) - 1))];
        RecurrentWeights = new SparseWeights(Recurrent);
        InputWeights = new GemmWeights(_inputWeights, n, spec.InputSize, CpuGemm.Shared);
        State = new double[n];
    }

    /// <summary>The reservoir's description.</summary>
    public ReservoirSpec Spec { get; }

    /// <summary>N.</summary>
    public int Units => Spec.Units;

    /// <summary>W, sparse, already scaled to the spectral radius.</summary>
    public CsrMatrix Recurrent { get; }

    /// <summary>W_in, N × I row-major.</summary>
    public ReadOnlySpan<double> InputMatrix => _inputWeights;

    /// <summary>b, N.</summary>
    public double[] Bias { get; }

    /// <summary>What computes W x (default: the sparse ideal weights).</summary>
    public IWeightSubstrate RecurrentWeights { get; set; }

    /// <summary>What computes W_in u (default: the ideal weights).</summary>
    public IWeightSubstrate InputWeights { get; set; }

    /// <summary>The current state x (N).</summary>
    public double[] State { get; private set; }

    /// <summary>Sets the state to zero.</summary>
    public void Reset() => State = new double[Units];

    /// <summary>W_in as a 2-D array (to program a crossbar).</summary>
    public double[,] InputMatrixArray()
    {
        var w = new double[Units, Spec.InputSize];
        for (var i = 0; i < Units; i++)
        {
            for (var j = 0; j < Spec.InputSize; j++)
            {
                w[i, j] = _inputWeights[(i * Spec.InputSize) + j];
            }
        }

        return w;
    }

    /// <summary>
    /// Drives the reservoir with <paramref name="length"/> input rows (<paramref name="inputs"/>, length × I) from the
    /// current state and returns every state (length × N); the state after the last step is kept.
    /// </summary>
    public double[] Run(ReadOnlySpan<double> inputs, int length)
    {
        int n = Units, i = Spec.InputSize;
        var projected = new double[length * n];
        InputWeights.Multiply(inputs[..(length * i)], projected, length);
        var states = new double[length * n];
        var wx = new double[n];
        for (var t = 0; t < length; t++)
        {
            var x = states.AsSpan(t * n, n);
            Update(projected.AsSpan(t * n, n), wx, x);
        }

        return states;
    }

    /// <summary>One step from input <paramref name="u"/> (I values); returns the new state (a copy).</summary>
    public double[] Step(ReadOnlySpan<double> u)
    {
        var pre = new double[Units];
        InputWeights.Multiply(u, pre, 1);
        var x = new double[Units];
        Update(pre, new double[Units], x);
        return x;
    }

    /// <summary>x_t from W_in u_t (in <paramref name="pre"/>, overwritten) and the current state; writes it to <paramref name="x"/> and keeps it.</summary>
    private void Update(Span<double> pre, double[] wx, Span<double> x)
    {
        RecurrentWeights.Multiply(State, wx, 1);
        var a = Spec.LeakRate;
        var tanh = Spec.Activation == ReservoirActivation.Tanh;
        for (var k = 0; k < pre.Length; k++)
        {
            var z = pre[k] + wx[k] + Bias[k];
            x[k] = ((1 - a) * State[k]) + (a * (tanh ? Math.Tanh(z) : z));
        }

        x.CopyTo(State);
    }

    private static CsrMatrix SparseRandom(int n, double density, double rho, RandomStream rng, ulong seed)
    {
        var b = new CooBuilder(n, n);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (rng.NextDouble() < density)
                {
                    b.Add(i, j, (2 * rng.NextDouble()) - 1);
                }
            }
        }

        var w = b.ToCsr();
        var r0 = w.NonZeroCount == 0 ? 0 : SpectralRadius.Of(w, seed);
        if (r0 > 0)
        {
            System.Numerics.Tensors.TensorPrimitives.Multiply(w.Values, rho / r0, w.Values);
        }

        return w;
    }

    private static CsrMatrix Orthogonal(int n, double rho, RandomStream rng)
    {
        var g = Matrix<double>.Build.Dense(n, n);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                g[i, j] = rng.NextGaussian();
            }
        }

        var q = g.QR().Q;
        var b = new CooBuilder(n, n);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                b.Add(i, j, rho * q[i, j]);
            }
        }

        return b.ToCsr();
    }
}
