using System.Security.Cryptography;
using System.Text.Json;
using Neuromorph.Cli.Commands;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Cli;

/// <summary>A run owns its output folder: run.json, refusal of folders holding other files, --overwrite (issue 25).</summary>
public class RunFolderTests
{
    private const string Tran = "rc\nv1 a 0 pulse(0 1 0 1u 1u 5m 10m)\nr1 a b 1k\nc1 b 0 1u\n.tran 10u 1m\n.print tran v(b)\n.end\n";
    private const string Op = "divider\nv1 a 0 1\nr1 a b 1k\nr2 b 0 1k\n.op\n.end\n";

    private static string Write(string dir, string name, string text)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static List<string> FilesIn(string dir) =>
        [.. Directory.GetFiles(dir, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(dir, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];

    /// <summary>Every file with its bytes, to show a refused run changed nothing.</summary>
    private static Dictionary<string, string> Contents(string dir) =>
        FilesIn(dir).ToDictionary(f => f, f => Convert.ToHexString(File.ReadAllBytes(Path.Combine(dir, f))), StringComparer.Ordinal);

    private static JsonElement Manifest(string dir) => JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "run.json"))).RootElement.Clone();

    [Fact]
    public void The_manifest_records_the_command_version_inputs_times_status_and_the_files_written()
    {
        using var dir = new TempDirectory("nm-own");
        var cir = Write(dir, "rc.cir", Tran);
        var output = Path.Combine(dir, "out");
        var before = DateTime.UtcNow.AddSeconds(-1);
        var (code, _, error) = CliHarness.Run("simulate", cir, "-o", output);
        Assert.True(code == 0, error);
        var m = Manifest(output);
        Assert.Equal(["neuromorph", "simulate", cir, "-o", output], m.GetProperty("command").EnumerateArray().Select(e => e.GetString()!));
        Assert.False(string.IsNullOrWhiteSpace(m.GetProperty("version").GetString()));
        var input = Assert.Single(m.GetProperty("inputs").EnumerateArray());
        Assert.Equal(Path.GetFullPath(cir), input.GetProperty("path").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(cir))), input.GetProperty("sha256").GetString());
        Assert.Equal("completed", m.GetProperty("status").GetString());
        var started = m.GetProperty("started").GetString()!;
        var ended = m.GetProperty("ended").GetString()!;
        Assert.EndsWith("Z", started, StringComparison.Ordinal);
        Assert.EndsWith("Z", ended, StringComparison.Ordinal);
        var s = DateTime.Parse(started, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
        var e = DateTime.Parse(ended, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
        Assert.True(s >= before && e >= s && e <= DateTime.UtcNow.AddSeconds(1), $"{started} .. {ended}");
        var listed = m.GetProperty("files").EnumerateArray().Select(f => f.GetString()!).ToList();
        Assert.Contains("tran.csv", listed);
        Assert.Equal(FilesIn(output).Where(f => f != "run.json"), listed);
    }

    [Fact]
    public void A_folder_holding_another_runs_files_is_refused_and_left_unchanged()
    {
        using var dir = new TempDirectory("nm-own");
        var output = Path.Combine(dir, "out");
        Assert.Equal(0, CliHarness.Run("simulate", Write(dir, "a.cir", Op), "-o", output).ExitCode);
        var before = Contents(output);
        var (code, stdout, error) = CliHarness.Run("simulate", Write(dir, "b.cir", Tran), "-o", output);
        Assert.Equal(2, code);
        Assert.Contains("holds the output of another run ('neuromorph simulate", error, StringComparison.Ordinal);
        Assert.Contains("--overwrite", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Equal("", stdout);
        Assert.Equal(before, Contents(output));
    }

    [Fact]
    public void Running_the_same_command_again_into_its_own_folder_replaces_its_files_but_not_after_the_input_changed()
    {
        using var dir = new TempDirectory("nm-own");
        var cir = Write(dir, "a.cir", Op);
        var output = Path.Combine(dir, "out");
        Assert.Equal(0, CliHarness.Run("simulate", cir, "-o", output).ExitCode);
        var first = Manifest(output).GetProperty("started").GetString();
        Thread.Sleep(20);
        Assert.Equal(0, CliHarness.Run("simulate", cir, "-o", output).ExitCode);
        Assert.NotEqual(first, Manifest(output).GetProperty("started").GetString());

        // the same arguments on an edited input are another run: refused
        File.AppendAllText(cir, "* edited\n");
        var before = Contents(output);
        var (code, _, error) = CliHarness.Run("simulate", cir, "-o", output);
        Assert.Equal(2, code);
        Assert.Contains("--overwrite", error, StringComparison.Ordinal);
        Assert.Equal(before, Contents(output));
        Assert.Equal(0, CliHarness.Run("simulate", cir, "-o", output, "--overwrite").ExitCode);
    }

    [Fact]
    public void Overwrite_deletes_only_the_files_the_previous_manifest_lists()
    {
        using var dir = new TempDirectory("nm-own");
        var output = Path.Combine(dir, "out");
        Assert.Equal(0, CliHarness.Run("simulate", Write(dir, "a.cir", Op), "-o", output).ExitCode);
        Assert.Contains("op.csv", FilesIn(output));
        Write(output, "notes.txt", "mine");
        var (code, _, error) = CliHarness.Run("simulate", Write(dir, "b.cir", Tran), "-o", output, "--overwrite");
        Assert.True(code == 0, error);
        var present = FilesIn(output);
        Assert.DoesNotContain("op.csv", present);
        Assert.Contains("tran.csv", present);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(output, "notes.txt")));
        var listed = Manifest(output).GetProperty("files").EnumerateArray().Select(f => f.GetString()!).ToList();
        Assert.Equal(present.Where(f => f is not ("run.json" or "notes.txt")), listed);
        Assert.Contains("b.cir", Manifest(output).GetProperty("command").EnumerateArray().ElementAt(2).GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_with_files_no_run_wrote_is_refused()
    {
        using var dir = new TempDirectory("nm-own");
        var output = Directory.CreateDirectory(Path.Combine(dir, "out")).FullName;
        Write(output, "thesis.tex", "text");
        var (code, _, error) = CliHarness.Run("simulate", Write(dir, "a.cir", Op), "-o", output);
        Assert.Equal(2, code);
        Assert.Contains("1 file not written by a Neuromorph run (e.g. 'thesis.tex')", error, StringComparison.Ordinal);
        Assert.Contains("--overwrite", error, StringComparison.Ordinal);
        Assert.Equal(["thesis.tex"], FilesIn(output));

        // --overwrite writes beside them and deletes none of them
        Assert.Equal(0, CliHarness.Run("simulate", Path.Combine(dir, "a.cir"), "-o", output, "--overwrite").ExitCode);
        Assert.Equal("text", File.ReadAllText(Path.Combine(output, "thesis.tex")));
        Assert.DoesNotContain("thesis.tex", Manifest(output).GetProperty("files").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public void An_empty_existing_folder_is_used_and_a_failed_run_leaves_it_as_it_was()
    {
        using var dir = new TempDirectory("nm-own");
        var output = Directory.CreateDirectory(Path.Combine(dir, "out")).FullName;
        // refused for no DC path after it is read: nothing written, no manifest left
        var (code, _, _) = CliHarness.Run("simulate", Write(dir, "f.cir", "floating\nv1 a 0 1\nc1 a b 1u\nc2 b 0 1u\n.tran 1u 1m\n.end\n"), "-o", output);
        Assert.Equal(2, code);
        Assert.Empty(FilesIn(output));
        Assert.Equal(0, CliHarness.Run("simulate", Write(dir, "a.cir", Op), "-o", output).ExitCode);
    }

    [Fact]
    public void Default_folders_are_named_after_the_input_so_two_problems_do_not_share_one()
    {
        var a = MinimizeCommand.DefaultDirectory(Path.Combine("problems", "G11.txt"));
        var b = MinimizeCommand.DefaultDirectory(Path.Combine("problems", "ring.cnf"));
        Assert.NotEqual(a, b);
        Assert.Equal(Path.Combine(Environment.CurrentDirectory, "G11"), a);
        Assert.Equal("ring", Path.GetFileName(b));
    }

    [Fact]
    public void Minimize_writes_its_manifest_and_refuses_another_runs_folder_without_overwrite()
    {
        using var dir = new TempDirectory("nm-own");
        var graph = Write(dir, "ring.txt", string.Join('\n', ["5 5", .. Enumerable.Range(1, 5).Select(i => $"{i} {(i % 5) + 1} 1")]) + "\n");
        var output = Path.Combine(dir, "o");
        var (code, _, error) = CliHarness.Run("minimize", graph, "--restarts", "2", "--plot-format", "none", "-o", output);
        Assert.True(code == 0, error);
        var m = Manifest(output);
        Assert.Equal("completed", m.GetProperty("status").GetString());
        Assert.Equal(FilesIn(output).Where(f => f != "run.json"), m.GetProperty("files").EnumerateArray().Select(f => f.GetString()!));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(graph))), m.GetProperty("inputs")[0].GetProperty("sha256").GetString());
        (code, _, error) = CliHarness.Run("minimize", graph, "--restarts", "3", "--plot-format", "none", "-o", output);
        Assert.Equal(2, code);
        Assert.Contains("the output of another run", error, StringComparison.Ordinal);
    }
}
