using Neuromorph.Numerics.Randomness;
using Neuromorph.Optimization.Problems;

namespace Neuromorph.Optimization.Memcomputing;

/// <summary>
/// K independent copies (slots) of the digital memcomputing machine for one formula, each slot's voltages and memories
/// in one contiguous slice of a shared array (slot k: v[k N .. (k+1) N), x_s and x_l [k M .. (k+1) M)), integrated by
/// forward Euler with a per-slot adaptive step, as the paper does. Slots are stepped independently (restarts run in
/// parallel over slots on the CPU); the layout is the one a GPU kernel over (slot, clause) would use.
/// </summary>
public sealed class DmmBatch
{
    private readonly SatFormula _f;
    private readonly DmmParameters _p;
    private readonly double[] _drive;
    private readonly double _xlMax;

    /// <summary>Allocates <paramref name="slots"/> systems for <paramref name="formula"/>.</summary>
    public DmmBatch(SatFormula formula, DmmParameters parameters, int slots)
    {
        ArgumentNullException.ThrowIfNull(formula);
        ArgumentNullException.ThrowIfNull(parameters);
        _f = formula;
        _p = parameters;
        Slots = slots;
        var max = formula.MaxWeight();
        _drive = [.. formula.Weight.Select(w => w / max)];
        _xlMax = Math.Max(1, parameters.LongMemoryMax ?? (parameters.LongMemoryCap * formula.ClauseCount));
        int n = formula.Variables, m = formula.ClauseCount;
        V = new double[slots * n];
        Xs = new double[slots * m];
        Xl = new double[slots * m];
        Dv = new double[slots * n];
        Dxs = new double[slots * m];
        Dxl = new double[slots * m];
        Clause = new double[slots * m];
        Time = new double[slots];
    }

    /// <summary>Number of slots K.</summary>
    public int Slots { get; }

    /// <summary>Voltages of all slots (slot k at [k N, (k+1) N)).</summary>
    public double[] V { get; }

    /// <summary>Short-term memories of all slots.</summary>
    public double[] Xs { get; }

    /// <summary>Long-term memories of all slots.</summary>
    public double[] Xl { get; }

    /// <summary>dv/dt of the last step of each slot.</summary>
    public double[] Dv { get; }

    /// <summary>Clause functions C_m at the start of the last step of each slot.</summary>
    public double[] Clause { get; }

    /// <summary>Model time of each slot.</summary>
    public double[] Time { get; }

    /// <summary>Upper bound of the long-term memory, 10⁴ M.</summary>
    public double LongMemoryMax => _xlMax;

    private double[] Dxs { get; }

    private double[] Dxl { get; }

    /// <summary>Voltages of slot <paramref name="k"/>.</summary>
    public Span<double> Voltages(int k) => V.AsSpan(k * _f.Variables, _f.Variables);

    /// <summary>Short-term memories of slot <paramref name="k"/>.</summary>
    public Span<double> ShortMemory(int k) => Xs.AsSpan(k * _f.ClauseCount, _f.ClauseCount);

    /// <summary>Long-term memories of slot <paramref name="k"/>.</summary>
    public Span<double> LongMemory(int k) => Xl.AsSpan(k * _f.ClauseCount, _f.ClauseCount);

    /// <summary>Random voltages in [−1, 1], x_l = 1 and x_s = C_m(v₀) (the initial memories of the authors' public demo).</summary>
    public void Initialise(int k, ulong seed)
    {
        var rng = new RandomStream(seed);
        var v = Voltages(k);
        for (var i = 0; i < v.Length; i++)
        {
            v[i] = (2 * rng.NextDouble()) - 1;
        }

        LongMemory(k).Fill(1);
        Time[k] = 0;
        Rates(k);
        Clause.AsSpan(k * _f.ClauseCount, _f.ClauseCount).CopyTo(ShortMemory(k));
    }

    /// <summary>Evaluates the rates of slot <paramref name="k"/>; returns the unsatisfied weight of its sign read-out.</summary>
    public double Rates(int k)
    {
        int n = _f.Variables, m = _f.ClauseCount;
        return DmmEquations.Rates(_f, _drive, _f.Weight, _p, Voltages(k), ShortMemory(k), LongMemory(k),
            Dv.AsSpan(k * n, n), Dxs.AsSpan(k * m, m), Dxl.AsSpan(k * m, m), Clause.AsSpan(k * m, m));
    }

    /// <summary>
    /// Advances slot <paramref name="k"/> by one forward-Euler step from the rates of the last <see cref="Rates"/> call,
    /// with Δt = clamp(Δv_max / max|dv/dt|, Δt_min, Δt_max) (the maximum over voltages free to move: one held at ±1 by an
    /// outward rate does not limit the step), states clipped to their boxes. Returns Δt.
    /// </summary>
    public double Advance(int k)
    {
        int n = _f.Variables, m = _f.ClauseCount;
        var v = Voltages(k);
        var dv = Dv.AsSpan(k * n, n);
        var peak = 0.0;
        for (var i = 0; i < n; i++)
        {
            // a voltage held at ±1 by an outward rate does not move, so it does not limit the step
            var d = dv[i];
            if ((d > 0 && v[i] >= 1) || (d < 0 && v[i] <= -1))
            {
                continue;
            }

            peak = Math.Max(peak, Math.Abs(d));
        }

        var dt = peak > 0 ? Math.Clamp(_p.MaxVoltageChange / peak, _p.MinStep, _p.MaxStep) : _p.MaxStep;
        for (var i = 0; i < n; i++)
        {
            v[i] = Math.Clamp(v[i] + (dt * dv[i]), -1, 1);
        }

        var xs = ShortMemory(k);
        var xl = LongMemory(k);
        var dxs = Dxs.AsSpan(k * m, m);
        var dxl = Dxl.AsSpan(k * m, m);
        for (var j = 0; j < m; j++)
        {
            xs[j] = Math.Clamp(xs[j] + (dt * dxs[j]), 0, 1);
            xl[j] = Math.Clamp(xl[j] + (dt * dxl[j]), 1, _xlMax);
        }

        Time[k] += dt;
        return dt;
    }
}
