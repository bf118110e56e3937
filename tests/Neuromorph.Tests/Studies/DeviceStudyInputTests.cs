using Neuromorph.Diagnostics;
using Neuromorph.Experiments.Device;
using Neuromorph.Studies.Subjects;
using Neuromorph.Tests.Cli;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Studies;

/// <summary>
/// Device studies refuse values the device cannot take at the key that sets them (the device file's line, or the study
/// parameter's), and a sweep with many failed runs prints each (up to a limit, then a count), naming run and parameters.
/// </summary>
public class DeviceStudyInputTests
{
    private const string Vteam = "model: vteam\nparameters: { ron: 50, roff: 1k, kon: -10, koff: 5e-4, alphaon: 3, alphaoff: 1, von: -0.2, voff: 0.02, xoff: 3n, aoff: 3n, wc: 0.1n, xo: 0.5 }\n";

    [Fact]
    public void A_negative_series_resistance_in_the_device_file_is_refused_at_its_key()
    {
        var ex = Assert.Throws<UserInputException>(() => DeviceTransientSpec.Parse(Vteam + "series_resistance: -5\ndrive: { dc: 1 }\nstop: 1u\nsteps: 10\n", "d.yaml"));
        Assert.Equal(3, ex.Diagnostic.Location.Line);
        Assert.Contains("series_resistance must be a finite number of ohms >= 0, got -5", ex.Diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ name: series_resistance, list: [10, -10, 0] }", "grid", "parameter 'series_resistance' takes the value -10, which the device refuses: series_resistance must be a finite number of ohms >= 0")]
    [InlineData("{ name: series_resistance, low: -5, high: 10 }", "random\nsamples: 4", "parameter 'series_resistance' takes the value -5, which the device refuses")]
    [InlineData("{ name: parameters.ron, list: [50, -1] }", "grid", "parameter 'parameters.ron' takes the value -1, which the device refuses")]
    public void A_study_value_the_device_refuses_is_an_error_at_the_parameter_before_any_run(string parameter, string sampling, string message)
    {
        using var dir = new TempDirectory("nm-dev");
        File.WriteAllText(Path.Combine(dir, "device.yaml"), Vteam + "series_resistance: 10\ndrive: { dc: 1 }\nstop: 1u\nsteps: 10\n");
        var study = Path.Combine(dir, "s.yaml");
        File.WriteAllText(study, $"study: neg\nbase: {{ device: device.yaml }}\nparameters:\n  - {parameter}\nsampling: {sampling}\nmetrics:\n  - {{ name: x_end, final: x }}\n");
        var output = Path.Combine(dir, "out");
        var (code, _, error) = CliHarness.Run("sweep", study, "-o", output);
        Assert.Equal(2, code);
        Assert.Contains("s.yaml:4:13:", error, StringComparison.Ordinal);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(output, "results.csv")));
    }

    [Fact]
    public void Every_failed_run_is_printed_with_its_parameters_up_to_a_limit_then_counted()
    {
        // a zero resistance fails every run of this netlist study (TEAM/VTEAM states are bounded now, so a device
        // study no longer diverges on a coarse RK4 grid, which this test used before)
        using var dir = new TempDirectory("nm-dev");
        File.WriteAllText(Path.Combine(dir, "d.cir"), "div\n.param rv=1k\nv1 a 0 1\nr1 a b {rv}\nr2 b 0 1k\n.tran 1u 10u\n.print tran v(b)\n.end\n");
        var study = Path.Combine(dir, "s.yaml");
        File.WriteAllText(study, "study: fails\nbase: { netlist: d.cir }\nparameters:\n  - { name: rv, linspace: [0, 0, 25] }\nmetrics:\n  - { name: vb, final: v(b) }\n");
        var output = Path.Combine(dir, "out");
        var (code, stdout, error) = CliHarness.Run("sweep", study, "-o", output, "--plot-format", "none");
        Assert.Equal(1, code);
        var failedRows = File.ReadAllLines(Path.Combine(output, "results.csv")).Count(l => l.Contains(",failed,", StringComparison.Ordinal));
        Assert.Equal(25, failedRows);
        var printed = stdout.Split('\n').Where(l => l.Contains("failed: point ", StringComparison.Ordinal)).ToList();
        Assert.Equal(20, printed.Count);
        Assert.All(printed, l => Assert.Matches(@"failed: point \d+ replicate 0 \(rv = 0\): resistance of r1 must be non-zero", l));
        Assert.Contains("... and 5 more failed run(s), not printed: every failure is in results.csv", stdout, StringComparison.Ordinal);
        Assert.Contains("25 of 25 runs failed", error, StringComparison.Ordinal);
    }
}
