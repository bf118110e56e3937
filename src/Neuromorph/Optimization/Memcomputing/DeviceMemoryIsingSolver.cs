using System.Diagnostics;
using Neuromorph.Compute;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Optimization.Memcomputing;

/// <summary>
/// The memory-augmented Ising machine of <see cref="MemoryIsingSolver"/> with its restarts batched on an accelerator:
/// up to <see cref="MaxSlots"/> restarts at a time, each step one launch of <see cref="MemoryIsingKernels.Step"/> over
/// all of them, so a GPU runs many restarts at once. Restart r starts from the same state as on the CPU path (seeded
/// from (seed, r)); the device counts each step's read-out energy afresh, keeps each slot's lowest-energy signs, and
/// the host quenches them on the exact model at the end. Every slot runs its steps (no early stop at the target) or
/// stops at the time limit; the periodic quench and sampled dynamics are CPU-path features.
/// </summary>
public sealed class DeviceMemoryIsingSolver(IAccelerator accelerator) : ISpinSolver
{
    /// <summary>Machine parameters.</summary>
    public MemoryIsingParameters Parameters { get; init; } = new();

    /// <summary>Steps per restart when <c>--sweeps</c> is 0 (as <see cref="MemoryIsingSolver.DefaultSteps"/>).</summary>
    public int DefaultSteps { get; init; } = new MemoryIsingSolver().DefaultSteps;

    /// <summary>Restarts run together in one batch.</summary>
    public int MaxSlots { get; init; } = 1024;

    /// <inheritdoc/>
    public string Name => "memory-ising";

    /// <inheritdoc/>
    public SolverResult Solve(IsingModel model, SolverOptions options, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        if (Parameters.QuenchEvery != 0)
        {
            throw new ArgumentException("the periodic quench runs on the CPU path of memory-ising only", nameof(options));
        }

        var steps = options.Sweeps > 0 ? options.Sweeps : DefaultSteps;
        return DeviceBatches.Run(Name, options, MaxSlots, (first, count, outOfTime, clock) => Batch(model, options, first, count, steps, outOfTime, clock), cancel);
    }

    private List<RestartResult> Batch(IsingModel model, SolverOptions o, int first, int count, int steps, Func<bool> outOfTime, Stopwatch clock)
    {
        var start = clock.Elapsed.TotalSeconds;
        var batch = new MemoryIsingBatch(model, Parameters, count);
        for (var k = 0; k < count; k++)
        {
            batch.Initialise(k, SeedSequence.Derive(o.Seed, SeedPurpose.SolverRestart, first + k));
        }

        var ext = batch.Extended;
        var n = batch.Size;
        if (n >= 1 << 24 || ext.Neighbour.Length >= 1 << 24)
        {
            throw new ArgumentException($"the device path of memory-ising holds indices as reals and takes fewer than 2^24 spins and couplings (model: {n} spins, {ext.Neighbour.Length} couplings)", nameof(model));
        }

        var acc = accelerator;
        var width = MemoryIsingStep.StateWidth;
        var state = new double[count * width];
        for (var k = 0; k < count; k++)
        {
            (state[k * width], state[(k * width) + 1], state[(k * width) + 2], state[(k * width) + 3]) = (batch.Energy[k], batch.BestEnergy[k], batch.Target[k], batch.Energy[k]);
        }

        var terms = Math.Max(1, ext.Neighbour.Length);
        using var rowStart = acc.Upload([.. ext.RowStart.Select(v => (double)v)]);
        using var neighbour = acc.Upload(Padded([.. ext.Neighbour.Select(v => (double)v)], terms));
        using var omega = acc.Upload(Padded([.. ext.Coupling.Select(k => -k / batch.Scale)], terms));
        using var coupling = acc.Upload(Padded(ext.Coupling, terms));
        using var x = acc.Upload(batch.X);
        using var e = acc.Upload(batch.E);
        using var next = acc.Allocate(count * n);
        using var slots = acc.Upload(state);
        using var kept = acc.Upload([.. batch.Spins.Select(s => (double)s)]);
        var step = MemoryIsingStep.Of(Parameters, batch.Scale, ext.Offset);
        var kernels = acc.KernelSet<MemoryIsingKernels>();

        var traces = Enumerable.Range(0, count).Select(_ => new List<TracePoint>()).ToArray();
        var toTarget = new double?[count];
        var traceEvery = Math.Max(1, steps / Math.Max(1, o.TracePoints));
        var truncated = false;
        var done = 0;
        void Observe(int at)
        {
            acc.Read(slots, state);
            var now = clock.Elapsed.TotalSeconds;
            for (var k = 0; k < count; k++)
            {
                var keptEnergy = state[(k * width) + 3];
                traces[k].Add(new TracePoint(first + k, at, now, state[k * width], keptEnergy));
                if (toTarget[k] is null && o.TargetEnergy is { } t && SolverResult.Reached(keptEnergy, t))
                {
                    toTarget[k] = now;
                }
            }
        }

        for (; done < steps; done++)
        {
            kernels.Step(rowStart, neighbour, omega, coupling, x, e, next, slots, kept, n, count, step);
            if (done % traceEvery == 0)
            {
                Observe(done);
            }

            if ((done & 63) == 63 && done < steps - 1)
            {
                acc.Synchronize();
                if (outOfTime())
                {
                    truncated = true;
                    done++;
                    break;
                }
            }
        }

        var last = Math.Min(done, steps) - 1;
        Observe(last);
        var signs = new double[count * n];
        acc.Read(kept, signs);
        var results = new List<RestartResult>(count);
        var field = new double[model.Size];
        for (var k = 0; k < count; k++)
        {
            var gauge = batch.Auxiliary ? signs[(k * n) + n - 1] : 1;
            var spins = new sbyte[model.Size];
            for (var i = 0; i < spins.Length; i++)
            {
                spins[i] = signs[(k * n) + i] * gauge >= 0 ? (sbyte)1 : (sbyte)-1;
            }

            model.LocalFields(spins, field);
            model.Descend(spins, field);
            var energy = model.Energy(spins);
            var now = clock.Elapsed.TotalSeconds;
            traces[k].Add(new TracePoint(first + k, last + 1, now, energy, energy));
            if (toTarget[k] is null && o.TargetEnergy is { } t && SolverResult.Reached(energy, t))
            {
                toTarget[k] = now;
            }

            results.Add(new RestartResult(first + k, energy, spins, now - start, toTarget[k], traces[k]) { Completed = !truncated, FinishedAt = now });
        }

        return results;
    }

    private static double[] Padded(double[] values, int length) => values.Length >= length ? values : [.. values, .. new double[length - values.Length]];
}
