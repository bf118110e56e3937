namespace Neuromorph.Studies.Subjects;

/// <summary>The result of one run of a batch: its metrics, or why it failed.</summary>
/// <param name="Metrics">Metrics by name (null when the run failed).</param>
/// <param name="Failure">The reason, for a failed run.</param>
public readonly record struct BatchOutcome(IReadOnlyDictionary<string, double>? Metrics, string? Failure);

/// <summary>
/// A study subject that evaluates many runs at once (one kernel launch for thousands of points), so the sweep runner
/// hands it the runs of a shard in batches instead of one at a time.
/// </summary>
public interface IBatchStudySubject : IStudySubject
{
    /// <summary>Runs per batch the base prefers (results are stored after each batch, so a sweep stays resumable).</summary>
    int BatchSize { get; }

    /// <summary>Evaluates <paramref name="runs"/>; one outcome per run, in order.</summary>
    IReadOnlyList<BatchOutcome> EvaluateBatch(StudySpec spec, IReadOnlyList<StudyPoint> runs, CancellationToken cancellationToken);
}
