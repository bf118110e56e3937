using Neuromorph.Io;
using System.Text;
using Neuromorph.Diagnostics;

namespace Neuromorph.Studies;

/// <summary>
/// Combines the run directories of the shards of one study into one: checks every directory holds the same
/// study (fingerprint), that no run appears in two shards and that no run is missing, then writes the merged
/// <c>results.csv</c> (sorted by point and replicate); <see cref="Reporting.StudyOutputs"/> writes the summary and report.
/// </summary>
public static class ShardMerger
{
    /// <summary>Merges <paramref name="shardDirectories"/> for <paramref name="spec"/> into <paramref name="outputDirectory"/>.</summary>
    public static IReadOnlyList<RunRecord> Merge(StudySpec spec, IReadOnlyList<string> shardDirectories, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(shardDirectories);
        var byKey = new Dictionary<string, (RunRecord Row, string Dir)>();
        IReadOnlyList<StudyInput>? inputs = null;
        foreach (var dir in shardDirectories)
        {
            var manifest = ResultsStore.ReadManifest(dir);
            if (inputs is null)
            {
                inputs = manifest.Inputs ?? [];
            }
            else
            {
                StudyInputs.RequireUnchanged(manifest.Inputs, inputs, Path.Combine(dir, ResultsStore.ManifestFile), $"shard '{dir}' (against '{shardDirectories[0]}')",
                    "re-run the shards whose inputs differ, so that all were computed from the same files");
            }

            if (manifest.Fingerprint != spec.Fingerprint)
            {
                throw new UserInputException(new SourceLocation(Path.Combine(dir, ResultsStore.ManifestFile), 0, 0),
                    $"'{dir}' holds study '{manifest.Name}' ({manifest.Fingerprint}), not '{spec.Name}' ({spec.Fingerprint})",
                    "merge only the shards of one study file, unchanged since the shards ran");
            }

            var local = new Dictionary<string, RunRecord>();
            foreach (var row in ResultsStore.ReadRows(Path.Combine(dir, ResultsStore.ResultsFile), manifest.Columns, [.. spec.Axes.Select(a => a.Key)], [.. spec.Metrics.Select(m => m.Name)]))
            {
                local[row.Run.RunKey] = row;
            }

            foreach (var (key, row) in local)
            {
                if (byKey.TryGetValue(key, out var other))
                {
                    throw new UserInputException(new SourceLocation(dir, 0, 0), $"run {key} appears both in '{other.Dir}' and in '{dir}'", "each shard directory must hold a different shard i/n");
                }

                byKey[key] = (row, dir);
            }
        }

        var expected = StudyPlan.Runs(spec);
        var missing = expected.Where(r => !byKey.ContainsKey(r.RunKey)).Select(r => r.RunKey).ToList();
        if (missing.Count > 0)
        {
            throw new UserInputException(new SourceLocation(shardDirectories.FirstOrDefault() ?? ".", 0, 0),
                $"{missing.Count} of {expected.Count} runs are missing (first: {string.Join(", ", missing.Take(5))})",
                "run the missing shards (or resume them) before merging");
        }

        var rows = byKey.Values.Select(v => v.Row).OrderBy(r => r.Run.PointId).ThenBy(r => r.Run.Replicate).ToList();
        Directory.CreateDirectory(outputDirectory);
        var sb = new StringBuilder();
        sb.Append(CsvRow.Format(ResultsStore.Header(spec))).Append('\n');
        foreach (var r in rows)
        {
            sb.Append(CsvRow.Format(ResultsStore.Fields(r, spec))).Append('\n');
        }

        AtomicFile.WriteAllText(Path.Combine(outputDirectory, ResultsStore.ResultsFile), sb.ToString());
        return rows;
    }
}
