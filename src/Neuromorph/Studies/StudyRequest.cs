namespace Neuromorph.Studies;

/// <summary>
/// What one session of a study is asked to do (<c>neuromorph sweep</c>, or any other front end): the study read from
/// its file, the shard of its points this session runs, how many runs go in parallel, and whether the runs already
/// finished in the output folder are kept (resume) or discarded (start over).
/// </summary>
/// <param name="Study">The study, read and checked (<see cref="StudySpecReader"/>).</param>
/// <param name="Shard">The points this session runs (<see cref="ShardSpec.All"/>: every point).</param>
/// <param name="Jobs">Runs evaluated in parallel, at least 1 (a batched base evaluates whole batches instead).</param>
/// <param name="Resume">True to keep the finished runs of an earlier session of the same study; false to start over.</param>
public sealed record StudyRequest(StudySpec Study, ShardSpec Shard, int Jobs, bool Resume)
{
    /// <summary>The fewest runs in parallel a request may ask for.</summary>
    public const int MinJobs = 1;
}
