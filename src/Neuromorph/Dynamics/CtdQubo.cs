using System.Diagnostics;
using Neuromorph.Diagnostics;
using Neuromorph.Numerics.Ode;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Dynamics;

/// <summary>One restart of CTD minimisation: the binary state read out (x &gt; 0.5), its QUBO energy and when it finished.</summary>
public sealed record CtdRestart(int Index, bool[] Bits, double Energy, double WallSeconds)
{
    /// <summary>False when an interrupt (a time budget) stopped the trajectory before its end time or steady state.</summary>
    public bool Completed { get; init; } = true;
}

/// <summary>
/// Energy minimisation with memristive dynamics: the CTD Lyapunov function's binary limit is the QUBO
/// E(b) = −(αξ/4) bᵀΩb + Σ b_i ((ΩS)_i/(2β) − α/3) (convention A parameters); running the dynamics from many random
/// starts (batched, in parallel) and reading x &gt; 0.5 as 1 samples low-energy states of that QUBO. A QUBO maps exactly when
/// its quadratic part is −(αξ/4) times a projector Ω and its linear part lies in the range allowed by ΩS; other QUBOs
/// only approximately (docs/ctd.md).
/// </summary>
public static class CtdQubo
{
    /// <summary>The binary-limit energy of <paramref name="bits"/> given Ω·b products from <paramref name="applyOmega"/>.</summary>
    public static double Energy(bool[] bits, CtdParameters p, IReadOnlyList<double> omegaS, Func<double[], double[]> applyOmega)
    {
        ArgumentNullException.ThrowIfNull(bits);
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(omegaS);
        ArgumentNullException.ThrowIfNull(applyOmega);
        var b = bits.Select(x => x ? 1.0 : 0.0).ToArray();
        var ob = applyOmega(b);
        double quad = 0, lin = 0;
        for (var i = 0; i < b.Length; i++)
        {
            quad += b[i] * ob[i];
            lin += b[i] * ((omegaS[i] / (2 * p.Beta)) - (p.AlphaA / 3));
        }

        return (-(p.AlphaA * p.Xi / 4) * quad) + lin;
    }

    /// <summary>Runs <paramref name="restarts"/> trajectories of <paramref name="makeSystem"/> from random x0 to <paramref name="tEnd"/>; restart k draws its x0 from <see cref="SeedPurpose.CtdQuboRestart"/> (<paramref name="seed"/>, k).</summary>
    /// <param name="projectWith">When given, states are kept in [0, 1] by <see cref="CtdBounds.Project"/> with these parameters instead of holding saturated devices.</param>
    /// <param name="interrupt">Asked after every step; true stops the trajectories where they are (null: never).</param>
    /// <param name="relTol">Relative tolerance of the trajectories (absolute: a thousandth of it).</param>
    public static List<CtdRestart> Minimise(Func<ICtdSystem> makeSystem, int size, int restarts, double tEnd, long seed, Func<bool[], double> energy, CtdParameters? projectWith = null, Func<bool>? interrupt = null, double relTol = 1e-6)
    {
        ArgumentNullException.ThrowIfNull(makeSystem);
        ArgumentNullException.ThrowIfNull(energy);
        var clock = Stopwatch.StartNew();
        var x0 = Enumerable.Range(0, restarts).Select(k =>
        {
            var rng = new RandomStream(SeedSequence.Derive(seed, SeedPurpose.CtdQuboRestart, k));
            return Enumerable.Range(0, size).Select(_ => rng.NextDouble()).ToArray();
        }).ToList();
        var options = new OdeOptions { RelTol = relTol, AbsTol = relTol * 1e-3, Lower = [.. Enumerable.Repeat(0.0, size)], Upper = [.. Enumerable.Repeat(1.0, size)], SteadyStateTolerance = 1e-6, Interrupt = interrupt };
        var results = new CtdRestart[restarts];
        var failures = new SimulationException?[restarts];
        Parallel.For(0, restarts, k =>
        {
            var sys = makeSystem();
            var warm = new double[size];
            OdeResult r;
            try
            {
                r = new DormandPrince54().Integrate((t, x, d) =>
                {
                    sys.Rate(x, d);
                    if (projectWith is not null)
                    {
                        CtdBounds.Project(sys, projectWith, x, d, warm);
                    }
                }, 0, x0[k], tEnd, options);
            }
            catch (SimulationException ex)
            {
                failures[k] = CtdFailures.Search(k, tEnd, relTol, ex);
                return;
            }

            var bits = r.Final.Select(v => v > 0.5).ToArray();
            results[k] = new CtdRestart(k, bits, energy(bits), clock.Elapsed.TotalSeconds) { Completed = r.Stop != OdeStop.Interrupted };
        });
        // the first failed start (in start order), as one numerical failure rather than an aggregate from the workers
        if (failures.FirstOrDefault(f => f is not null) is { } failure)
        {
            throw failure;
        }

        return [.. results];
    }
}
