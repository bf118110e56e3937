using System.Diagnostics;
using System.Text.Json;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Peers;

/// <summary>
/// hyparquet (npm, a pure-JavaScript Parquet reader, independent of the writer Neuromorph uses), run by node from
/// tests/peers-node, where scripts/test.sh installs it.
/// </summary>
public static class Hyparquet
{
    private static readonly string Folder = RepoPaths.InRepo("tests", "peers-node");

    /// <summary>True when node runs and hyparquet is installed in tests/peers-node.</summary>
    public static bool IsAvailable { get; } = Directory.Exists(Path.Combine(Folder, "node_modules", "hyparquet")) && Probe();

    /// <summary>Reason used when skipping.</summary>
    public const string Missing = "node or hyparquet is missing (scripts/test.sh installs nodejs and runs npm install in tests/peers-node)";

    /// <summary>The column names and every value of the Parquet file at <paramref name="path"/>, as hyparquet reads them.</summary>
    public static (string[] Names, double[][] Columns) Read(string path, bool strict = true)
    {
        // NaN comes back from hyparquet as null (JSON has no NaN); not strict, a string cell reads as NaN too
        var (names, cells) = ReadCells(path);
        return (names, [.. cells.Select(c => c.Select(v => v.ValueKind == JsonValueKind.Number ? v.GetDouble() : strict && v.ValueKind != JsonValueKind.Null ? throw new InvalidDataException($"not a number: {v}") : double.NaN).ToArray())]);
    }

    /// <summary>
    /// The column names and every value as text: numbers as JSON writes them (64-bit integers as their exact digits),
    /// strings as stored.
    /// </summary>
    public static (string[] Names, string[][] Columns) ReadText(string path)
    {
        var (names, cells) = ReadCells(path);
        return (names, [.. cells.Select(c => c.Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText()).ToArray())]);
    }

    private static (string[] Names, JsonElement[][] Columns) ReadCells(string path)
    {
        var psi = new ProcessStartInfo("node", [Path.Combine(Folder, "read_parquet.mjs"), path]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(120_000))
        {
            p.Kill();
            throw new TimeoutException("hyparquet did not finish in 120 s");
        }

        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"hyparquet failed ({p.ExitCode}): {stderr.Result}");
        }

        var json = JsonDocument.Parse(stdout.Result).RootElement.Clone();
        var names = json.GetProperty("names").EnumerateArray().Select(e => e.GetString()!).ToArray();
        var columns = json.GetProperty("columns").EnumerateArray().Select(c => c.EnumerateArray().ToArray()).ToArray();
        return (names, columns);
    }

    private static bool Probe()
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("node", ["--version"]) { RedirectStandardOutput = true, RedirectStandardError = true });
            return p!.WaitForExit(10_000) && p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
