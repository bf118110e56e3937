using Neuromorph.Compute;

namespace Neuromorph.Studies.Bases;

/// <summary>Chooses the <see cref="IStudyBase"/> for a study's base file.</summary>
public static class StudyBaseFactory
{
    /// <summary>The base for <paramref name="spec"/>; experiment bases use <paramref name="accelerator"/> where they can.</summary>
    public static IStudyBase Create(StudySpec spec, IAccelerator? accelerator = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.BaseKind switch
        {
            StudyBaseKind.Experiment => new ExperimentStudyBase(spec.BasePath) { Accelerator = accelerator },
            StudyBaseKind.Device => new DeviceStudyBase(spec.BasePath) { Accelerator = accelerator },
            _ => new NetlistStudyBase(spec.BasePath),
        };
    }
}
