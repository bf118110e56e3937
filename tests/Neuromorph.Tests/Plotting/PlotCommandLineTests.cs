using Neuromorph.Tests.Cli;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Plotting;

/// <summary>Plot requests through the command line: checked before simulating, on .step decks, never overwriting, located errors.</summary>
public class PlotCommandLineTests
{
    private const string Rc = "rc\nv1 in 0 pulse(0 1 0 1u 1u 5m 10m)\nr1 in out 1k\nc1 out 0 1u\n.tran 10u 5m\n.print tran v(in) v(out) i(v1)\n.end\n";

    [Fact]
    public void A_misspelt_plot_column_is_reported_at_the_print_line_before_anything_runs()
    {
        using var dir = new TempDirectory("nm-plotcli");
        var cir = Path.Combine(dir, "rc.cir");
        // a transient of 10^8 steps: the error must come before it runs
        File.WriteAllText(cir, Rc.Replace(".tran 10u 5m", ".tran 1n 100", StringComparison.Ordinal));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (code, output, error) = CliHarness.Run("simulate", cir, "-o", Path.Combine(dir, "out"), "--plot", "i(v1) vs v(nope)");
        Assert.Equal(2, code);
        Assert.True(clock.Elapsed.TotalSeconds < 20, "the simulation ran before the check");
        Assert.Contains("rc.cir:6:1: error: --plot \"i(v1) vs v(nope)\": no column 'v(nope)' in the tran results", error, StringComparison.Ordinal);
        Assert.Contains("v(out)", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir, "out", "tran.csv")));
        Assert.Equal("rc", output.Trim()); // the title, printed before the run starts; nothing simulated
        var (code2, _, error2) = CliHarness.Run("simulate", cir, "--plot", "i(v1) against v(out)");
        Assert.Equal(2, code2);
        Assert.Contains("is not of the form \"Y vs X\"", error2, StringComparison.Ordinal);
    }

    [Fact]
    public void Plot_requests_work_on_step_decks_with_one_series_per_step()
    {
        using var dir = new TempDirectory("nm-plotcli");
        var (code, output, error) = CliHarness.Run("simulate", RepoPaths.InRepo("circuits", "rc_step.cir"), "-o", dir, "--plot", "v(out) vs time", "--plot-format", "both");
        Assert.True(code == 0, error);
        Assert.Contains("tran_plot1.png", output, StringComparison.Ordinal);
        var text = System.Xml.Linq.XDocument.Load(Path.Combine(dir, "tran_plot1.svg")).Root!.Value;
        foreach (var r in new[] { "r = 500", "r = 1000", "r = 2000" })
        {
            Assert.Contains(r, text, StringComparison.Ordinal);
        }

        var png = PngImage.Load(Path.Combine(dir, "tran_plot1.png"));
        foreach (var color in new[] { "#0072B2", "#D55E00", "#009E73" })
        {
            Assert.True(png.CountColor(color, 0, 0, png.Width - 1, png.Height - 1, 20) > 300, $"no series in {color}");
        }
    }

    [Fact]
    public void Plot_without_output_keeps_the_simulate_plots_and_names_its_own_file()
    {
        using var dir = new TempDirectory("nm-plotcli");
        var cir = Path.Combine(dir, "rc.cir");
        File.WriteAllText(cir, Rc);
        // the output goes into a folder of its own: one holding the netlist is not the run's to write into
        var outDir = Path.Combine(dir, "out");
        Assert.Equal(0, CliHarness.Run("simulate", cir, "-o", outDir).ExitCode);
        var before = File.ReadAllBytes(Path.Combine(outDir, "tran.png"));
        var (code, output, error) = CliHarness.Run("plot", Path.Combine(outDir, "tran.csv"), "--x", "time", "--y", "v(out)", "v(in)");
        Assert.True(code == 0, error);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(outDir, "tran.png")));
        var own = Path.Combine(outDir, "tran_v_out_v_in_vs_time.png");
        Assert.Contains(own, output, StringComparison.Ordinal);
        Assert.Equal(1520, PngImage.Load(own).Width);
    }

    [Fact]
    public void Plot_of_an_empty_or_header_only_csv_is_a_located_error()
    {
        using var dir = new TempDirectory("nm-plotcli");
        var empty = Path.Combine(dir, "empty.csv");
        File.WriteAllText(empty, "");
        var (code, _, error) = CliHarness.Run("plot", empty, "--x", "a", "--y", "b");
        Assert.Equal(2, code);
        Assert.Contains("empty.csv:1:1: error: the file is empty", error, StringComparison.Ordinal);
        var header = Path.Combine(dir, "header.csv");
        File.WriteAllText(header, "a,b\n");
        (code, _, error) = CliHarness.Run("plot", header, "--x", "a", "--y", "b");
        Assert.Equal(2, code);
        Assert.Contains("header.csv:2:1: error: the file has a header row but no data rows", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Log_axes_warn_about_left_out_values_and_refuse_a_column_with_none_above_zero()
    {
        using var dir = new TempDirectory("nm-plotcli");
        var csv = Path.Combine(dir, "d.csv");
        File.WriteAllText(csv, "f,gain,loss\n1,1e-3,-1\n10,0,-2\n100,1e-1,0\n1000,1,-4\n");
        var (code, output, error) = CliHarness.Run("plot", csv, "--x", "f", "--y", "gain", "--logx", "--logy", "-o", Path.Combine(dir, "g.png"));
        Assert.True(code == 0, error);
        Assert.Contains("warning: figure 'g': 1 of 4 values of gain are ≤ 0 and are left out on the logarithmic y axis", error, StringComparison.Ordinal);
        Assert.Contains("g.png", output, StringComparison.Ordinal);
        Assert.True(PngImage.Load(Path.Combine(dir, "g.png")).CountColor("#0072B2", 0, 0, 1519, 967) > 100);
        (code, _, error) = CliHarness.Run("plot", csv, "--x", "f", "--y", "loss", "--logy");
        Assert.Equal(2, code);
        Assert.Contains("d.csv:1:8: error: --logy: column 'loss' has no value above zero", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        (code, _, error) = CliHarness.Run("plot", csv, "--x", "f", "--y", "gain", "--plot-format", "jpeg");
        Assert.Equal(2, code);
        Assert.Contains("jpeg", error, StringComparison.Ordinal);
    }
}

/// <summary>The Bode plot of an .ac analysis, checked against the analytic memristive RC low-pass.</summary>
public class BodePlotTests
{
    [Fact]
    public void Ac_analysis_plots_magnitude_in_db_and_phase_in_degrees_against_log_frequency()
    {
        using var dir = new TempDirectory("nm-bode");
        var cir = RepoPaths.InRepo("circuits", "memristor_lowpass_ac.cir");
        var (code, output, error) = CliHarness.Run("simulate", cir, "-o", dir);
        Assert.True(code == 0, error);
        Assert.Contains("ac.png", output, StringComparison.Ordinal);
        var report = Neuromorph.Circuits.Simulation.NetlistSimulation.Run(cir);
        var figure = Assert.Single(Neuromorph.Experiments.Netlist.ResultPlots.Figures(report.Analyses.Single(a => a.Kind == "ac"), []));
        Assert.Equal(Neuromorph.Figures.AxisScale.Log, figure.Panels[0].X.Scale);
        Assert.Equal(["Magnitude (dB)", "Phase (°)"], figure.Panels.Select(p => p.Y.Title));
        // R = Ron x0 + Roff (1 - x0) = 14.41 kOhm, C = 10 nF: |H| = 1 / sqrt(1 + (f/fc)^2), phase = -atan(f/fc)
        var fc = 1 / (2 * Math.PI * 14_410 * 10e-9);
        var magnitude = (Neuromorph.Figures.LineSeries)figure.Panels[0].Layers[0];
        var phase = (Neuromorph.Figures.LineSeries)figure.Panels[1].Layers[0];
        for (var i = 0; i < magnitude.X.Count; i++)
        {
            var r = magnitude.X[i] / fc;
            Assert.Equal(-10 * Math.Log10(1 + (r * r)), magnitude.Y[i], 1e-6);
            Assert.Equal(-Math.Atan(r) * 180 / Math.PI, phase.Y[i], 1e-6);
        }
    }
}
