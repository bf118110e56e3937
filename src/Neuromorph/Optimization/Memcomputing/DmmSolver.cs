using Neuromorph.Numerics.Randomness;
using System.Collections.Concurrent;
using System.Diagnostics;
using Neuromorph.Optimization.Problems;

namespace Neuromorph.Optimization.Memcomputing;

/// <summary>
/// Digital memcomputing machine solver (<c>--solver dmm</c>). CNF and weighted CNF formulas run as they are; Ising,
/// Max-Cut and QUBO problems run on their exact weighted MAX-2-SAT form (<see cref="IsingClauses"/>), the Boolean
/// encoding through which memcomputing machines solve Ising benchmarks (Sheldon, Traversa, Di Ventra, Phys. Rev. E 2019).
/// Each restart integrates <see cref="DmmEquations"/> by forward Euler (<see cref="DmmBatch"/>) from random voltages,
/// reads the sign of the voltages after every step and keeps the best assignment; a restart ends at a satisfying
/// assignment (the machine's equilibria), at the target, after its step budget (<c>--sweeps</c>) or at the time limit.
/// For spin problems the best assignment is finished with a greedy single-flip descent on the exact model.
/// </summary>
public sealed class DmmSolver : ISpinSolver, ISatSolver
{
    /// <summary>
    /// Machine parameters for CNF formulas: the published ones, with steps of at most Δv = 1 (median steps to solve planted
    /// 3-SAT at ratio 4.26, N = 10⁴: 1,239 at Δv = 1, 3,372 at 0.5, 7,866 at 0.1; docs/minimize.md).
    /// </summary>
    public DmmParameters Parameters { get; init; } = new() { MaxVoltageChange = 1 };

    /// <summary>
    /// Machine parameters for spin problems (weighted MAX-2-SAT, always frustrated), chosen by measurement on G-set
    /// (docs/minimize.md): α = 20, ζ = 2, x_l ≤ 30, Δv = 0.25 and steps down to 10⁻⁶. With the published SAT values the
    /// long-term memories of clauses that can never all be satisfied grow to 10⁴ M and forward Euler at Δt ≥ 2⁻⁷ then
    /// oscillates (G14: cut 61 of 3064 after 6,000 steps).
    /// </summary>
    public DmmParameters SpinParameters { get; init; } = new() { Alpha = 20, Zeta = 2, LongMemoryMax = 30, MaxVoltageChange = 0.25, MinStep = 1e-6 };

    /// <summary>
    /// Machine parameters for spin problems without fields (Max-Cut, pure Ising: every clause comes from a coupling):
    /// <see cref="SpinParameters"/> with both memories four times faster (α = β = 80). Measured on G-set at 60 s (seed 1,
    /// benchmarks/RESULTS.md): G6 2,137 → 2,161 (1.88 % → 0.78 % below the best known), G1 and G22 closer, G11 and G14
    /// 2 lower, all five within 1 %. Problems with fields (QUBO with linear terms, portfolios) keep
    /// <see cref="SpinParameters"/>: with β = 80 the 12-asset portfolio no longer reaches its exhaustive optimum.
    /// </summary>
    public DmmParameters CouplingOnlyParameters { get; init; } = new() { Alpha = 80, Beta = 80, Zeta = 2, LongMemoryMax = 30, MaxVoltageChange = 0.25, MinStep = 1e-6 };

    /// <summary>
    /// For spin problems, quench the current sign read-out (greedy single-flip descent on the exact model) every this many
    /// steps (<c>--quench-every</c>); the best quenched state is kept apart from the best raw read-out, which is quenched
    /// at the end, and the restart returns the lower of the two (0: only the best raw read-out, at the end). Default 100:
    /// with the same seeds, G6 and G22 restarts of 8,000 steps ended 6–32 higher in cut (docs/minimize.md).
    /// </summary>
    public int QuenchEvery { get; init; } = 100;

    /// <summary>Step budget per restart for spin problems when <c>--sweeps</c> is 0.</summary>
    public int DefaultSpinSteps { get; init; } = 8_000;

    /// <summary>Step budget per restart for CNF formulas when <c>--sweeps</c> is 0 (most restarts end earlier, solved).</summary>
    public int DefaultSatSteps { get; init; } = 1_000_000;

    /// <inheritdoc/>
    public string Name => "dmm";

    /// <inheritdoc/>
    public SolverResult Solve(IsingModel model, SolverOptions options, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var encoding = IsingClauses.From(model);
        var parameters = model.Linear.All(h => h == 0) ? CouplingOnlyParameters : SpinParameters;
        return Run(encoding.Formula, parameters, options, encoding.Energy, model, DefaultSpinSteps, cancel);
    }

    /// <inheritdoc/>
    public SolverResult Solve(SatFormula formula, SolverOptions options, CancellationToken cancel = default) =>
        Run(formula, Parameters, options, w => w, null, DefaultSatSteps, cancel);

    private SolverResult Run(SatFormula f, DmmParameters parameters, SolverOptions options, Func<double, double> energyOf, IsingModel? quench, int defaultSteps, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(options);
        var workers = Math.Max(1, Math.Min(options.Parallelism, options.Restarts));
        var batch = new DmmBatch(f, parameters, workers);
        var free = new ConcurrentBag<int>(Enumerable.Range(0, workers));
        var steps = options.Sweeps > 0 ? options.Sweeps : defaultSteps;
        return RestartRunner.Run(Name, options, (r, outOfTime, clock) =>
        {
            if (!free.TryTake(out var slot))
            {
                throw new InvalidOperationException("more concurrent restarts than DMM slots");
            }

            try
            {
                return Restart(batch, slot, f, options, r, steps, energyOf, quench, outOfTime, clock);
            }
            finally
            {
                free.Add(slot);
            }
        }, cancel);
    }

    private RestartResult Restart(DmmBatch batch, int slot, SatFormula f, SolverOptions o, int r, int steps, Func<double, double> energyOf,
        IsingModel? quench, Func<bool> outOfTime, Stopwatch clock)
    {
        var start = clock.Elapsed.TotalSeconds;
        batch.Initialise(slot, SeedSequence.Derive(o.Seed, SeedPurpose.SolverRestart, r));
        var n = f.Variables;
        var best = double.PositiveInfinity;
        var bestSpins = new sbyte[n];
        var trace = new List<TracePoint>();
        var traceEvery = Math.Max(1, steps / Math.Max(1, o.TracePoints));
        double? toTarget = null;
        var record = r < o.RecordDynamics ? NewRecord(r, f) : null;
        var nextRecord = 0; // samples at geometrically growing step intervals (about 50 per decade)
        var completed = true;
        var step = 0;
        var energy = double.PositiveInfinity;
        var quenchEvery = quench is null ? 0 : QuenchEvery;
        var spins = quenchEvery > 0 ? new sbyte[n] : [];
        var fields = quenchEvery > 0 ? new double[n] : [];
        var bestQuenched = double.PositiveInfinity;
        var bestQuenchedSpins = quenchEvery > 0 ? new sbyte[n] : [];
        for (; step < steps; step++)
        {
            var unsat = batch.Rates(slot);
            energy = energyOf(unsat);
            if (energy < best - 1e-12)
            {
                best = energy;
                var v = batch.Voltages(slot);
                for (var i = 0; i < n; i++)
                {
                    bestSpins[i] = v[i] >= 0 ? (sbyte)1 : (sbyte)-1;
                }

                if (toTarget is null && o.TargetEnergy is { } t && SolverResult.Reached(best, t))
                {
                    toTarget = clock.Elapsed.TotalSeconds;
                }
            }

            if (quenchEvery > 0 && step % quenchEvery == quenchEvery - 1)
            {
                var v = batch.Voltages(slot);
                for (var i = 0; i < n; i++)
                {
                    spins[i] = v[i] >= 0 ? (sbyte)1 : (sbyte)-1;
                }

                quench!.LocalFields(spins, fields);
                quench.Descend(spins, fields);
                var quenched = quench.Energy(spins);
                if (quenched < bestQuenched - 1e-12)
                {
                    // kept apart from the raw read-outs, so that a quenched state does not hide a later raw one that
                    // quenches lower at the end
                    bestQuenched = quenched;
                    spins.CopyTo(bestQuenchedSpins, 0);
                    if (toTarget is null && o.TargetEnergy is { } t && SolverResult.Reached(bestQuenched, t))
                    {
                        toTarget = clock.Elapsed.TotalSeconds;
                    }
                }
            }

            if (record is not null && step == nextRecord)
            {
                Sample(record, batch, slot, f, clock);
                nextRecord = step + Math.Max(1, step / 20);
            }

            if (step % traceEvery == 0)
            {
                trace.Add(new TracePoint(r, step, clock.Elapsed.TotalSeconds, energy, best));
            }

            if (unsat == 0 || toTarget is not null)
            {
                break; // an equilibrium (every clause satisfied) or the target: the restart is done
            }

            if ((step & 63) == 63 && outOfTime())
            {
                completed = false;
                break;
            }

            batch.Advance(slot);
        }

        if (record is not null)
        {
            Sample(record, batch, slot, f, clock);
        }

        trace.Add(new TracePoint(r, Math.Min(step, steps - 1), clock.Elapsed.TotalSeconds, energy, best));
        if (quench is not null)
        {
            var field = new double[n];
            quench.LocalFields(bestSpins, field);
            quench.Descend(bestSpins, field);
            best = quench.Energy(bestSpins);
            if (bestQuenched < best - 1e-12)
            {
                best = bestQuenched;
                bestQuenchedSpins.CopyTo(bestSpins, 0);
            }

            trace.Add(new TracePoint(r, Math.Min(step, steps - 1) + 1, clock.Elapsed.TotalSeconds, best, best));
        }

        var now = clock.Elapsed.TotalSeconds;
        if (toTarget is null && o.TargetEnergy is { } target && SolverResult.Reached(best, target))
        {
            toTarget = now;
        }

        return new RestartResult(r, best, bestSpins, now - start, toTarget, trace) { Completed = completed, Dynamics = record };
    }

    private static DynamicsRecord NewRecord(int r, SatFormula f)
    {
        var clauses = DynamicsRecord.Pick(f.ClauseCount, 4);
        string[] memory = ["xs_mean", "xs_max", "xl_mean", "xl_max", "unsatisfied_clauses", .. clauses.SelectMany(m => new[] { $"xs_{m + 1}", $"xl_{m + 1}" })];
        return new DynamicsRecord(r, [.. DynamicsRecord.Pick(f.Variables, 64).Select(i => $"v_{i + 1}")], memory);
    }

    private static void Sample(DynamicsRecord record, DmmBatch batch, int slot, SatFormula f, Stopwatch clock)
    {
        var v = batch.Voltages(slot);
        var xs = batch.ShortMemory(slot);
        var xl = batch.LongMemory(slot);
        var c = batch.Clause.AsSpan(slot * f.ClauseCount, f.ClauseCount);
        double sMean = 0, sMax = 0, lMean = 0, lMax = 0;
        var unsat = 0;
        for (var m = 0; m < xs.Length; m++)
        {
            sMean += xs[m];
            sMax = Math.Max(sMax, xs[m]);
            lMean += xl[m];
            lMax = Math.Max(lMax, xl[m]);
            unsat += c[m] >= 0.5 ? 1 : 0;
        }

        var count = Math.Max(1, xs.Length);
        var picks = DynamicsRecord.Pick(f.ClauseCount, 4);
        var memory = new double[5 + (2 * picks.Length)];
        (memory[0], memory[1], memory[2], memory[3], memory[4]) = (sMean / count, sMax, lMean / count, lMax, unsat);
        for (var k = 0; k < picks.Length; k++)
        {
            memory[5 + (2 * k)] = xs[picks[k]];
            memory[6 + (2 * k)] = xl[picks[k]];
        }

        var chosen = DynamicsRecord.Pick(f.Variables, 64);
        var states = new double[chosen.Length];
        for (var k = 0; k < chosen.Length; k++)
        {
            states[k] = v[chosen[k]];
        }

        record.Add(batch.Time[slot], clock.Elapsed.TotalSeconds, states, memory);
    }
}
