using Neuromorph.Compute;
using Neuromorph.Studies.Subjects;

namespace Neuromorph.Studies;

/// <summary>
/// The study use case (<c>neuromorph sweep</c>): <see cref="Prepare"/> picks the study's subject (netlist, experiment
/// or device base) and checks the study against it before anything runs; <see cref="Open"/> opens the results store of
/// an output folder as a <see cref="StudySession"/>, which runs the unfinished runs of the shard (batched or one by
/// one, as the subject prefers) and writes summary, figures and report. The caller owns the output folder and says
/// what happens; nothing here names a command-line flag.
/// </summary>
public sealed class StudyRun
{
    private StudyRun(StudyRequest request, IStudySubject subject)
    {
        Request = request;
        Subject = subject;
    }

    /// <summary>What was asked.</summary>
    public StudyRequest Request { get; }

    /// <summary>The study.</summary>
    public StudySpec Spec => Request.Study;

    /// <summary>The base the study varies.</summary>
    public IStudySubject Subject { get; }

    /// <summary>Every file the study reads: the study file, then the base and the files it includes or names.</summary>
    public IReadOnlyList<string> InputFiles => [Path.GetFullPath(Spec.File), .. Subject.InputFiles];

    /// <summary>
    /// Chooses the subject of <paramref name="request"/>'s study and checks the study against it (a parameter or metric
    /// the base cannot take is a located input error). Experiment and device bases use <paramref name="accelerator"/>
    /// where they can; the caller owns it and keeps it open until the session is done.
    /// </summary>
    public static StudyRun Prepare(StudyRequest request, IAccelerator? accelerator = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Jobs, StudyRequest.MinJobs);
        var subject = StudySubjects.Create(request.Study, accelerator);
        subject.Validate(request.Study);
        return new StudyRun(request, subject);
    }

    /// <summary>
    /// Opens (resuming, or starting over when the request says so) the results store in <paramref name="directory"/>,
    /// which must exist. A folder holding another study, another shard or an edited study's results is refused with
    /// the hint <see cref="ResultsStore.StartOver"/>, as is one whose input files changed.
    /// </summary>
    public StudySession Open(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var store = ResultsStore.Open(directory, Spec, Request.Shard, Request.Resume, StudyInputs.Of(Subject.InputFiles));
        return new StudySession(this, store);
    }
}
