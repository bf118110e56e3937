using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Cli;

/// <summary>
/// Output paths are checked before any work starts, and nothing is created until the input has been read and
/// validated (issue #23, items 13, 18 and 34).
/// </summary>
public class OutputPathTests
{
    private static string Crossbar(string dir)
    {
        var path = Path.Combine(dir, "n.yaml");
        File.WriteAllText(path, """
            kind: crossbar
            array: { resistances: [[10k, 20k], [5k, 40k]], wire_resistance: 3 }
            inputs: [[0.2, 0.1]]
            """);
        return path;
    }

    [Fact]
    public void Export_netlist_naming_a_directory_is_refused_before_the_experiment_runs()
    {
        using var dir = new TempDirectory("nm-out");
        var existing = Directory.CreateDirectory(Path.Combine(dir, "nets")).FullName;
        var (code, output, error) = CliHarness.Run("run", Crossbar(dir), "-o", Path.Combine(dir, "out"), "--export-netlist", existing);
        Assert.Equal(2, code);
        Assert.Contains("--export-netlist", error, StringComparison.Ordinal);
        Assert.Contains("is a directory, but a file is written there", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Equal("", output);
        Assert.False(Directory.Exists(Path.Combine(dir, "out")), "the output folder was created although nothing ran");
    }

    [Fact]
    public void Export_netlist_naming_a_folder_with_a_trailing_separator_is_refused_too()
    {
        using var dir = new TempDirectory("nm-out");
        var (code, _, error) = CliHarness.Run("run", Crossbar(dir), "-o", Path.Combine(dir, "out"), "--export-netlist", Path.Combine(dir, "newdir") + Path.DirectorySeparatorChar);
        Assert.Equal(2, code);
        Assert.Contains("is a directory, but a file is written there", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir, "out")));
        Assert.False(Directory.Exists(Path.Combine(dir, "newdir")));
    }

    [Fact]
    public void Export_netlist_under_a_file_is_refused_before_the_experiment_runs()
    {
        using var dir = new TempDirectory("nm-out");
        File.WriteAllText(Path.Combine(dir, "plain"), "x");
        var (code, _, error) = CliHarness.Run("run", Crossbar(dir), "-o", Path.Combine(dir, "out"), "--export-netlist", Path.Combine(dir, "plain", "x.cir"));
        Assert.Equal(2, code);
        Assert.Contains("is a file, not a directory", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir, "out")));
    }

    [Fact]
    public void Simulate_of_a_missing_netlist_creates_no_output_folder()
    {
        using var dir = new TempDirectory("nm-out");
        var (code, _, error) = CliHarness.Run("simulate", Path.Combine(dir, "missing.cir"), "-o", Path.Combine(dir, "out"));
        Assert.Equal(2, code);
        Assert.Contains("missing.cir", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir, "out")), "a failed read left an empty output folder");
    }

    [Fact]
    public void Simulate_of_a_netlist_refused_for_no_dc_path_creates_no_output_folder()
    {
        using var dir = new TempDirectory("nm-out");
        var cir = Path.Combine(dir, "floating.cir");
        File.WriteAllText(cir, "floating\nv1 a 0 1\nc1 a b 1u\nc2 b 0 1u\n.tran 1u 1m\n.end\n");
        var (code, _, error) = CliHarness.Run("simulate", cir, "-o", Path.Combine(dir, "out"));
        Assert.Equal(2, code);
        Assert.Contains("has no DC path to ground", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir, "out")), "a rejected netlist left an empty output folder");
        // the default folder (named after the netlist) is not created either
        Assert.False(Directory.Exists(Path.Combine(dir, "floating")));
    }

    [Fact]
    public void Simulate_into_a_file_fails_before_reading_the_netlist()
    {
        using var dir = new TempDirectory("nm-out");
        File.WriteAllText(Path.Combine(dir, "plain"), "x");
        var (code, _, error) = CliHarness.Run("simulate", RepoPaths.InRepo("circuits", "rc_step.cir"), "-o", Path.Combine(dir, "plain", "sub"));
        Assert.Equal(2, code);
        Assert.Contains("is a file, not a directory", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_csv_is_announced_before_the_simulation_starts()
    {
        using var dir = new TempDirectory("nm-out");
        var cir = Path.Combine(dir, "huge.cir");
        // 1e7 time points x 3 columns: at least 660 MB; the deck then fails to build (no DC path), so only a warning
        // given before the simulation can appear
        File.WriteAllText(cir, "huge\nv1 a 0 1\nc1 a b 1u\nc2 b 0 1u\n.tran 1n 10m\n.print tran v(a) v(b)\n.end\n");
        var (code, _, error) = CliHarness.Run("simulate", cir, "-o", Path.Combine(dir, "out"));
        Assert.Equal(2, code);
        Assert.Contains("warning: tran.csv will take at least 660 MB (10000001 rows x 3 columns)", error, StringComparison.Ordinal);
        Assert.True(error.IndexOf("warning: tran.csv", StringComparison.Ordinal) < error.IndexOf("no DC path", StringComparison.Ordinal), error);
    }

    [Fact]
    public void The_size_warning_counts_max_points_and_step_runs()
    {
        using var dir = new TempDirectory("nm-out");
        var cir = Path.Combine(dir, "huge.cir");
        File.WriteAllText(cir, "huge\n.param rr=1k\nv1 a 0 1\nr1 a b {rr}\nc2 b 0 1u\nc3 b x 1u\n.step param rr list 1k 2k\n.tran 1n 10m\n.print tran v(a) v(b)\n.end\n");
        var (_, _, error) = CliHarness.Run("simulate", cir, "-o", Path.Combine(dir, "out"));
        Assert.Contains("warning: tran.csv will take at least 1760 MB (20000002 rows x 4 columns)", error, StringComparison.Ordinal);
        (_, _, error) = CliHarness.Run("simulate", cir, "-o", Path.Combine(dir, "out2"), "--max-points", "1000");
        Assert.DoesNotContain("warning: tran.csv", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("train")]
    [InlineData("sweep")]
    [InlineData("minimize")]
    [InlineData("sweep merge")]
    public void An_output_folder_that_is_a_file_or_under_one_is_refused_before_the_input_is_read(string command)
    {
        using var dir = new TempDirectory("nm-out");
        var plain = Path.Combine(dir, "plain");
        File.WriteAllText(plain, "x");
        // the input does not exist: the output check must come first
        var input = Path.Combine(dir, "missing.yaml");
        string[] Args(string output) => [.. command.Split(' '), input, "-o", output];
        var (code, stdout, error) = CliHarness.Run(Args(plain));
        Assert.Equal(2, code);
        Assert.Contains("is an existing file, but output goes into a directory", error, StringComparison.Ordinal);
        Assert.DoesNotContain("missing.yaml", error, StringComparison.Ordinal);
        Assert.Equal("", stdout);
        (code, _, error) = CliHarness.Run(Args(Path.Combine(plain, "sub")));
        Assert.Equal(2, code);
        Assert.Contains("is a file, not a directory", error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains("error:", StringComparison.Ordinal));
        Assert.Equal([plain], Directory.GetFileSystemEntries(dir));
    }

    [Fact]
    public void Plot_output_naming_a_directory_is_refused_before_the_csv_is_read()
    {
        using var dir = new TempDirectory("nm-out");
        var (code, _, error) = CliHarness.Run("plot", Path.Combine(dir, "missing.csv"), "--x", "t", "--y", "v", "-o", dir);
        Assert.Equal(2, code);
        Assert.Contains("is a directory, but a file is written there", error, StringComparison.Ordinal);
        Assert.DoesNotContain("missing.csv", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_train_creates_no_output_folder()
    {
        using var dir = new TempDirectory("nm-out");
        var yaml = Path.Combine(dir, "t.yaml");
        File.WriteAllText(yaml, "model: { kind: nonsense }\n");
        var (code, _, _) = CliHarness.Run("train", yaml, "-o", Path.Combine(dir, "out"));
        Assert.Equal(2, code);
        Assert.False(Directory.Exists(Path.Combine(dir, "out")));
    }
}
