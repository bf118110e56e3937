using System.Diagnostics;
using Neuromorph.Compute;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Optimization.Memcomputing;

/// <summary>
/// The digital memcomputing machine of <see cref="DmmSolver"/> on spin problems (their weighted MAX-2-SAT form,
/// <see cref="IsingClauses"/>) with its restarts batched on an accelerator: up to <see cref="MaxSlots"/> restarts at a
/// time, each step two launches over all of them (<see cref="DmmKernels.Rates"/>, then <see cref="DmmKernels.Advance"/>),
/// so a GPU runs many restarts at once. Restart r starts from the same state as on the CPU path and follows the same
/// equations, parameters and step rule; the device keeps each restart's lowest-energy raw read-out. The periodic
/// quench reads every slot's voltages back between the two launches of its step and quenches them on the host, as the
/// CPU path does at that step. Every slot runs its steps (a slot at an equilibrium stops moving; no early stop at the
/// target) or stops at the time limit. Sampled dynamics are a CPU-path feature.
/// </summary>
public sealed class DeviceDmmSolver(IAccelerator accelerator) : ISpinSolver
{
    /// <summary>The CPU solver whose parameters, periodic quench and step budget this one uses.</summary>
    public DmmSolver Machine { get; init; } = new();

    /// <summary>Restarts run together in one batch.</summary>
    public int MaxSlots { get; init; } = 1024;

    /// <inheritdoc/>
    public string Name => "dmm";

    /// <inheritdoc/>
    public SolverResult Solve(IsingModel model, SolverOptions options, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        var encoding = IsingClauses.From(model);
        var parameters = model.Linear.All(h => h == 0) ? Machine.CouplingOnlyParameters : Machine.SpinParameters;
        var steps = options.Sweeps > 0 ? options.Sweeps : Machine.DefaultSpinSteps;
        using var formula = DmmFormulaBuffers.Upload(accelerator, encoding.Formula);
        return DeviceBatches.Run(Name, options, MaxSlots,
            (first, count, outOfTime, clock) => Batch(model, encoding, parameters, formula, options, first, count, steps, outOfTime, clock), cancel);
    }

    private List<RestartResult> Batch(IsingModel model, IsingClauses encoding, DmmParameters parameters, DmmFormulaBuffers formula, SolverOptions o,
        int first, int count, int steps, Func<bool> outOfTime, Stopwatch clock)
    {
        var start = clock.Elapsed.TotalSeconds;
        var f = encoding.Formula;
        int n = f.Variables, m = f.ClauseCount;
        var host = new DmmBatch(f, parameters, count);
        for (var k = 0; k < count; k++)
        {
            host.Initialise(k, SeedSequence.Derive(o.Seed, SeedPurpose.SolverRestart, first + k));
        }

        var acc = accelerator;
        var width = DmmStep.StateWidth;
        var state = new double[count * width];
        for (var k = 0; k < count; k++)
        {
            state[(k * width) + 1] = double.PositiveInfinity;
        }

        using var v = acc.Upload(host.V);
        using var xs = acc.Upload(host.Xs);
        using var xl = acc.Upload(host.Xl);
        using var dv = acc.Allocate(count * n);
        using var clause = acc.Allocate(count * m);
        using var arg = acc.Allocate(count * m);
        using var second = acc.Allocate(count * m);
        using var slots = acc.Upload(state);
        using var kept = acc.Allocate(count * n);
        var step = DmmStep.Of(parameters, host.LongMemoryMax, encoding.Energy(0), 2);
        var kernels = acc.KernelSet<DmmKernels>();

        var quenchEvery = Machine.QuenchEvery;
        var bestQuenched = Enumerable.Repeat(double.PositiveInfinity, count).ToArray();
        var bestQuenchedSpins = new sbyte[count][];
        var voltages = quenchEvery > 0 ? new double[count * n] : [];
        var traces = Enumerable.Range(0, count).Select(_ => new List<TracePoint>()).ToArray();
        var toTarget = new double?[count];
        var traceEvery = Math.Max(1, steps / Math.Max(1, o.TracePoints));
        var truncated = false;
        var done = 0;
        void Reached(int k, double energy)
        {
            if (toTarget[k] is null && o.TargetEnergy is { } t && SolverResult.Reached(energy, t))
            {
                toTarget[k] = clock.Elapsed.TotalSeconds;
            }
        }

        void Observe(int at)
        {
            acc.Read(slots, state);
            var now = clock.Elapsed.TotalSeconds;
            for (var k = 0; k < count; k++)
            {
                var best = state[(k * width) + 1];
                traces[k].Add(new TracePoint(first + k, at, now, state[k * width], best));
                Reached(k, best);
            }
        }

        for (; done < steps; done++)
        {
            kernels.Rates(formula, v, xs, xl, dv, clause, arg, second, slots, kept, n, m, count, step);
            if (quenchEvery > 0 && done % quenchEvery == quenchEvery - 1)
            {
                acc.Read(v, voltages);
                Parallel.For(0, count, k =>
                {
                    var spins = new sbyte[n];
                    var fields = new double[n];
                    for (var i = 0; i < n; i++)
                    {
                        spins[i] = voltages[(k * n) + i] >= 0 ? (sbyte)1 : (sbyte)-1;
                    }

                    model.LocalFields(spins, fields);
                    model.Descend(spins, fields);
                    var quenched = model.Energy(spins);
                    if (quenched < bestQuenched[k] - 1e-12)
                    {
                        bestQuenched[k] = quenched;
                        bestQuenchedSpins[k] = spins;
                    }
                });
                for (var k = 0; k < count; k++)
                {
                    Reached(k, bestQuenched[k]);
                }
            }

            if (done % traceEvery == 0)
            {
                Observe(done);
            }

            if ((done & 63) == 63)
            {
                acc.Synchronize();
                if (outOfTime())
                {
                    truncated = true;
                    break;
                }
            }

            kernels.Advance(formula, v, xs, xl, dv, clause, slots, n, m, count, step);
        }

        var last = Math.Min(done, steps - 1);
        Observe(last);
        var signs = new double[count * n];
        acc.Read(kept, signs);
        var results = new List<RestartResult>(count);
        var field = new double[n];
        for (var k = 0; k < count; k++)
        {
            var spins = new sbyte[n];
            for (var i = 0; i < n; i++)
            {
                spins[i] = signs[(k * n) + i] >= 0 ? (sbyte)1 : (sbyte)-1;
            }

            model.LocalFields(spins, field);
            model.Descend(spins, field);
            var energy = model.Energy(spins);
            if (bestQuenched[k] < energy - 1e-12)
            {
                energy = bestQuenched[k];
                spins = bestQuenchedSpins[k];
            }

            var now = clock.Elapsed.TotalSeconds;
            traces[k].Add(new TracePoint(first + k, last + 1, now, energy, energy));
            Reached(k, energy);
            results.Add(new RestartResult(first + k, energy, spins, now - start, toTarget[k], traces[k]) { Completed = !truncated, FinishedAt = now });
        }

        return results;
    }
}
