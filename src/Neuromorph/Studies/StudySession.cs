using Neuromorph.Figures;
using Neuromorph.Studies.Reporting;
using Neuromorph.Studies.Subjects;

namespace Neuromorph.Studies;

/// <summary>
/// One session of a study in its output folder (<see cref="StudyRun.Open"/>): the runs of the shard, those already
/// finished, and <see cref="Run"/>, which evaluates the rest, appending each result to results.csv as it finishes, so an
/// interrupted session keeps every finished run. <see cref="WriteOutputs"/> then writes summary.csv, the figures and
/// index.html from what results.csv holds (after a finished or an interrupted session alike).
/// </summary>
public sealed class StudySession : IDisposable
{
    private readonly StudyRun _run;
    private readonly ResultsStore _store;

    internal StudySession(StudyRun run, ResultsStore store)
    {
        _run = run;
        _store = store;
        Total = StudyPlan.Runs(run.Spec).Count(r => run.Request.Shard.Contains(r.PointId));
        AlreadyDone = store.Existing.Count(r => r.Status == RunStatus.Ok);
    }

    /// <summary>The output folder.</summary>
    public string Directory => _store.Directory;

    /// <summary>The results table this session appends to.</summary>
    public string ResultsFile => Path.Combine(_store.Directory, ResultsStore.ResultsFile);

    /// <summary>Runs of the study in this session's shard.</summary>
    public int Total { get; }

    /// <summary>Runs finished (status ok) by earlier sessions, found in results.csv when the session opened.</summary>
    public int AlreadyDone { get; }

    /// <summary>
    /// Evaluates the unfinished runs of the shard: a base that evaluates many runs at once (<see cref="IBatchStudySubject"/>)
    /// gets them in batches, any other base one run at a time on <see cref="StudyRequest.Jobs"/> threads. A failing run
    /// is recorded with its reason and the session goes on; a cancellation stops it (throwing
    /// <see cref="OperationCanceledException"/>) with every finished run kept.
    /// </summary>
    public StudyOutcome Run(IProgress<StudyProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var (spec, request, subject) = (_run.Spec, _run.Request, _run.Subject);
        return subject is IBatchStudySubject batched
            ? StudyRunner.RunBatched(spec, _store, request.Shard, batched, progress, cancellationToken)
            : StudyRunner.Run(spec, _store, request.Shard, (run, token) => subject.Evaluate(spec, run, token), request.Jobs, progress, cancellationToken);
    }

    /// <summary>
    /// Writes summary.csv, the figures (through <paramref name="figures"/>; none without it) and index.html from the
    /// rows of results.csv; returns the files written (summary first, report last).
    /// </summary>
    public IReadOnlyList<string> WriteOutputs(FigureWriter? figures = null) => StudyOutputs.WriteFromResults(_run.Spec, _store.Directory, figures);

    /// <inheritdoc />
    public void Dispose() => _store.Dispose();
}
