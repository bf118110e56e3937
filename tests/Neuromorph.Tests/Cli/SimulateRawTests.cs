using System.Text;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Cli;

/// <summary><c>simulate -r FILE</c> (or <c>--raw FILE</c>): a binary SPICE raw file beside the unchanged CSVs.</summary>
public class SimulateRawTests
{
    private const string Deck = "rc raw\nv1 in 0 pulse(0 1 0 1n 1n 1 2) ac 1\nr1 in out 1k\nc1 out 0 1u\n.tran 10u 1m\n.ac dec 2 1 100\n.end\n";

    [Theory]
    [InlineData("-r")]
    [InlineData("--raw")]
    public void The_flag_writes_a_raw_file_with_every_analysis_and_leaves_the_csvs_as_they_were(string flag)
    {
        using var dir = new TempDirectory("nm-cli-raw");
        var cir = Path.Combine(dir, "rc.cir");
        File.WriteAllText(cir, Deck);
        var (plain, withRaw, raw) = (Path.Combine(dir, "plain"), Path.Combine(dir, "raw"), Path.Combine(dir, "out.raw"));
        var (code, _, error) = CliHarness.Run("simulate", cir, "-o", plain, "--plot-format", "none");
        Assert.True(code == 0, error);
        var (code2, output, error2) = CliHarness.Run("simulate", cir, "-o", withRaw, flag, raw, "--plot-format", "none");
        Assert.True(code2 == 0, error2);
        Assert.Contains("wrote ", output, StringComparison.Ordinal);
        Assert.Contains("out.raw", output, StringComparison.Ordinal);

        foreach (var csv in new[] { "tran.csv", "ac.csv" })
        {
            Assert.Equal(File.ReadAllText(Path.Combine(plain, csv)), File.ReadAllText(Path.Combine(withRaw, csv)));
        }

        var text = Encoding.ASCII.GetString(File.ReadAllBytes(raw));
        Assert.StartsWith("Title: rc raw\nDate: ", text, StringComparison.Ordinal);
        Assert.Contains("Plotname: Transient Analysis\nFlags: real\nNo. Variables: 4\n", text, StringComparison.Ordinal);
        Assert.Contains("Plotname: AC Analysis\nFlags: complex\nNo. Variables: 3\nNo. Points: 5\nVariables:\n\t0\tfrequency\tfrequency\n\t1\tv(in)\tvoltage\n\t2\tv(out)\tvoltage\nBinary:\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_raw_path_that_cannot_be_written_is_refused_before_the_netlist_runs()
    {
        using var dir = new TempDirectory("nm-cli-raw-bad");
        var cir = Path.Combine(dir, "rc.cir");
        File.WriteAllText(cir, Deck);
        var output = Path.Combine(dir, "out");

        // a directory where the file should go, and a folder that cannot hold a file
        foreach (var raw in new[] { dir.Path, Path.Combine(cir, "x.raw") })
        {
            var (code, _, error) = CliHarness.Run("simulate", cir, "-o", output, "-r", raw, "--plot-format", "none");
            Assert.Equal(2, code);
            Assert.Contains("--raw", error, StringComparison.Ordinal);
            Assert.Single(error.Trim().Split('\n'), l => l.Contains("error", StringComparison.Ordinal));
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
            Assert.False(Directory.Exists(output), "nothing is simulated or written when the raw path is refused");
        }
    }
}
