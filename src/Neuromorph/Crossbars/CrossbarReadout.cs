using Neuromorph.Numerics.Randomness;
using Neuromorph.Numerics;

namespace Neuromorph.Crossbars;

/// <summary>
/// Reads a programmed array the way hardware does: inputs through the DAC, the array (ideal product, or the exact
/// nodal network when wires have resistance; per-read device noise when set), outputs through the ADC, and, when the
/// array carries mapped weights, column currents combined back into weight units.
/// </summary>
public sealed class CrossbarReadout
{
    private readonly NonIdealities _n;
    private readonly RandomStream _rng;
    private readonly NodalSolver? _solver;
    private readonly double[] _columns;
    private readonly NodalSolverOptions _solverOptions;
    private CrossbarArray? _effective;
    private int _reads;

    /// <summary>
    /// Creates a reader for <paramref name="array"/>; <paramref name="mapping"/> is null for raw conductance reads;
    /// <paramref name="solverOptions"/> chooses how arrays with wire resistance are solved (default: by size).
    /// </summary>
    public CrossbarReadout(CrossbarArray array, NonIdealities nonIdealities, WeightMapping? mapping, RandomStream rng, NodalSolverOptions? solverOptions = null)
    {
        ArgumentNullException.ThrowIfNull(array);
        Array = array;
        _n = nonIdealities ?? new NonIdealities();
        Mapping = mapping;
        _rng = rng ?? throw new ArgumentNullException(nameof(rng));
        _solverOptions = solverOptions ?? new NodalSolverOptions();
        _solver = array.IsIdeal ? null : new NodalSolver(array, _solverOptions);
        _columns = new double[array.Columns];
    }

    /// <summary>The programmed array.</summary>
    public CrossbarArray Array { get; }

    /// <summary>The weight mapping, or null.</summary>
    public WeightMapping? Mapping { get; }

    /// <summary>Number of outputs a read returns.</summary>
    public int Outputs => Mapping?.Outputs ?? Array.Columns;

    /// <summary>The nodal solver when wires have resistance (node voltages and device currents of the last read).</summary>
    public NodalSolver? Solver => _solver;

    /// <summary>One read of input voltages <paramref name="v"/>; <paramref name="adcRange"/> overrides the ADC full scale (amperes).</summary>
    public void Read(ReadOnlySpan<double> v, Span<double> outputs, double? adcRange = null)
    {
        var x = new double[v.Length];
        for (var i = 0; i < v.Length; i++)
        {
            x[i] = DataConverter.Quantize(v[i], _n.DacBits, _n.DacRange);
        }

        if (_n.ReadNoise > 0 || _n.PcmModel || _n.Nonlinearity != 0)
        {
            NoisyIdealRead(x, _columns);
        }
        else if (_solver is not null)
        {
            // After as many exact solves as there are rows, switch to the exact transfer matrix: same numbers, one dense product per read.
            if (_effective is null && ++_reads > Array.Rows)
            {
                _effective = new CrossbarArray(_solver.EffectiveConductance());
            }

            if (_effective is not null)
            {
                _effective.MultiplyIdeal(x, _columns);
            }
            else
            {
                _solver.Multiply(x, _columns);
            }
        }
        else
        {
            Array.MultiplyIdeal(x, _columns);
        }

        var range = adcRange ?? _n.AdcRange;
        for (var j = 0; j < _columns.Length; j++)
        {
            _columns[j] = DataConverter.Quantize(_columns[j], _n.AdcBits, range);
        }

        if (Mapping is null)
        {
            _columns.CopyTo(outputs);
        }
        else
        {
            Mapping.Combine(_columns, outputs);
        }
    }

    /// <summary>
    /// Per-read device noise (and I–V nonlinearity) needs the conductances of this read; with wire resistance the
    /// network is refactored for the read, otherwise the product is summed directly.
    /// </summary>
    private void NoisyIdealRead(double[] x, double[] columns)
    {
        int m = Array.Rows, n = Array.Columns;
        var g = new double[m, n];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var gij = Array.Conductance[i, j];
                var sigma = _n.PcmModel ? PcmReadSigma(gij) : _n.ReadNoise;
                g[i, j] = Math.Max(0, gij * (1 + (sigma * Programming.Gaussian(_rng))));
            }
        }

        if (_n.Nonlinearity != 0)
        {
            var k = _n.Nonlinearity;
            System.Array.Clear(columns);
            for (var i = 0; i < m; i++)
            {
                var f = Math.Sinh(k * x[i]) / k;
                for (var j = 0; j < n; j++)
                {
                    columns[j] += g[i, j] * f;
                }
            }

            return;
        }

        var noisy = new CrossbarArray(g, Array.WordWireResistance, Array.BitWireResistance, Array.SourceResistance, Array.SinkResistance);
        if (noisy.IsIdeal)
        {
            noisy.MultiplyIdeal(x, columns);
        }
        else
        {
            new NodalSolver(noisy, _solverOptions).Multiply(x, columns);
        }
    }

    /// <summary>aihwkit PCM read noise relative to |g| at t_read after 1 s: Qs sqrt(ln((t + t_read)/(2 t_read))), Qs = min(0.0088/gT^0.65, 0.2).</summary>
    private double PcmReadSigma(double g)
    {
        const double tRead = 250e-9;
        var gT = Math.Max(g / Programming.PcmGmax, 1e-6);
        var qs = Math.Min(0.0088 / Math.Pow(gT, 0.65), 0.2);
        var t = Math.Max(_n.DriftTime, 1);
        return qs * Math.Sqrt(Math.Log((t + tRead) / (2 * tRead)));
    }
}
