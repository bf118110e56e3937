using Neuromorph.Compute;

namespace Neuromorph.Studies.Subjects;

/// <summary>Chooses the <see cref="IStudySubject"/> for a study's base file.</summary>
public static class StudySubjects
{
    /// <summary>The base for <paramref name="spec"/>; experiment bases use <paramref name="accelerator"/> where they can.</summary>
    public static IStudySubject Create(StudySpec spec, IAccelerator? accelerator = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.BaseKind switch
        {
            StudySubjectKind.Experiment => new ExperimentSubject(spec.BasePath) { Accelerator = accelerator },
            StudySubjectKind.Device => new DeviceSubject(spec.BasePath) { Accelerator = accelerator },
            _ => new NetlistSubject(spec.BasePath),
        };
    }
}
