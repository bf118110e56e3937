using System.Diagnostics;
using Neuromorph.Diagnostics;

namespace Neuromorph.Studies;

/// <summary>Evaluates one run of a study: returns its metrics by name. Throw to mark the run failed.</summary>
public delegate IReadOnlyDictionary<string, double> RunEvaluator(StudyPoint run, CancellationToken cancellationToken);

/// <summary>
/// Progress of a sweep: runs done (this session and before), runs to do in this shard, failures so far, and the runs
/// that failed since the last report (each described by <see cref="StudyRunner.Describe"/>; null when none).
/// </summary>
public readonly record struct StudyProgress(int Done, int Total, int Failed, IReadOnlyList<string>? NewFailures);

/// <summary>What a sweep did: runs executed now, skipped as already finished, and failed.</summary>
public sealed record StudyOutcome(int Executed, int Skipped, int Failed, int Total, TimeSpan Wall);

/// <summary>
/// Runs the runs of a study that belong to a shard and are not yet finished, in parallel, appending each
/// result to the <see cref="ResultsStore"/> as it finishes. A failing run is recorded with its reason and the
/// sweep goes on. Finished means status ok: failed runs are retried on resume.
/// </summary>
public static class StudyRunner
{
    /// <summary>Runs the sweep.</summary>
    public static StudyOutcome Run(
        StudySpec spec,
        ResultsStore store,
        ShardSpec shard,
        RunEvaluator evaluate,
        int jobs,
        IProgress<StudyProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(evaluate);
        var clock = Stopwatch.StartNew();
        var finished = store.Existing.Where(r => r.Status == RunStatus.Ok).Select(r => r.Run.RunKey).ToHashSet();
        var mine = StudyPlan.Runs(spec).Where(r => shard.Contains(r.PointId)).ToList();
        var todo = mine.Where(r => !finished.Contains(r.RunKey)).ToList();
        var skipped = mine.Count - todo.Count;
        int done = skipped, failed = 0;
        progress?.Report(new StudyProgress(done, mine.Count, 0, null));
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs), CancellationToken = cancellationToken };
        Parallel.ForEach(todo, options, run =>
        {
            var watch = Stopwatch.StartNew();
            RunRecord record;
            try
            {
                var metrics = evaluate(run, cancellationToken);
                record = new RunRecord(run, metrics, RunStatus.Ok, "", watch.Elapsed.TotalSeconds);
            }
            catch (Exception ex) when (ex is UserInputException or SimulationException or InvalidOperationException or ArgumentException)
            {
                var reason = ex is UserInputException u ? u.Diagnostic.Message : ex.Message;
                record = new RunRecord(run, new Dictionary<string, double>(), RunStatus.Failed, reason, watch.Elapsed.TotalSeconds);
            }

            store.Append(record, spec);
            var failures = record.Status == RunStatus.Failed ? Interlocked.Increment(ref failed) : Volatile.Read(ref failed);
            var n = Interlocked.Increment(ref done);
            progress?.Report(new StudyProgress(n, mine.Count, failures, record.Status == RunStatus.Failed ? [Describe(run, spec, record.Message)] : null));
        });
        return new StudyOutcome(todo.Count, skipped, failed, mine.Count, clock.Elapsed);
    }

    /// <summary>One line naming a failed run, its parameters and why: "point 3 replicate 0 (amp = 1.5, ratio = 10): reason".</summary>
    public static string Describe(StudyPoint run, StudySpec spec, string reason)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(spec);
        var values = spec.Axes.Select(a => $"{a.Key} = {(run.Parameters.TryGetValue(a.Key, out var v) ? v.ToString("G6", System.Globalization.CultureInfo.InvariantCulture) : "?")}");
        return $"point {run.PointId} replicate {run.Replicate} ({string.Join(", ", values)}): {reason}";
    }

    /// <summary>
    /// Runs the sweep through a base that evaluates many runs at once (device studies: one kernel launch per batch):
    /// the unfinished runs of the shard go in batches of <see cref="Subjects.IBatchStudySubject.BatchSize"/>, and each
    /// batch's results are appended before the next starts, so a sweep stays resumable. A run's wall time is its
    /// share of its batch's.
    /// </summary>
    public static StudyOutcome RunBatched(
        StudySpec spec,
        ResultsStore store,
        ShardSpec shard,
        Subjects.IBatchStudySubject subject,
        IProgress<StudyProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(subject);
        var clock = Stopwatch.StartNew();
        var finished = store.Existing.Where(r => r.Status == RunStatus.Ok).Select(r => r.Run.RunKey).ToHashSet();
        var mine = StudyPlan.Runs(spec).Where(r => shard.Contains(r.PointId)).ToList();
        var todo = mine.Where(r => !finished.Contains(r.RunKey)).ToList();
        int done = mine.Count - todo.Count, failed = 0;
        progress?.Report(new StudyProgress(done, mine.Count, 0, null));
        foreach (var batch in todo.Chunk(Math.Max(1, subject.BatchSize)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var watch = Stopwatch.StartNew();
            IReadOnlyList<Subjects.BatchOutcome> outcomes;
            try
            {
                outcomes = subject.EvaluateBatch(spec, batch, cancellationToken);
            }
            catch (Exception ex) when (ex is SimulationException or InvalidOperationException)
            {
                outcomes = [.. batch.Select(_ => new Subjects.BatchOutcome(null, ex.Message))];
            }

            var share = watch.Elapsed.TotalSeconds / batch.Length;
            var failures = new List<string>();
            for (var k = 0; k < batch.Length; k++)
            {
                var o = outcomes[k];
                var record = o.Metrics is { } metrics
                    ? new RunRecord(batch[k], metrics, RunStatus.Ok, "", share)
                    : new RunRecord(batch[k], new Dictionary<string, double>(), RunStatus.Failed, o.Failure ?? "failed", share);
                store.Append(record, spec);
                if (record.Status == RunStatus.Failed)
                {
                    failed++;
                    failures.Add(Describe(batch[k], spec, record.Message));
                }
            }

            done += batch.Length;
            progress?.Report(new StudyProgress(done, mine.Count, failed, failures.Count > 0 ? failures : null));
        }

        return new StudyOutcome(todo.Count, mine.Count - todo.Count, failed, mine.Count, clock.Elapsed);
    }
}
