using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Neuromorph.Tests.Cli;
using Neuromorph.Tests.Peers;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Circuits.Engine;

/// <summary>
/// The .control language's variables and control flow (set, $name, $&amp;vector, if/while/repeat/dowhile/foreach,
/// break/continue, label/goto, vector(), a[i], setplot/destroy, op1.v(n1)): ngspice's example decks (BSD licensed,
/// copied into Circuits/Decks as ngspice_*) print the same lines as ngspice -b, and a loop of op runs gives the closed form.
/// </summary>
public sealed class ControlFlowDeckTests
{
    private static string Deck(string name, [CallerFilePath] string here = "") => Path.Combine(Path.GetDirectoryName(here)!, "..", "Decks", name);

    private static string RunNeuromorph(string deck, string dir)
    {
        var (code, output, error) = CliHarness.Run("simulate", deck, "-o", dir, "--plot-format", "none");
        Assert.True(code == 0, error);
        return output;
    }

    private static string RunNgspice(string deck, string dir)
    {
        var psi = new ProcessStartInfo("ngspice", ["-b", deck]) { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        _ = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(60_000), "ngspice did not finish in 60 s");
        return stdout.Result;
    }

    /// <summary>The lines the control block printed (echo, print), without either simulator's own reports.</summary>
    private static List<string> Printed(string text) =>
        [.. text.Split('\n').Select(l => l.TrimEnd('\r', ' ', '\t')).Where(l => l.Trim().Length > 0
            && !l.StartsWith(' ') && !(l.StartsWith("Note:", StringComparison.Ordinal) && !l.StartsWith("Note: err", StringComparison.Ordinal)) && !l.StartsWith("Circuit:", StringComparison.Ordinal)
            && !l.StartsWith("Doing analysis", StringComparison.Ordinal) && !l.StartsWith("No. of Data", StringComparison.Ordinal)
            && !l.StartsWith("Error", StringComparison.Ordinal) && !l.StartsWith("Warning", StringComparison.Ordinal) && !l.StartsWith("Using", StringComparison.Ordinal) && !l.StartsWith("ngspice-", StringComparison.Ordinal))
            .Select(l => string.Join(" ", l.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)))];

    [Trait("Category", "peer")]
    [SkippableTheory]
    [InlineData("ngspice_loop_while.cir")]
    [InlineData("ngspice_loop_dowhile.cir")]
    [InlineData("ngspice_loop_repeat.cir")]
    [InlineData("ngspice_loop_foreach.cir")]
    [InlineData("ngspice_loop_IfThenElse.cir")]
    [InlineData("ngspice_repeat3.sp")]
    [InlineData("ngspice_if-test-1.cir")]
    [InlineData("control_loops.cir")]
    [InlineData("control_device.cir")]
    [InlineData("ngspice_scope-2.cir")]
    [InlineData("ngspice_xpressn-1.cir")]
    [InlineData("ngspice_func-1.cir")]
    [InlineData("ngspice_global-1.cir")]
    public void Control_flow_decks_print_what_ngspice_prints(string name)
    {
        Requires.Ngspice();
        using var dir = new TempDirectory("nm-flow");
        var deck = Deck(name);
        var ng = Printed(RunNgspice(Path.GetFullPath(deck), dir));
        var ours = Printed(RunNeuromorph(deck, Path.Combine(dir, "out")));
        Assert.NotEmpty(ng);
        Assert.Equal(ng, ours.Skip(ours.Count - ng.Count));
    }

    [Fact]
    public void A_dowhile_loop_of_altered_op_runs_gives_the_divider_closed_form()
    {
        using var dir = new TempDirectory("nm-flow-op");
        var output = RunNeuromorph(Deck("control_loops.cir"), Path.Combine(dir, "out"));
        var rows = output.Split('\n').Select(l => l.Trim().Split('\t')).Where(c => c.Length == 2 && int.TryParse(c[0], out _)).ToList();
        Assert.Equal(4, rows.Count);
        for (var k = 0; k < 4; k++)
        {
            Assert.Equal(1.0 / (2 + k), double.Parse(rows[k][1], CultureInfo.InvariantCulture), 6);
        }

        Assert.Contains("k is 1\nk is two\nk is 3\nm has length 5\nm has length 5", output.Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(4, Directory.GetFiles(Path.Combine(dir, "out"), "op*.csv").Length);
    }

    [Fact]
    public void Conditions_on_v_of_a_node_pick_the_branch_and_end_the_loop_of_the_closed_form()
    {
        // v(mid) = 5 r2 / (1k + r2): 2.5 V, then 3.75 V with r2 = 3k; the loop sets r2 = 1k/(k+1), v(mid) = 5/(k+2), until v(mid) <= 1.1: k = 3
        using var dir = new TempDirectory("nm-flow-results");
        var (code, output, error) = CliHarness.Run("simulate", Deck("control_if_results.cir"), "-o", Path.Combine(dir, "out"), "--plot-format", "none");
        Assert.True(code == 3, $"exit {code}: {error}");
        var printed = output.Replace("\r", "", StringComparison.Ordinal);
        Assert.Contains("high branch: 2.5\nratio in range\nloop ran 3 times\n", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("low branch", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("not reached", printed, StringComparison.Ordinal);
        Assert.Equal(5, Directory.GetFiles(Path.Combine(dir, "out"), "op*.csv").Length);
    }

    [Fact]
    public void The_loop_instance_example_alters_r2_in_19_op_runs()
    {
        using var dir = new TempDirectory("nm-flow-inst");
        RunNeuromorph(Deck("ngspice_loop-instance.cir"), Path.Combine(dir, "out"));
        Assert.Equal(19, Directory.GetFiles(Path.Combine(dir, "out"), "op*.csv").Length);
    }

    [Fact]
    public void Device_reads_compose_and_quit_give_the_card_values()
    {
        using var dir = new TempDirectory("nm-flow-dev");
        var output = RunNeuromorph(Deck("control_device.cir"), Path.Combine(dir, "out")).Replace("\r", "", StringComparison.Ordinal);
        Assert.Contains("Note: err1 =  0\n", output, StringComparison.Ordinal);
        Assert.Contains("@r1[resistance] = 1.000000e+03\n@dplain[is] = 1.000000e-14\nv1#branch = -6.25000e-05", output, StringComparison.Ordinal);
        Assert.Contains("big 2000\n", output, StringComparison.Ordinal);
        Assert.Contains("4\t1.000000e+00\n", output, StringComparison.Ordinal);
        Assert.DoesNotContain("not here", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_batchmode_example_takes_its_batch_branch_and_prints_tran_all()
    {
        using var dir = new TempDirectory("nm-flow-batch");
        var output = RunNeuromorph(Deck("ngspice_if-batchmode.cir"), Path.Combine(dir, "out"));
        Assert.Contains("Info: batchmode has been set by command line option -b", output, StringComparison.Ordinal);
        var header = File.ReadLines(Path.Combine(dir, "out", "tran.csv")).First();
        Assert.Contains("v(1)", header, StringComparison.Ordinal);
        Assert.Contains("v(2)", header, StringComparison.Ordinal);
        Assert.Contains("i(v0)", header, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("op\nlet y = vector(3)\nlet y[1] = v(out) + vector(2)\n", "2 values for one element", 10)]
    [InlineData("op\nset temp = 50\n", "changing a simulator option between analyses", 9)]
    [InlineData("print @r1[id]\n", "@r1[id] cannot be read", 8)]
    [InlineData("alterparam p = 2\n", "alterparam is not supported", 8)]
    [InlineData("while x < 3\necho a\n", "while has no end", 8)]
    [InlineData("end\n", "end without if", 8)]
    [InlineData("break\n", "break outside a loop", 8)]
    [InlineData("goto nowhere\n", "there is no label 'nowhere'", 8)]
    [InlineData("while v(out) < 3\nop\nend\n", "before any analysis has run", 8)]
    [InlineData("op\nwhile v(out) < 3\nop\nend\n", "analyses without ending", 9)]
    [InlineData("echo $nothere\n", "nothere: no such variable", 8)]
    [InlineData("compose v start=0 start=1 stop=2 step=1\n", "compose gives start twice", 8)]
    public void Bad_control_flow_gives_one_located_error(string block, string message, int line)
    {
        using var dir = new TempDirectory("nm-badflow");
        var deck = Path.Combine(dir, "bad.cir");
        File.WriteAllText(deck, $"bad\nv1 in 0 1\nr1 in out 1k\nr2 out 0 1k\n.op\n.control\nlet x = 0\n{block}.endc\n.end\n");
        var (code, _, error) = CliHarness.Run("simulate", deck, "-o", Path.Combine(dir, "out"));
        Assert.Equal(2, code);
        Assert.Contains($"bad.cir:{line}:", error, StringComparison.Ordinal);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
