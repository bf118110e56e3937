namespace Neuromorph.Studies;

/// <summary>
/// One run of a study: a point (parameter values) and a replicate of it, with the seed derived for it.
/// <see cref="PointId"/> counts points from 0 in expansion order; ids are stable for a given study file.
/// </summary>
public sealed record StudyPoint(int PointId, int Replicate, long Seed, IReadOnlyDictionary<string, double> Parameters)
{
    /// <summary>The key that identifies this run in results files: "point/replicate".</summary>
    public string RunKey => $"{PointId}/{Replicate}";
}
