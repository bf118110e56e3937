using System.Diagnostics;
using Neuromorph.Compute;
using Neuromorph.Networks;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Optimization;

/// <summary>
/// The noisy Hopfield machine of <see cref="HopfieldMachine"/> with every restart in one batch on an accelerator:
/// each sweep is one launch of the asynchronous-sweep kernel over all restarts (weights W = −K dense, bias −c, field
/// noise σ(t) from the same schedule), followed by noiseless sweeps until no spin changes. Energies and cuts are
/// evaluated exactly on the host from the downloaded spins at each trace point. Noise comes from Philox counters,
/// so a run gives the same spins on every backend up to ties in floating point.
/// </summary>
public sealed class DeviceHopfieldMachine(IAccelerator accelerator) : ISpinSolver
{
    /// <summary>Noise schedule (null: the automatic schedule of <see cref="HopfieldMachine"/>).</summary>
    public NoiseSchedule? Noise { get; init; }

    /// <inheritdoc/>
    public string Name => "hopfield";

    /// <inheritdoc/>
    public SolverResult Solve(IsingModel model, SolverOptions options, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var n = model.Size;
        var k = options.Restarts;
        var (t0, t1) = SimulatedAnnealing.DefaultTemperatures(model);
        var noise = Noise ?? new NoiseSchedule(NoiseShape.Exponential, 0.8 * t0, 0.8 * t1);
        var sweeps = options.SweepsFor(n);
        var traceEvery = Math.Max(1, sweeps / Math.Max(1, options.TracePoints));

        var w = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var p = model.RowStart[i]; p < model.RowStart[i + 1]; p++)
            {
                w[(i * n) + model.Neighbour[p]] -= model.Coupling[p];
            }
        }

        var spins = new double[n * k];
        for (var r = 0; r < k; r++)
        {
            var rng = new RandomStream(SeedSequence.Derive(options.Seed, SeedPurpose.SolverRestart, r));
            for (var i = 0; i < n; i++)
            {
                spins[(r * n) + i] = rng.NextSpin();
            }
        }

        var acc = accelerator;
        using var bw = acc.Upload(w);
        using var bias = acc.Upload([.. model.Linear.Select(c => -c)]);
        using var bs = acc.Upload(spins);

        var best = Enumerable.Repeat(double.PositiveInfinity, k).ToArray();
        var bestSpins = new sbyte[k][];
        var toTarget = new double?[k];
        var traces = Enumerable.Range(0, k).Select(_ => new List<TracePoint>()).ToArray();
        var s = new sbyte[n];
        void Observe(int sweep)
        {
            acc.Read(bs, spins);
            var now = clock.Elapsed.TotalSeconds;
            for (var r = 0; r < k; r++)
            {
                for (var i = 0; i < n; i++)
                {
                    s[i] = spins[(r * n) + i] > 0 ? (sbyte)1 : (sbyte)-1;
                }

                var e = model.Energy(s);
                if (e < best[r] - 1e-12)
                {
                    best[r] = e;
                    bestSpins[r] = (sbyte[])s.Clone();
                    if (toTarget[r] is null && options.TargetEnergy is { } t && SolverResult.Reached(e, t))
                    {
                        toTarget[r] = now;
                    }
                }

                traces[r].Add(new TracePoint(r, sweep, now, e, best[r]));
            }
        }

        var seed = options.Seed;
        var truncated = false;
        var sweep = 0;
        for (; sweep < sweeps; sweep++)
        {
            var sigma = noise.At(sweeps > 1 ? sweep / (double)(sweeps - 1) : 1);
            acc.KernelSet<HopfieldKernels>().HopfieldSweep(bw, bias, bs, n, k, new FieldNoise(sigma, seed, (uint)sweep));
            if (sweep % traceEvery == 0)
            {
                Observe(sweep);
                if (cancel.IsCancellationRequested || (options.TimeLimitSeconds > 0 && clock.Elapsed.TotalSeconds >= options.TimeLimitSeconds))
                {
                    truncated = true;
                    break;
                }
            }
        }

        // Noiseless sweeps down to a local minimum of every restart.
        var before = new double[n * k];
        acc.Read(bs, spins);
        for (var q = 0; q < 1000; q++)
        {
            (before, spins) = (spins, before);
            acc.KernelSet<HopfieldKernels>().HopfieldSweep(bw, bias, bs, n, k, default);
            acc.Read(bs, spins);
            if (spins.AsSpan().SequenceEqual(before))
            {
                break;
            }
        }

        Observe(Math.Min(sweep, sweeps - 1));
        var seconds = clock.Elapsed.TotalSeconds;
        var results = Enumerable.Range(0, k)
            .Select(r => new RestartResult(r, model.Energy(bestSpins[r]), bestSpins[r], seconds, toTarget[r], traces[r]) { Completed = !truncated })
            .ToList();
        var ttt = results.Where(r => r.SecondsToTarget is not null).Select(r => r.SecondsToTarget).Min();
        return new SolverResult(Name, results, seconds, ttt);
    }
}
