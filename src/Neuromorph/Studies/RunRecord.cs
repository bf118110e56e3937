namespace Neuromorph.Studies;

/// <summary>Outcome of one run of a study point.</summary>
public enum RunStatus
{
    /// <summary>The run finished and its metrics were collected.</summary>
    Ok,

    /// <summary>The run failed (bad parameters for this point, numerical failure); the reason is recorded.</summary>
    Failed,
}

/// <summary>One row of <c>results.csv</c>: a run, its metrics (NaN where missing), status, reason and wall time in seconds.</summary>
public sealed record RunRecord(StudyPoint Run, IReadOnlyDictionary<string, double> Metrics, RunStatus Status, string Message, double WallSeconds);
