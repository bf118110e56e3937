namespace Neuromorph.Studies.Bases;

/// <summary>Chooses the <see cref="IStudyBase"/> for a study's base file.</summary>
public static class StudyBaseFactory
{
    /// <summary>The base for <paramref name="spec"/>.</summary>
    public static IStudyBase Create(StudySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.BaseKind switch
        {
            StudyBaseKind.Experiment => new ExperimentStudyBase(spec.BasePath),
            _ => new NetlistStudyBase(spec.BasePath),
        };
    }
}
