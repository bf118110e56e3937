using Neuromorph.Diagnostics;
using Neuromorph.Experiments;
using Neuromorph.Experiments.Netlist;
using Neuromorph.Studies;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Experiments.Netlist;

/// <summary>The netlist use case called directly: what <c>simulate</c> writes, as a <see cref="NetlistResult"/>.</summary>
public sealed class NetlistExperimentTests : IDisposable
{
    private const string Rc = "rc charging\nv1 in 0 pulse(0 1 0 1n 1n 1 2)\nr1 in out 1k\nc1 out 0 1u\n.tran 10u 5m\n.print tran v(in) v(out)\n";

    private readonly TempDirectory _dir = new("nm-netlist-exp");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void An_rc_transient_follows_one_minus_exp_of_minus_t_over_rc()
    {
        var result = Run(Deck("rc.cir", Rc + ".end\n"));
        var tran = Assert.Single(result.Analyses);
        Assert.Equal("tran.csv", tran.Table.Name);
        Assert.Equal(["time", "v(in)", "v(out)"], tran.Table.Headers);
        Assert.True(tran.Table.Rows > 100);
        var (t, v) = (tran.Table.Column("time"), tran.Table.Column("v(out)"));
        for (var i = 0; i < t.Count; i++)
        {
            // the source rises within 1 ns of a 1 ms time constant
            Assert.Equal(1 - Math.Exp(-t[i] / 1e-3), v[i], 2e-3);
        }

        Assert.Equal("rc charging", result.Title);
        Assert.StartsWith("  tran  ", tran.Statistics, StringComparison.Ordinal);
        Assert.Contains("Newton iterations", tran.Statistics, StringComparison.Ordinal);
        Assert.Equal("tran", Assert.Single(tran.Figures).Name);
        Assert.Null(result.MeasureTable);
        Assert.Empty(result.ControlOutputs);
        Assert.Equal([tran.Table], result.Files);
    }

    [Fact]
    public void A_step_deck_stacks_its_runs_with_the_parameter_first()
    {
        var result = Run(RepoPaths.InRepo("circuits", "rc_step.cir"), plots: [PlotRequest.Parse("v(out) vs time")]);
        var tran = Assert.Single(result.Analyses);
        Assert.Equal(["r", "time", "v(out)"], tran.Table.Headers);
        Assert.Equal([500.0, 1000, 2000], tran.Table.Column("r").Distinct());
        Assert.Equal(tran.Output.Runs.Sum(r => r.Result.Independent.Length), tran.Table.Rows);
        Assert.Matches(@"^  tran  3 steps, \d+ points$", tran.Statistics);
        Assert.Equal(["tran", "tran_plot1"], tran.Figures.Select(f => f.Name));
        Assert.Equal(3, tran.Figures[1].Panels[0].Layers.Count);
    }

    [Fact]
    public void Measures_give_the_table_the_values_and_located_failures()
    {
        var deck = Deck("m.cir", Rc + ".measure tran vend find v(out) at=4m\n.measure tran late when v(out)=5\n.end\n");
        var result = Run(deck);
        Assert.Equal(["vend", "late"], result.MeasureTable!.Headers);
        Assert.Equal(1 - Math.Exp(-4), result.MeasureValues["vend"], 2e-3);
        Assert.True(double.IsNaN(result.MeasureValues["late"]));
        var failed = Assert.Single(result.Measures, m => m.Failure is not null);
        Assert.Equal(Severity.Warning, failed.Failure!.Severity);
        Assert.Equal(8, failed.Failure.Location.Line);
        Assert.StartsWith("  vend = 0.98", Assert.Single(result.Measures, m => m.Failure is null).Line, StringComparison.Ordinal);
    }

    [Fact]
    public void Max_points_keeps_evenly_spaced_rows_with_the_first_and_last()
    {
        var deck = Deck("rc.cir", Rc + ".end\n");
        var full = Assert.Single(Run(deck).Analyses).Table;
        var limited = Assert.Single(Run(deck, maxPoints: 10).Analyses).Table;
        Assert.Equal(10, limited.Rows);
        Assert.Equal(full.Headers, limited.Headers);
        Assert.Equal(full.Column("time")[0], limited.Column("time")[0]);
        Assert.Equal(full.Column("time")[^1], limited.Column("time")[^1]);
        Assert.All(limited.Column("time"), t => Assert.Contains(t, full.Column("time")));
        var ex = Assert.Throws<UserInputException>(() => new NetlistSpec(deck, maxPoints: 1));
        Assert.Equal("max points must be 0 (every point) or at least 2, got 1", ex.Diagnostic.Message);
    }

    [Fact]
    public void The_ctd_engine_runs_a_memristor_across_a_source_along_its_closed_form()
    {
        var result = Run(RepoPaths.InRepo("circuits", "ctd_single.cir"), NetlistEngineKind.Ctd);
        var tran = Assert.Single(result.Analyses).Table;
        Assert.Equal(["time", "x(m1)", "r(m1)", "i(v1)"], tran.Headers);
        // alpha = 0: w(t) = (-1 + sqrt((1 + xi w0)^2 - 2 xi s t / beta)) / xi, r = Ron (1 + xi w)
        const double xi = 9, s = 0.5, beta = 10, w0 = 0.8;
        for (var k = 0; k < tran.Rows; k++)
        {
            var exact = (-1 + Math.Sqrt(Math.Pow(1 + (xi * w0), 2) - (2 * xi * s * tran.Column("time")[k] / beta))) / xi;
            Assert.Equal(exact, tran.Column("x(m1)")[k], 5);
            Assert.Equal(100 * (1 + (xi * tran.Column("x(m1)")[k])), tran.Column("r(m1)")[k], 6);
        }
    }

    [Fact]
    public void Control_block_files_and_printed_text_come_back_as_data()
    {
        var result = Run(Path.Combine(RepoPaths.Root, "tests", "Neuromorph.Tests", "Circuits", "Decks", "wrdata_layout.cir"));
        Assert.Equal(["pairs.txt", "single.txt"], result.ControlOutputs.Select(c => c.File));
        Assert.Equal(["tran.csv", "pairs.txt", "single.txt"], result.Files.Select(f => f.Name));
        Assert.StartsWith(" time", result.ControlOutputs[1].Text.TrimStart('\n'), StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_plot_is_located_at_the_print_line_before_the_run_and_names_no_flag()
    {
        var deck = Deck("rc.cir", Rc.Replace(".tran 10u 5m", ".tran 1n 100", StringComparison.Ordinal) + ".end\n");
        var ex = Assert.Throws<UserInputException>(() => Run(deck, plots: [PlotRequest.Parse("v(out) vs v(nope)")]));
        Assert.Equal(6, ex.Diagnostic.Location.Line);
        Assert.Equal("plot \"v(out) vs v(nope)\": no column 'v(nope)' in the tran results", ex.Diagnostic.Message);
        Assert.DoesNotContain("--", ex.Diagnostic.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_large_table_is_announced_before_the_run_and_the_title_is_logged_first()
    {
        var deck = Deck("big.cir", Rc.Replace(".tran 10u 5m", ".tran 1n 100", StringComparison.Ordinal) + ".end\n");
        using var log = new StringWriter();
        var spec = new NetlistSpec(deck);
        // the hook stops the run: 10^11 steps are not simulated
        var ex = Assert.Throws<InvalidOperationException>(() => NetlistExperiment.Run(spec, new ExperimentContext(_dir, log), t => throw new InvalidOperationException(t.Message("max points"))));
        Assert.StartsWith("tran.csv will take at least ", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("'.print' fewer vectors or use max points to write less", ex.Message, StringComparison.Ordinal);
        Assert.Equal("rc charging", log.ToString().Trim());
        Assert.Contains(" rows x 3 columns)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_output_directory_no_figures_are_built()
    {
        var result = NetlistExperiment.Run(new NetlistSpec(Deck("rc.cir", Rc + ".end\n")), new ExperimentContext(null, TextWriter.Null));
        Assert.Empty(result.Figures);
        Assert.Single(result.Analyses);
    }

    [Fact]
    public void Parameters_override_the_netlist_params_as_a_study_point()
    {
        var deck = Deck("p.cir", Rc.Replace("r1 in out 1k", "r1 in out {r}", StringComparison.Ordinal).Replace("rc charging\n", "rc charging\n.param r=1k\n", StringComparison.Ordinal) + ".measure tran v1m find v(out) at=1m\n.end\n");
        var spec = new NetlistSpec(deck) { Parameters = new Dictionary<string, double> { ["r"] = 2000 } };
        var result = NetlistExperiment.Run(spec, new ExperimentContext(null, TextWriter.Null));
        Assert.Equal(1 - Math.Exp(-0.5), result.MeasureValues["v1m"], 2e-3);
        Assert.Equal(1 - Math.Exp(-0.5), WaveformMetrics.Interpolate(result.Analyses[0].Table.Column("time").ToArray(), result.Analyses[0].Table.Column("v(out)").ToArray(), 1e-3), 2e-3);
    }

    private NetlistResult Run(string path, NetlistEngineKind engine = NetlistEngineKind.Mna, IReadOnlyList<PlotRequest>? plots = null, int maxPoints = 0) =>
        NetlistExperiment.Run(new NetlistSpec(path, engine, plots, maxPoints), new ExperimentContext(_dir, TextWriter.Null));

    private string Deck(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}
