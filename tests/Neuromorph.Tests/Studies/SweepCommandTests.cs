using Neuromorph.Io;
using System.Diagnostics;
using Neuromorph.Studies;
using Neuromorph.Tests.Cli;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Studies;

public class SweepCommandTests
{

    private static double[] Column(string csv, string name)
    {
        var lines = File.ReadAllLines(csv);
        var i = CsvRow.Parse(lines[0]).IndexOf(name);
        return [.. lines.Skip(1).Select(l => CsvRow.ParseNumber(CsvRow.Parse(l)[i]))];
    }

    [Fact]
    public void Netlist_study_measures_switching_times_that_match_the_closed_form()
    {
        using var dir = new TempDirectory("nm-sweep");
        var (code, output, error) = CliHarness.Run("sweep", RepoPaths.InRepo("circuits", "study_switching.yaml"), "-o", dir, "--jobs", "2");
        Assert.True(code == 0, error);
        Assert.Contains("15/15 runs", output, StringComparison.Ordinal);
        var summary = Path.Combine(dir, "summary.csv");
        var ratio = Column(summary, "ratio");
        var amp = Column(summary, "amp");
        var t = Column(summary, "t_half_mean");
        for (var k = 0; k < t.Length; k++)
        {
            // dx/dt = -(Ron/beta) amp / (Ron (1 + xi x) + Rs) from x = 1 to 0.5 (circuits/switching.cir)
            double ron = 100, rs = 100, beta = 0.01, xi = ratio[k] - 1;
            var exact = beta / (ron * amp[k]) * (((ron + rs) * 0.5) + (ron * xi * 0.375));
            Assert.True(Math.Abs(t[k] - exact) < 2e-3 * exact, $"ratio {ratio[k]}, amp {amp[k]}: {t[k]} vs {exact}");
        }

        foreach (var f in new[] { "results.csv", "index.html", "t_half_vs_ratio.png", "t_half_heatmap.png" })
        {
            Assert.True(File.Exists(Path.Combine(dir, f)), f);
        }

        // the report carries the very PNGs written beside it, inline
        var html = File.ReadAllText(Path.Combine(dir, "index.html"));
        Assert.Contains(Convert.ToBase64String(File.ReadAllBytes(Path.Combine(dir, "t_half_heatmap.png"))), html, StringComparison.Ordinal);
        var band = PngImage.Load(Path.Combine(dir, "t_half_vs_ratio.png"));
        Assert.True(band.DistinctColors() > 50);
    }

    [Trait("Category", "slow")]
    [Fact]
    public void A_sweep_killed_with_sigkill_resumes_to_the_same_results()
    {
        using var dir = new TempDirectory("nm-sweep");
        var study = Path.Combine(dir, "study.yaml");
        File.Copy(RepoPaths.InRepo("circuits", "switching.cir"), Path.Combine(dir, "switching.cir"));
        File.WriteAllText(study, """
            study: killed
            base: { netlist: switching.cir }
            parameters:
              - { name: ratio, linspace: [2, 40, 20] }
              - { name: amp, linspace: [0.5, 2, 10] }
            metrics:
              - { name: t_half, cross: x(m1), threshold: 0.5, direction: fall }
            """);
        var cli = Path.Combine(AppContext.BaseDirectory, "Neuromorph.Cli.dll");
        var killed = Path.Combine(dir, "killed");
        var psi = new ProcessStartInfo("dotnet", [cli, "sweep", study, "-o", killed, "--jobs", "1"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using (var p = Process.Start(psi)!)
        {
            var results = Path.Combine(killed, "results.csv");
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromSeconds(60) && (!File.Exists(results) || File.ReadAllLines(results).Length < 30) && !p.HasExited)
            {
                Thread.Sleep(20);
            }

            if (!p.HasExited)
            {
                p.Kill(entireProcessTree: true); // SIGKILL
            }

            p.WaitForExit();
        }

        var partial = File.ReadAllLines(Path.Combine(killed, "results.csv")).Length - 1;
        var (code, _, error) = CliHarness.Run("sweep", study, "-o", killed);
        Assert.True(code == 0, error);
        var whole = Path.Combine(dir, "whole");
        Assert.Equal(0, CliHarness.Run("sweep", study, "-o", whole).ExitCode);
        static string Rows(string d) => string.Join("\n", File.ReadAllLines(Path.Combine(d, "results.csv")).Skip(1)
            .Select(l => string.Join(",", CsvRow.Parse(l).SkipLast(1))).Order(StringComparer.Ordinal));
        Assert.Equal(Rows(whole), Rows(killed));
        Assert.InRange(partial, 1, 199);
    }

    [Fact]
    public void A_resume_after_an_included_file_changed_is_refused_and_fresh_starts_over()
    {
        using var dir = new TempDirectory("nm-sweep");
        File.WriteAllText(Path.Combine(dir, "device.inc"), ".param ron=100\n");
        File.WriteAllText(Path.Combine(dir, "base.cir"), """
            switching with an included parameter file
            .include device.inc
            .param ratio=10 amp=1
            .model lin memristor level=7 ron={ron} roff={ron*ratio} alpha=0 beta=0.01 xo=1
            v1 a 0 pwl(0 0 1u {amp} 10 {amp})
            ymemristor m1 a b lin
            rs b 0 100
            .tran 1m 20m
            .print tran x(m1)
            .end
            """);
        var study = Path.Combine(dir, "study.yaml");
        File.WriteAllText(study, """
            study: inputs
            base: { netlist: base.cir }
            parameters:
              - { name: ratio, list: [2, 4] }
            metrics:
              - { name: x_end, final: x(m1) }
            """);
        var output = Path.Combine(dir, "out");
        var (code, _, error) = CliHarness.Run("sweep", study, "-o", output);
        Assert.True(code == 0, error);

        // the included file changes: the rows on disk came from the old one
        File.WriteAllText(Path.Combine(dir, "device.inc"), ".param ron=200\n");
        var (refused, _, why) = CliHarness.Run("sweep", study, "-o", output);
        Assert.Equal(2, refused);
        Assert.Contains("device.inc changed since its results were computed", why, StringComparison.Ordinal);
        Assert.Contains("--fresh", why, StringComparison.Ordinal);

        var (fresh, _, freshError) = CliHarness.Run("sweep", study, "-o", output, "--fresh");
        Assert.True(fresh == 0, freshError);
        Assert.Equal(3, File.ReadAllLines(Path.Combine(output, "results.csv")).Length);
        Assert.Equal(0, CliHarness.Run("sweep", study, "-o", output).ExitCode); // resuming the fresh results is fine
    }

    [Fact]
    public void An_experiment_study_fingerprints_the_files_its_yaml_names()
    {
        using var dir = new TempDirectory("nm-sweep");
        File.WriteAllText(Path.Combine(dir, "patterns.txt"), "0110\n1010\n");
        File.WriteAllText(Path.Combine(dir, "recall.yaml"), "kind: recall\nnetwork: hopfield\npatterns_file: patterns.txt\nnoise: [0.1]\nprobes: 2\nmax_sweeps: 20\n");
        var study = Path.Combine(dir, "study.yaml");
        File.WriteAllText(study, "study: patterns\nbase: { experiment: recall.yaml }\nparameters:\n  - { name: max_sweeps, list: [5, 10] }\nmetrics:\n  - { name: ber, value: bit_error_rate }\n");
        var output = Path.Combine(dir, "out");
        Assert.Equal(0, CliHarness.Run("sweep", study, "-o", output).ExitCode);
        File.AppendAllText(Path.Combine(dir, "patterns.txt"), "1111\n");
        var (code, _, error) = CliHarness.Run("sweep", study, "-o", output);
        Assert.Equal(2, code);
        Assert.Contains("patterns.txt changed", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("parameters: [ { name: rattio, list: [2] } ]\nmetrics: [ { name: t, final: x(m1) } ]", "not a .param", "did you mean 'ratio'")]
    [InlineData("parameters: [ { name: ratio, list: [2] } ]\nmetrics: [ { name: t, final: v(zz) } ]", "does not .print tran", "x(m1)")]
    [InlineData("parameters: [ { name: ratio, list: [] } ]\nmetrics: [ { name: t, final: x(m1) } ]", "empty range", "")]
    public void Bad_studies_exit_2_with_the_study_location(string body, string message, string hint)
    {
        using var dir = new TempDirectory("nm-sweep");
        File.Copy(RepoPaths.InRepo("circuits", "switching.cir"), Path.Combine(dir, "switching.cir"));
        var study = Path.Combine(dir, "s.yaml");
        File.WriteAllText(study, "base: { netlist: switching.cir }\n" + body + "\n");
        var (code, _, error) = CliHarness.Run("sweep", study, "-o", Path.Combine(dir, "out"));
        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Contains(hint, error, StringComparison.Ordinal);
        Assert.Contains("s.yaml:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Shard_spec_4_of_3_is_refused()
    {
        using var scratch = new TempDirectory("nm-sweep");
        var (code, _, error) = CliHarness.Run("sweep", RepoPaths.InRepo("circuits", "study_switching.yaml"), "--shard", "4/3", "-o", scratch);
        Assert.Equal(2, code);
        Assert.Contains("the shard index i must lie between 1 and 3, got 4", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Plot_command_draws_any_csv_with_groups()
    {
        using var dir = new TempDirectory("nm-sweep");
        Assert.Equal(0, CliHarness.Run("sweep", RepoPaths.InRepo("circuits", "study_switching.yaml"), "-o", dir).ExitCode);
        var svg = Path.Combine(dir, "p.svg");
        var (code, _, error) = CliHarness.Run("plot", Path.Combine(dir, "results.csv"), "--x", "ratio", "--y", "t_half", "--group", "amp", "--logx", "-o", svg);
        Assert.True(code == 0, error);
        var text = System.Xml.Linq.XDocument.Load(svg).Root!.Value;
        foreach (var amp in new[] { "amp = 0.5", "amp = 1", "amp = 2" })
        {
            Assert.Contains(amp, text, StringComparison.Ordinal);
        }

        Assert.False(File.Exists(Path.Combine(dir, "p.png")));
        var (code2, _, error2) = CliHarness.Run("plot", Path.Combine(dir, "results.csv"), "--x", "ratoi", "--y", "t_half");
        Assert.Equal(2, code2);
        Assert.Contains("did you mean 'ratio'", error2, StringComparison.Ordinal);
    }
}
