using Neuromorph.Diagnostics;
using Neuromorph.Figures;
using Neuromorph.Studies.Reporting;

namespace Neuromorph.Studies;

/// <summary>
/// The merge use case (<c>neuromorph sweep merge</c>): <see cref="ReadStudy"/> finds the study the shard folders came
/// from (its file must still be where the first shard's manifest says); <see cref="Merge"/> combines the shards
/// (<see cref="ShardMerger"/>) and writes summary, figures and report beside the merged results.csv.
/// </summary>
public static class StudyMerge
{
    /// <summary>The study of the shards in <paramref name="shardDirectories"/>, read from the file the first shard names.</summary>
    public static StudySpec ReadStudy(IReadOnlyList<string> shardDirectories)
    {
        ArgumentNullException.ThrowIfNull(shardDirectories);
        var manifest = ResultsStore.ReadManifest(shardDirectories[0]);
        if (!File.Exists(manifest.StudyFile))
        {
            throw new UserInputException(new SourceLocation(manifest.StudyFile, 0, 0), "the study file these shards came from is gone", "merge on a machine where the study file is at the same path");
        }

        return StudySpecReader.ReadFile(manifest.StudyFile);
    }

    /// <summary>Merges the shards of <paramref name="spec"/> into <paramref name="outputDirectory"/> and writes its outputs (figures through <paramref name="figures"/>).</summary>
    public static StudyMergeResult Merge(StudySpec spec, IReadOnlyList<string> shardDirectories, string outputDirectory, FigureWriter? figures = null)
    {
        var rows = ShardMerger.Merge(spec, shardDirectories, outputDirectory);
        var files = StudyOutputs.Write(spec, rows, outputDirectory, figures);
        return new StudyMergeResult(rows.Count, files);
    }
}
