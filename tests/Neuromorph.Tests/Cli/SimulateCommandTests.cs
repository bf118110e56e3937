using System.Xml.Linq;
using Neuromorph.Io;
using Neuromorph.Studies;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Cli;

public class SimulateCommandTests
{

    [Trait("Category", "slow")]
    [Fact]
    public void Quick_start_example_writes_csv_with_print_headers_and_png_plots()
    {
        using var dir = new TempDirectory("nm-cli");
        var (code, output, error) = CliHarness.Run("simulate", RepoPaths.InRepo("circuits", "memristor_hysteresis.cir"), "-o", dir, "--plot", "i(rs) vs v(in,mid)");
        Assert.True(code == 0, error);
        Assert.Contains("tran", output, StringComparison.Ordinal);
        var lines = File.ReadAllLines(Path.Combine(dir, "tran.csv"));
        Assert.Equal("time,v(in),v(mid),i(rs),x(m1),r(m1)", lines[0]);
        Assert.True(lines.Length > 100);
        // the stacked panels (v, i, x, r) and the I-V loop, at twice the logical density
        var stacked = PngImage.Load(Path.Combine(dir, "tran.png"));
        Assert.Equal(1520, stacked.Width);
        Assert.True(stacked.Height > 4 * 2 * 200);
        var loop = PngImage.Load(Path.Combine(dir, "tran_plot1.png"));
        Assert.True(loop.CountColor("#0072B2", 0, 0, loop.Width - 1, loop.Height - 1) > 1000, "the loop's line is missing");
        Assert.False(File.Exists(Path.Combine(dir, "tran.svg")));
        var (code2, _, error2) = CliHarness.Run("simulate", RepoPaths.InRepo("circuits", "memristor_hysteresis.cir"), "-o", dir, "--plot-format", "svg", "--overwrite");
        Assert.True(code2 == 0, error2);
        Assert.Equal("svg", XDocument.Load(Path.Combine(dir, "tran.svg")).Root!.Name.LocalName);
    }

    [Trait("Category", "slow")]
    [Fact]
    public void Every_example_netlist_runs()
    {
        foreach (var cir in Directory.GetFiles(RepoPaths.InRepo("circuits"), "*.cir"))
        {
            using var scratch = new TempDirectory("nm-cli");
            var (code, _, error) = CliHarness.Run("simulate", cir, "-o", scratch);
            Assert.True(code == 0, $"{Path.GetFileName(cir)}: {error}");
        }
    }

    [Fact]
    public void Malformed_netlist_exits_2_with_file_line_column_and_no_stack_trace()
    {
        using var dir = new TempDirectory("nm-cli");
        var path = Path.Combine(dir, "bad.cir");
        File.WriteAllText(path, "bad\nR1 a 0 1k\nC1 a 0 1.2.3\n.tran 1u 1m\n.end\n");
        var (code, _, error) = CliHarness.Run("simulate", path);
        Assert.Equal(2, code);
        Assert.Contains("bad.cir:3:8: error: malformed number '1.2.3'", error, StringComparison.Ordinal);
        Assert.Contains("hint:", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("t\nv1 a 0 1\nr1 a b 1k\nc1 b c 1n\nr2 c 0 1k\ni1 c d 1m\nr3 d e 1\n.op\n.end\n", "no DC path to ground")]
    [InlineData("t\nv1 a 0 1\nv2 a 0 2\nr1 a 0 1\n.op\n.end\n", "loop of voltage sources")]
    [InlineData("t\nymemristor m1 a 0 nope\nv1 a 0 1\n.model nop memristor level=1\n.op\n.end\n", "did you mean 'nop'")]
    [InlineData("t\nv1 a 0 1\nr1 a 0 1\n.op\n.print op v(b)\n.end\n", "no node 'b'")]
    [InlineData("t\nv1 a 0 1\nr1 a 0 1\n.dc vx 0 1 0.1\n.end\n", "not an independent source")]
    public void Semantic_errors_exit_2(string netlist, string message)
    {
        using var scratch = new TempDirectory("nm-cli");
        var path = Path.Combine(scratch, "c.cir");
        File.WriteAllText(path, netlist);
        var (code, _, error) = CliHarness.Run("simulate", path);
        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Contains("c.cir:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Singular_circuit_exits_1_naming_the_unknown()
    {
        using var scratch = new TempDirectory("nm-cli");
        var path = Path.Combine(scratch, "s.cir");
        File.WriteAllText(path, "singular\ne1 a 0 a 0 1\nr1 a 0 1k\n.op\n.end\n");
        var (code, _, error) = CliHarness.Run("simulate", path);
        Assert.Equal(1, code);
        Assert.Contains("singular matrix at", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Models_lists_every_model_and_one_models_parameters()
    {
        var (code, output, _) = CliHarness.Run("models");
        Assert.Equal(0, code);
        foreach (var m in new[] { "hp", "team", "yakopcic", "vteam", "knowm", "ctd", "threshold" })
        {
            Assert.Contains(m, output, StringComparison.Ordinal);
        }

        var (code2, output2, _) = CliHarness.Run("models", "team");
        Assert.Equal(0, code2);
        Assert.Contains("xscaling", output2, StringComparison.Ordinal);
        var (code3, _, error3) = CliHarness.Run("models", "tem");
        Assert.Equal(2, code3);
        Assert.Contains("did you mean 'team'", error3, StringComparison.Ordinal);
    }

    [Fact]
    public void Typo_in_a_command_gets_a_suggestion()
    {
        var (code, _, error) = CliHarness.Run("simulat", "x.cir");
        Assert.Equal(2, code);
        Assert.Contains("unknown command 'simulat'; did you mean 'simulate'?", error, StringComparison.Ordinal);
    }
}

public class SteppedSimulateTests
{
    [Fact]
    public void Step_param_runs_each_value_and_stacks_the_rows()
    {
        using var dir = new TempDirectory("nm-step");
        var (code, _, error) = CliHarness.Run("simulate", RepoPaths.InRepo("circuits", "rc_step.cir"), "-o", dir);
        Assert.True(code == 0, error);
        var (headers, cols) = CsvTable.Read(Path.Combine(dir, "tran.csv"));
        Assert.Equal(["r", "time", "v(out)"], headers);
        foreach (var r in new[] { 500.0, 1000, 2000 })
        {
            var idx = Enumerable.Range(0, cols[0].Length).Where(i => cols[0][i] == r).ToArray();
            Assert.NotEmpty(idx);
            var tau = r * 1e-6;
            // at t = tau the step response is 1 - 1/e
            var v = WaveformMetrics.Interpolate(idx.Select(i => cols[1][i]).ToArray(), idx.Select(i => cols[2][i]).ToArray(), tau);
            Assert.Equal(1 - Math.Exp(-1), v, 2e-3);
        }

        Assert.True(File.Exists(Path.Combine(dir, "tran.png")));
    }
}
