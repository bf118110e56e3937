using System.Collections.Concurrent;
using System.Diagnostics;

namespace Neuromorph.Optimization;

/// <summary>
/// Runs independent restarts in parallel under a shared wall-clock budget. Each restart gets its own seed derived
/// from (seed, restart index), so a restart's result does not depend on scheduling.
/// </summary>
public static class RestartRunner
{
    /// <summary>Signature of one restart: (restart index, deadline check, stopwatch) to result.</summary>
    public delegate RestartResult RestartBody(int restart, Func<bool> outOfTime, Stopwatch clock);

    /// <summary>Runs <paramref name="body"/> for each restart and gathers results in restart order.</summary>
    public static SolverResult Run(string solver, SolverOptions options, RestartBody body, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(body);
        var clock = Stopwatch.StartNew();
        var limit = options.TimeLimitSeconds;
        bool OutOfTime() => cancel.IsCancellationRequested || (limit > 0 && clock.Elapsed.TotalSeconds >= limit);
        var results = new ConcurrentBag<RestartResult>();
        var next = -1;
        var workers = Math.Max(1, Math.Min(options.Parallelism, options.Restarts));
        var threads = new Thread[workers];
        for (var w = 0; w < workers; w++)
        {
            threads[w] = new Thread(() =>
            {
                while (true)
                {
                    var r = Interlocked.Increment(ref next);
                    if (r >= options.Restarts || (r > 0 && OutOfTime()))
                    {
                        return;
                    }

                    results.Add(body(r, OutOfTime, clock) with { FinishedAt = clock.Elapsed.TotalSeconds });
                    options.Progress?.Report(Math.Max(results.Count / (double)options.Restarts, limit > 0 ? clock.Elapsed.TotalSeconds / limit : 0));
                }
            })
            { IsBackground = true };
            threads[w].Start();
        }

        foreach (var t in threads)
        {
            t.Join();
        }

        var list = results.OrderBy(r => r.Restart).ToList();
        var ttt = list.Where(r => r.SecondsToTarget is not null).Select(r => r.SecondsToTarget).Min();
        return new SolverResult(solver, list, clock.Elapsed.TotalSeconds, ttt);
    }
}
