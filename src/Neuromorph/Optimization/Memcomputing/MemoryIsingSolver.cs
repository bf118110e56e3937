using Neuromorph.Numerics.Randomness;
using System.Collections.Concurrent;
using System.Diagnostics;

namespace Neuromorph.Optimization.Memcomputing;

/// <summary>
/// Memory-augmented analog Ising machine (<c>--solver memory-ising</c>): chaotic amplitude control (Leleu et al., Phys.
/// Rev. Lett. 122, 040607 (2019); Commun. Phys. 4, 266 (2021)), an analog spin machine in the memcomputing family in
/// which each spin's memory e_i grows while its amplitude stays below the target and so destabilises the local minima
/// that hold gradient dynamics (equations in <see cref="MemoryIsingParameters"/>). Each restart integrates the machine by
/// forward Euler (<see cref="MemoryIsingBatch"/>) from small random amplitudes for <c>--sweeps</c> steps (default
/// <see cref="DefaultSteps"/>), reads the signs after every step, keeps the lowest-energy read-out, optionally quenches
/// the read-out every <see cref="MemoryIsingParameters.QuenchEvery"/> steps (kept apart from the raw read-outs), and
/// finishes the best raw read-out with a greedy single-flip descent on the exact model, returning the lower of the two. A restart ends at the target, after its steps or at the time limit.
/// </summary>
public sealed class MemoryIsingSolver : ISpinSolver
{
    /// <summary>Machine parameters.</summary>
    public MemoryIsingParameters Parameters { get; init; } = new();

    /// <summary>Steps per restart when <c>--sweeps</c> is 0.</summary>
    public int DefaultSteps { get; init; } = 10_000;

    /// <inheritdoc/>
    public string Name => "memory-ising";

    /// <inheritdoc/>
    public SolverResult Solve(IsingModel model, SolverOptions options, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        var workers = Math.Max(1, Math.Min(options.Parallelism, options.Restarts));
        var batch = new MemoryIsingBatch(model, Parameters, workers);
        var free = new ConcurrentBag<int>(Enumerable.Range(0, workers));
        var steps = options.Sweeps > 0 ? options.Sweeps : DefaultSteps;
        return RestartRunner.Run(Name, options, (r, outOfTime, clock) =>
        {
            if (!free.TryTake(out var slot))
            {
                throw new InvalidOperationException("more concurrent restarts than memory-Ising slots");
            }

            try
            {
                return Restart(batch, slot, options, r, steps, outOfTime, clock);
            }
            finally
            {
                free.Add(slot);
            }
        }, cancel);
    }

    private RestartResult Restart(MemoryIsingBatch batch, int slot, SolverOptions o, int r, int steps, Func<bool> outOfTime, Stopwatch clock)
    {
        var start = clock.Elapsed.TotalSeconds;
        var model = batch.Model;
        var n = model.Size;
        batch.Initialise(slot, SeedSequence.Derive(o.Seed, SeedPurpose.SolverRestart, r));
        var bestSpins = new sbyte[n];
        batch.ProblemSpins(slot, bestSpins);
        var best = batch.Energy[slot];
        var spins = new sbyte[n];
        var field = new double[n];
        var trace = new List<TracePoint>();
        var traceEvery = Math.Max(1, steps / Math.Max(1, o.TracePoints));
        double? toTarget = null;
        var record = r < o.RecordDynamics ? NewRecord(r, batch) : null;
        var nextRecord = 0;
        var completed = true;
        var quenchEvery = Parameters.QuenchEvery;
        var step = 0;
        var energy = best;

        var bestQuenched = double.PositiveInfinity;
        var bestQuenchedSpins = quenchEvery > 0 ? new sbyte[n] : [];

        void Reached(double e)
        {
            if (toTarget is null && o.TargetEnergy is { } t && SolverResult.Reached(e, t))
            {
                toTarget = clock.Elapsed.TotalSeconds;
            }
        }

        for (; step < steps; step++)
        {
            if (record is not null && step == nextRecord)
            {
                Sample(record, batch, slot, clock);
                nextRecord = step + Math.Max(1, step / 20);
            }

            energy = batch.Advance(slot);
            if (energy < best - 1e-12)
            {
                best = energy;
                batch.ProblemSpins(slot, bestSpins);
                Reached(best);
            }

            if (quenchEvery > 0 && step % quenchEvery == quenchEvery - 1)
            {
                batch.ProblemSpins(slot, spins);
                batch.ProblemFields(slot, field);
                model.Descend(spins, field);
                var quenched = model.Energy(spins);
                if (quenched < bestQuenched - 1e-12)
                {
                    // kept apart from the raw read-outs, so that a quenched state does not hide a later raw one that
                    // quenches lower at the end
                    bestQuenched = quenched;
                    spins.CopyTo(bestQuenchedSpins, 0);
                    Reached(quenched);
                }
            }

            if (step % traceEvery == 0)
            {
                trace.Add(new TracePoint(r, step, clock.Elapsed.TotalSeconds, energy, best));
            }

            if (toTarget is not null)
            {
                break;
            }

            if ((step & 63) == 63 && outOfTime())
            {
                completed = false;
                break;
            }
        }

        if (record is not null)
        {
            Sample(record, batch, slot, clock);
        }

        var last = Math.Min(step, steps - 1);
        trace.Add(new TracePoint(r, last, clock.Elapsed.TotalSeconds, energy, best));
        model.LocalFields(bestSpins, field);
        model.Descend(bestSpins, field);
        best = model.Energy(bestSpins);
        if (bestQuenched < best - 1e-12)
        {
            best = bestQuenched;
            bestQuenchedSpins.CopyTo(bestSpins, 0);
        }

        trace.Add(new TracePoint(r, last + 1, clock.Elapsed.TotalSeconds, best, best));
        var now = clock.Elapsed.TotalSeconds;
        if (toTarget is null && o.TargetEnergy is { } target && SolverResult.Reached(best, target))
        {
            toTarget = now;
        }

        return new RestartResult(r, best, bestSpins, now - start, toTarget, trace) { Completed = completed, Dynamics = record };
    }

    private static DynamicsRecord NewRecord(int r, MemoryIsingBatch batch)
    {
        var picks = DynamicsRecord.Pick(batch.Model.Size, 4);
        string[] memory = ["e_mean", "e_max", "target_amplitude", "readout_energy", .. picks.Select(i => $"e_{i + 1}")];
        return new DynamicsRecord(r, [.. DynamicsRecord.Pick(batch.Model.Size, 64).Select(i => $"x_{i + 1}")], memory);
    }

    private static void Sample(DynamicsRecord record, MemoryIsingBatch batch, int slot, Stopwatch clock)
    {
        var n = batch.Model.Size;
        var x = batch.Amplitudes(slot);
        var e = batch.Memories(slot);
        double mean = 0, max = 0;
        for (var i = 0; i < n; i++)
        {
            mean += e[i];
            max = Math.Max(max, e[i]);
        }

        var picks = DynamicsRecord.Pick(n, 4);
        var memory = new double[4 + picks.Length];
        (memory[0], memory[1], memory[2], memory[3]) = (mean / Math.Max(1, n), max, batch.Target[slot], batch.Energy[slot]);
        for (var k = 0; k < picks.Length; k++)
        {
            memory[4 + k] = e[picks[k]];
        }

        // amplitudes in the problem's gauge (times the sign of the auxiliary spin, when there is one)
        var gauge = batch.Auxiliary && x[n] < 0 ? -1.0 : 1.0;
        var chosen = DynamicsRecord.Pick(n, 64);
        var states = new double[chosen.Length];
        for (var k = 0; k < chosen.Length; k++)
        {
            states[k] = gauge * x[chosen[k]];
        }

        record.Add(batch.Time[slot], clock.Elapsed.TotalSeconds, states, memory);
    }
}
