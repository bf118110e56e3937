using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Optimization.Memcomputing;

/// <summary>
/// K independent copies (slots) of the memory-augmented analog Ising machine (<see cref="MemoryIsingParameters"/>) for
/// one spin model, each slot's amplitudes, memories, sign read-out and local fields in one contiguous slice of shared
/// arrays (slot k at [k n, (k+1) n)), integrated by forward Euler. Slots are stepped independently (restarts run in
/// parallel over slots on the CPU); the layout is the one a GPU kernel over (slot, spin) would use.
/// <para>
/// Fields c_i s_i become couplings to one auxiliary spin (index N): E'(σ) = offset + Σ c_i σ_i σ_N + Σ K_ij σ_i σ_j is
/// invariant under flipping every spin and equals E(s) at s_i = σ_i σ_N, so the machine only needs couplings. Without
/// fields there is no auxiliary spin and n = N.
/// </para>
/// </summary>
public sealed class MemoryIsingBatch
{
    private readonly MemoryIsingParameters _p;
    private readonly double[] _omega;
    private readonly double[] _next;

    /// <summary>Allocates <paramref name="slots"/> machines for <paramref name="model"/>.</summary>
    public MemoryIsingBatch(IsingModel model, MemoryIsingParameters parameters, int slots)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();
        _p = parameters;
        Model = model;
        Slots = slots;
        Extended = Extend(model);
        var n = Extended.Size;
        Auxiliary = n > model.Size;
        Scale = CouplingScale(Extended);
        _omega = [.. Extended.Coupling.Select(k => -k / Scale)];
        X = new double[slots * n];
        E = new double[slots * n];
        Spins = new sbyte[slots * n];
        Fields = new double[slots * n];
        _next = new double[slots * n];
        Energy = new double[slots];
        BestEnergy = new double[slots];
        Target = new double[slots];
        Time = new double[slots];
    }

    /// <summary>The problem.</summary>
    public IsingModel Model { get; }

    /// <summary>The problem with its fields as couplings to an auxiliary spin (the problem itself when it has no fields).</summary>
    public IsingModel Extended { get; }

    /// <summary>True when the last spin of each slot is the auxiliary spin carrying the fields.</summary>
    public bool Auxiliary { get; }

    /// <summary>Coupling scale s = (mean_i Σ_j K_ij²)^½ of the extended model (1 without couplings); ω = −K/s.</summary>
    public double Scale { get; }

    /// <summary>Number of slots K.</summary>
    public int Slots { get; }

    /// <summary>Spins per slot (N, or N + 1 with the auxiliary spin).</summary>
    public int Size => Extended.Size;

    /// <summary>Amplitudes x of all slots.</summary>
    public double[] X { get; }

    /// <summary>Memories (error variables) e of all slots.</summary>
    public double[] E { get; }

    /// <summary>Sign read-out σ = sgn x of all slots (σ = +1 at x = 0), in the extended model.</summary>
    public sbyte[] Spins { get; }

    /// <summary>Local fields Σ_j K_ij σ_j of the read-out in the extended model.</summary>
    public double[] Fields { get; }

    /// <summary>Energy of each slot's read-out (tracked incrementally over sign changes).</summary>
    public double[] Energy { get; }

    /// <summary>Lowest read-out energy of each slot's trajectory so far (E_best of the target amplitude).</summary>
    public double[] BestEnergy { get; }

    /// <summary>Current target amplitude a of each slot.</summary>
    public double[] Target { get; }

    /// <summary>Model time of each slot.</summary>
    public double[] Time { get; }

    /// <summary>Amplitudes of slot <paramref name="k"/>.</summary>
    public Span<double> Amplitudes(int k) => X.AsSpan(k * Size, Size);

    /// <summary>Memories of slot <paramref name="k"/>.</summary>
    public Span<double> Memories(int k) => E.AsSpan(k * Size, Size);

    /// <summary>Read-out of slot <paramref name="k"/> in the extended model.</summary>
    public Span<sbyte> ReadOut(int k) => Spins.AsSpan(k * Size, Size);

    /// <summary>Random amplitudes in [−x₀/2, x₀/2], memories 1, target amplitude α.</summary>
    public void Initialise(int k, ulong seed)
    {
        var rng = new RandomStream(seed);
        var x = Amplitudes(k);
        var s = ReadOut(k);
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = _p.InitialAmplitude * (rng.NextDouble() - 0.5);
            s[i] = x[i] >= 0 ? (sbyte)1 : (sbyte)-1;
        }

        Memories(k).Fill(1);
        Extended.LocalFields(s, Fields.AsSpan(k * Size, Size));
        Energy[k] = Extended.Energy(s);
        BestEnergy[k] = Energy[k];
        Target[k] = _p.TargetAmplitude;
        Time[k] = 0;
    }

    /// <summary>
    /// One forward-Euler step of slot <paramref name="k"/>: amplitudes and memories from the current state, clipped to
    /// |x| ≤ x_max and 0 ≤ e ≤ e_max; then the read-out follows the signs (O(degree) per sign change), E_best and the
    /// target amplitude a are updated. Returns the read-out energy.
    /// </summary>
    public double Advance(int k)
    {
        var n = Size;
        var o = k * n;
        var x = X.AsSpan(o, n);
        var e = E.AsSpan(o, n);
        var next = _next.AsSpan(o, n);
        var rowStart = Extended.RowStart;
        var neighbour = Extended.Neighbour;
        var omega = _omega;
        double dt = _p.Step, r = _p.Gain, beta = _p.Coupling, xi = _p.MemoryRate, xMax = _p.AmplitudeMax, eMax = _p.MemoryMax, a = Target[k];
        for (var i = 0; i < n; i++)
        {
            var h = 0.0;
            for (var q = rowStart[i]; q < rowStart[i + 1]; q++)
            {
                h += omega[q] * x[neighbour[q]];
            }

            var xi2 = x[i] * x[i];
            next[i] = Math.Clamp(x[i] + (dt * ((x[i] * (r - xi2)) + (beta * e[i] * h))), -xMax, xMax);
            e[i] = Math.Clamp(e[i] - (dt * xi * (xi2 - a) * e[i]), 0, eMax);
        }

        next.CopyTo(x);
        var s = ReadOut(k);
        var f = Fields.AsSpan(o, n);
        var energy = Energy[k];
        for (var i = 0; i < n; i++)
        {
            var sign = x[i] >= 0 ? (sbyte)1 : (sbyte)-1;
            if (sign != s[i])
            {
                energy -= 2.0 * s[i] * f[i];
                Extended.Flip(s, f, i);
            }
        }

        Energy[k] = energy;
        BestEnergy[k] = Math.Min(BestEnergy[k], energy);
        Target[k] = _p.TargetAmplitude + (_p.AmplitudeFeedback * Math.Tanh(_p.EnergySensitivity * (energy - BestEnergy[k]) / Scale));
        Time[k] += dt;
        return energy;
    }

    /// <summary>Writes slot <paramref name="k"/>'s read-out as problem spins s_i = σ_i σ_N (σ_i without the auxiliary spin).</summary>
    public void ProblemSpins(int k, Span<sbyte> spins)
    {
        var s = ReadOut(k);
        var gauge = Auxiliary ? s[Size - 1] : (sbyte)1;
        for (var i = 0; i < spins.Length; i++)
        {
            spins[i] = (sbyte)(s[i] * gauge);
        }
    }

    /// <summary>Writes the problem's local fields c_i + Σ_j K_ij s_j of <see cref="ProblemSpins"/> (σ_N times the extended fields).</summary>
    public void ProblemFields(int k, Span<double> fields)
    {
        var f = Fields.AsSpan(k * Size, Size);
        var gauge = Auxiliary ? ReadOut(k)[Size - 1] : (sbyte)1;
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = gauge * f[i];
        }
    }

    /// <summary>s = (mean over spins of Σ_j K_ij²)^½, or 1 for a model without couplings.</summary>
    public static double CouplingScale(IsingModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var sum = 0.0;
        foreach (var k in model.Coupling)
        {
            sum += k * k;
        }

        var s = Math.Sqrt(sum / Math.Max(1, model.Size));
        return s > 0 ? s : 1;
    }

    /// <summary>The model with its fields as couplings to an auxiliary spin N (the model itself when it has none).</summary>
    public static IsingModel Extend(IsingModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Linear.All(c => c == 0))
        {
            return model;
        }

        var pairs = new List<(int I, int J, double K)>();
        var n = model.Size;
        for (var i = 0; i < n; i++)
        {
            for (var q = model.RowStart[i]; q < model.RowStart[i + 1]; q++)
            {
                if (model.Neighbour[q] > i)
                {
                    pairs.Add((i, model.Neighbour[q], model.Coupling[q]));
                }
            }

            if (model.Linear[i] != 0)
            {
                pairs.Add((i, n, model.Linear[i]));
            }
        }

        return IsingModel.FromPairs(n + 1, pairs, new double[n + 1], model.Offset);
    }
}
