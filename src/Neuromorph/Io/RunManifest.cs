using System.Globalization;
using System.Text.Json;

namespace Neuromorph.Io;

/// <summary>
/// <c>run.json</c>, the record a run keeps in its output folder: the command line, the Neuromorph version, the input
/// files with their SHA-256, start and end times (ISO 8601, UTC), the status, and the files the run wrote (paths
/// relative to the folder). It tells later runs whose files the folder holds, and which of them a replacement may delete.
/// </summary>
public sealed record RunManifest
{
    /// <summary>The manifest's file name in an output folder.</summary>
    public const string FileName = "run.json";

    /// <summary>The command line as its arguments, the program name first.</summary>
    public required IReadOnlyList<string> CommandLine { get; init; }

    /// <summary>Neuromorph's informational version.</summary>
    public required string Version { get; init; }

    /// <summary>The input files and their hashes.</summary>
    public required IReadOnlyList<RunInput> Inputs { get; init; }

    /// <summary>When the run started (UTC).</summary>
    public required DateTime Started { get; init; }

    /// <summary>When the run ended (UTC); null while it runs.</summary>
    public DateTime? Ended { get; init; }

    /// <summary>Where the run stands.</summary>
    public ManifestStatus Status { get; init; } = ManifestStatus.Running;

    /// <summary>The files the run wrote, relative to its folder, with '/' as separator, sorted.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>Writes the manifest atomically into <paramref name="directory"/>; returns its path.</summary>
    public string Write(string directory)
    {
        var path = Path.Combine(directory, FileName);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteStartArray("command");
            foreach (var a in CommandLine)
            {
                w.WriteStringValue(a);
            }

            w.WriteEndArray();
            w.WriteString("version", Version);
            w.WriteStartArray("inputs");
            foreach (var i in Inputs)
            {
                w.WriteStartObject();
                w.WriteString("path", i.Path);
                w.WriteString("sha256", i.Sha256);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteString("started", Iso(Started));
            if (Ended is { } ended)
            {
                w.WriteString("ended", Iso(ended));
            }
            else
            {
                w.WriteNull("ended");
            }

            w.WriteString("status", Status.Name());
            w.WriteStartArray("files");
            foreach (var f in Files)
            {
                w.WriteStringValue(f);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        AtomicFile.WriteAllBytes(path, buffer.ToArray());
        return path;
    }

    /// <summary>
    /// The manifest in <paramref name="directory"/>, or null when there is none or it is not a Neuromorph manifest
    /// (malformed, or missing a field): such a file is treated like any file not written by a run.
    /// </summary>
    public static RunManifest? TryRead(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = doc.RootElement;
            var ended = root.GetProperty("ended");
            return new RunManifest
            {
                CommandLine = [.. root.GetProperty("command").EnumerateArray().Select(e => e.GetString() ?? "")],
                Version = root.GetProperty("version").GetString() ?? "",
                Inputs = [.. root.GetProperty("inputs").EnumerateArray().Select(e => new RunInput(e.GetProperty("path").GetString() ?? "", e.GetProperty("sha256").GetString() ?? ""))],
                Started = ParseTime(root.GetProperty("started").GetString()),
                Ended = ended.ValueKind == JsonValueKind.Null ? null : ParseTime(ended.GetString()),
                Status = ManifestStatusNames.Parse(root.GetProperty("status").GetString()) ?? throw new FormatException("unknown status"),
                Files = [.. root.GetProperty("files").EnumerateArray().Select(e => e.GetString() ?? "")],
            };
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>A time as ISO 8601 in UTC with milliseconds: <c>2025-01-31T12:00:00.000Z</c>.</summary>
    public static string Iso(DateTime time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static DateTime ParseTime(string? text) =>
        DateTime.Parse(text ?? throw new FormatException("no time"), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
