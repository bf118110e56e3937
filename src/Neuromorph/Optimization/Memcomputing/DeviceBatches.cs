using System.Diagnostics;

namespace Neuromorph.Optimization.Memcomputing;

/// <summary>
/// The restart loop of the batched device solvers (<see cref="DeviceDmmSolver"/>, <see cref="DeviceMemoryIsingSolver"/>):
/// restarts in batches of at most a given size, each batch run to its end or the time limit, no new batch after the
/// limit, progress after each batch, and the run's time to target from the restarts'.
/// </summary>
internal static class DeviceBatches
{
    /// <summary>One batch: (first restart, restarts in it, out-of-time check, run clock) to its restarts' results.</summary>
    public delegate IEnumerable<RestartResult> Batch(int first, int count, Func<bool> outOfTime, Stopwatch clock);

    /// <summary>Runs <paramref name="batch"/> over <paramref name="options"/>' restarts, <paramref name="maxSlots"/> at a time.</summary>
    public static SolverResult Run(string solver, SolverOptions options, int maxSlots, Batch batch, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        bool OutOfTime() => cancel.IsCancellationRequested || (options.TimeLimitSeconds > 0 && clock.Elapsed.TotalSeconds >= options.TimeLimitSeconds);
        var results = new List<RestartResult>();
        for (var first = 0; first < options.Restarts && (first == 0 || !OutOfTime()); first += maxSlots)
        {
            results.AddRange(batch(first, Math.Min(maxSlots, options.Restarts - first), OutOfTime, clock));
            options.Progress?.Report(Math.Max(results.Count / (double)options.Restarts, options.TimeLimitSeconds > 0 ? clock.Elapsed.TotalSeconds / options.TimeLimitSeconds : 0));
        }

        var ttt = results.Where(r => r.SecondsToTarget is not null).Select(r => r.SecondsToTarget).Min();
        return new SolverResult(solver, results, clock.Elapsed.TotalSeconds, ttt);
    }
}
