using Neuromorph.Studies.Reporting;

namespace Neuromorph.Studies;

/// <summary>What merging the shards of a study wrote: the runs in the merged results.csv and the other files.</summary>
/// <param name="Runs">Rows of the merged results.csv.</param>
/// <param name="Files">summary.csv, the figures and index.html, as <see cref="StudyOutputs.Write"/> returns them.</param>
public sealed record StudyMergeResult(int Runs, IReadOnlyList<string> Files);
