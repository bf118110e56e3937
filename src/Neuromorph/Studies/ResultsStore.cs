using Neuromorph.Io;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Neuromorph.Diagnostics;

namespace Neuromorph.Studies;

/// <summary>
/// The on-disk results of one study run directory: <c>study.json</c> (fingerprint, shard, columns) and
/// <c>results.csv</c>, to which each finished run is appended as one whole line, flushed to disk before the
/// next. A run killed mid-write leaves at most a partial last line, which <see cref="Open"/> cuts off, so the
/// file is never corrupt and a resumed sweep redoes only the runs that were in flight.
/// </summary>
public sealed class ResultsStore : IDisposable
{
    /// <summary>File name of the results table.</summary>
    public const string ResultsFile = "results.csv";

    /// <summary>File name of the manifest.</summary>
    public const string ManifestFile = "study.json";

    private readonly FileStream _stream;
    private readonly object _gate = new();

    private ResultsStore(string directory, StudyManifest manifest, FileStream stream, List<RunRecord> existing)
    {
        Directory = directory;
        Manifest = manifest;
        _stream = stream;
        Existing = existing;
    }

    /// <summary>The run directory.</summary>
    public string Directory { get; }

    /// <summary>What study and shard this directory holds.</summary>
    public StudyManifest Manifest { get; }

    /// <summary>Rows already on disk when opened (after cutting a partial last line).</summary>
    public IReadOnlyList<RunRecord> Existing { get; }

    /// <summary>
    /// The hint of every refusal to resume a directory (its location is the directory's <see cref="ManifestFile"/>):
    /// what the user can do, without naming command-line flags, which the command adds.
    /// </summary>
    public const string StartOver = "start over in this directory (its old results are discarded), or write to another directory";

    /// <summary>The header of results.csv for a study.</summary>
    public static IReadOnlyList<string> Header(StudySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return ["point", "replicate", "seed", .. spec.Axes.Select(a => a.Key), .. spec.Metrics.Select(m => m.Name), "status", "message", "wall_s"];
    }

    /// <summary>
    /// Opens (resume) or creates the run directory for <paramref name="spec"/>. <paramref name="inputs"/> are the files
    /// the runs read; a resume refuses when any of them changed since the results on disk were computed.
    /// </summary>
    public static ResultsStore Open(string directory, StudySpec spec, ShardSpec shard, bool resume, IReadOnlyList<StudyInput>? inputs = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        System.IO.Directory.CreateDirectory(directory);
        var manifestPath = Path.Combine(directory, ManifestFile);
        var resultsPath = Path.Combine(directory, ResultsFile);
        var manifest = new StudyManifest(spec.Name, Path.GetFullPath(spec.File), spec.Fingerprint, shard.Index, shard.Count, [.. Header(spec)]) { Inputs = inputs ?? [] };
        if (resume && File.Exists(manifestPath))
        {
            var old = ReadManifest(directory);
            if (old.Fingerprint != spec.Fingerprint || old.ShardIndex != shard.Index || old.ShardCount != shard.Count)
            {
                var sameFile = string.Equals(old.StudyFile, manifest.StudyFile, StringComparison.Ordinal);
                var why = !sameFile || old.Name != spec.Name
                    ? $"holds results of a different study ('{old.Name}' from {old.StudyFile}, shard {old.ShardIndex}/{old.ShardCount})"
                    : old.Fingerprint != spec.Fingerprint
                        ? "holds results of an earlier version of this study: the study file changed since they were written, and continuing would mix rows of both versions"
                        : $"holds results of shard {old.ShardIndex}/{old.ShardCount} of this study, not of shard {shard.Index}/{shard.Count}";
                throw new UserInputException(new SourceLocation(manifestPath, 0, 0), $"'{directory}' {why}", StartOver);
            }

            if (File.Exists(resultsPath))
            {
                StudyInputs.RequireUnchanged(old.Inputs, manifest.Inputs, manifestPath, $"resuming '{directory}'");
            }
        }

        if (!resume && File.Exists(resultsPath))
        {
            File.Delete(resultsPath);
        }

        AtomicFile.WriteAllText(manifestPath, JsonSerializer.Serialize(manifest, ManifestJson.Options));
        var existing = File.Exists(resultsPath) ? ReadAndRepair(resultsPath, spec) : [];
        var stream = new FileStream(resultsPath, FileMode.Append, FileAccess.Write, FileShare.Read);
        var store = new ResultsStore(directory, manifest, stream, existing);
        if (stream.Length == 0)
        {
            store.AppendLine(CsvRow.Format(manifest.Columns));
        }

        return store;
    }

    /// <summary>Reads a run directory's manifest.</summary>
    public static StudyManifest ReadManifest(string directory)
    {
        var path = Path.Combine(directory, ManifestFile);
        if (!File.Exists(path))
        {
            throw new UserInputException(new SourceLocation(directory, 0, 0), "not a sweep output directory (no study.json)", "give the directories written by 'neuromorph sweep -o DIR'");
        }

        try
        {
            return JsonSerializer.Deserialize<StudyManifest>(File.ReadAllText(path), ManifestJson.Options)
                ?? throw new JsonException("empty manifest");
        }
        catch (JsonException ex)
        {
            throw new UserInputException(new SourceLocation(path, 1, 1), $"unreadable manifest: {ex.Message}", "was it edited by hand?");
        }
    }

    /// <summary>Reads the rows of a results.csv written for <paramref name="columns"/>, ignoring a partial last line.</summary>
    public static List<RunRecord> ReadRows(string resultsPath, IReadOnlyList<string> columns, IReadOnlyList<string> parameterKeys, IReadOnlyList<string> metricNames)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(parameterKeys);
        ArgumentNullException.ThrowIfNull(metricNames);
        var text = File.ReadAllText(resultsPath);
        var end = text.LastIndexOf('\n');
        var lines = (end < 0 ? "" : text[..end]).Split('\n');
        var rows = new List<RunRecord>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            var f = CsvRow.Parse(lines[i].TrimEnd('\r'));
            if (f.Count != columns.Count)
            {
                throw new UserInputException(new SourceLocation(resultsPath, i + 1, 1), $"row has {f.Count} fields, header has {columns.Count}", "the file was edited or belongs to another study");
            }

            var parameters = parameterKeys.Select((k, j) => (k, CsvRow.ParseNumber(f[3 + j]))).ToDictionary(p => p.k, p => p.Item2, StringComparer.OrdinalIgnoreCase);
            var metrics = metricNames.Select((k, j) => (k, CsvRow.ParseNumber(f[3 + parameterKeys.Count + j]))).ToDictionary(p => p.k, p => p.Item2, StringComparer.OrdinalIgnoreCase);
            var run = new StudyPoint(int.Parse(f[0], CultureInfo.InvariantCulture), int.Parse(f[1], CultureInfo.InvariantCulture), long.Parse(f[2], CultureInfo.InvariantCulture), parameters);
            var status = f[^3] == "ok" ? RunStatus.Ok : RunStatus.Failed;
            rows.Add(new RunRecord(run, metrics, status, f[^2], CsvRow.ParseNumber(f[^1])));
        }

        return rows;
    }

    /// <summary>Appends one finished run as a whole line and flushes it to disk. Thread-safe.</summary>
    public void Append(RunRecord record, StudySpec spec)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(spec);
        AppendLine(CsvRow.Format(Fields(record, spec)));
    }

    /// <summary>The CSV fields of a record, in header order.</summary>
    public static IEnumerable<string> Fields(RunRecord record, StudySpec spec)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(spec);
        yield return record.Run.PointId.ToString(CultureInfo.InvariantCulture);
        yield return record.Run.Replicate.ToString(CultureInfo.InvariantCulture);
        yield return record.Run.Seed.ToString(CultureInfo.InvariantCulture);
        foreach (var a in spec.Axes)
        {
            yield return CsvRow.Number(record.Run.Parameters[a.Key]);
        }

        foreach (var m in spec.Metrics)
        {
            yield return CsvRow.Number(record.Metrics.TryGetValue(m.Name, out var v) ? v : double.NaN);
        }

        yield return record.Status == RunStatus.Ok ? "ok" : "failed";
        yield return record.Message.ReplaceLineEndings(" ");
        yield return record.WallSeconds.ToString("0.######", CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();

    private void AppendLine(string line)
    {
        var bytes = Encoding.UTF8.GetBytes(line + "\n");
        lock (_gate)
        {
            _stream.Write(bytes);
            _stream.Flush(true);
        }
    }

    private static List<RunRecord> ReadAndRepair(string path, StudySpec spec)
    {
        var bytes = File.ReadAllBytes(path);
        var end = Array.LastIndexOf(bytes, (byte)'\n');
        if (end + 1 < bytes.Length)
        {
            using var fs = new FileStream(path, FileMode.Open, FileAccess.Write);
            fs.SetLength(end + 1);
            fs.Flush(true);
        }

        return ReadRows(path, Header(spec), [.. spec.Axes.Select(a => a.Key)], [.. spec.Metrics.Select(m => m.Name)]);
    }
}

/// <summary>Identifies the study (name, file, content fingerprint) and shard a run directory belongs to (<c>study.json</c>).</summary>
public sealed record StudyManifest(string Name, string StudyFile, string Fingerprint, int ShardIndex, int ShardCount, IReadOnlyList<string> Columns)
{
    /// <summary>The files the runs read and their digests (null in directories written before inputs were recorded).</summary>
    public IReadOnlyList<StudyInput>? Inputs { get; init; }
}

/// <summary>JSON settings shared by manifest readers and writers.</summary>
internal static class ManifestJson
{
    public static JsonSerializerOptions Options { get; } = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
}
