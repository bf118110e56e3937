using Neuromorph.Crossbars;
using Neuromorph.Devices;
using Neuromorph.Diagnostics;
using Neuromorph.Tests.Cli;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Crossbars;

public class WriteVerifyTests
{
    private static IMemristorModel Ctd() => MemristorCatalog.Create("ctd", new Dictionary<string, double> { ["ron"] = 1e3, ["roff"] = 100e3, ["beta"] = 1e-3, ["xo"] = 0.5 }, SourceLocation.None);

    [Fact]
    public void Every_device_reaches_its_target_within_tolerance()
    {
        var targets = new double[,] { { 20e-6, 50e-6, 200e-6 }, { 500e-6, 15e-6, 900e-6 } };
        var r = WriteVerify.Program(targets, Ctd, new WriteVerifySettings(PulseAmplitude: 1, PulseWidth: 1e-3, Tolerance: 0.01, MaxPulses: 300));
        Assert.Empty(r.Failures);
        Assert.Equal(0, r.Pulses[0, 0]); // the device starts at 19.8 uS (x0 = 0.5), already within 1% of 20 uS
        Assert.True(r.Pulses[1, 2] > 10);
        for (var i = 0; i < 2; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                Assert.InRange(r.Conductance[i, j] / targets[i, j], 0.99, 1.01);
            }
        }
    }

    public static TheoryData<string> Models => [.. MemristorCatalog.All.Select(d => d.Name)];

    [Theory]
    [MemberData(nameof(Models))]
    public void Every_model_programs_across_its_documented_range(string model)
    {
        // default parameters: the range is what the device's documented on and off states read as at 0.1 V
        IMemristorModel Make() => MemristorCatalog.Create(model, new Dictionary<string, double>(), SourceLocation.None);
        var (lo, hi) = WriteVerify.Range(Make(), 0.1);
        Assert.True(hi > lo * 1.05, $"{model}: a range to program ({lo} .. {hi} S)");
        var targets = new double[1, 3];
        for (var k = 0; k < 3; k++)
        {
            targets[0, k] = lo + ((0.1 + (0.4 * k)) * (hi - lo)); // 10 %, 50 %, 90 % of the way
        }

        var r = WriteVerify.Program(targets, Make, new WriteVerifySettings(Tolerance: 0.02, MaxPulses: 400));
        Assert.True(r.Failures.Count == 0, $"{model}: {string.Join("; ", r.Failures.Select(f => $"target {f.Target:G4} reached {f.Achieved:G4} in {f.Pulses} pulses"))}");
        for (var k = 0; k < 3; k++)
        {
            Assert.InRange(r.Conductance[0, k] / targets[0, k], 0.98, 1.02);
        }
    }

    [Fact]
    public void A_spent_pulse_budget_is_reported_per_device_not_a_crash()
    {
        var r = WriteVerify.Program(new double[,] { { 12e-6, 900e-6 } }, Ctd, new WriteVerifySettings(PulseAmplitude: 1, PulseWidth: 1e-6, MaxPulses: 3));
        Assert.Equal(2, r.Failures.Count);
        Assert.Equal((0, 1), (r.Failures[1].Row, r.Failures[1].Column));
    }

    [Fact]
    public void Unreachable_targets_are_user_errors_naming_the_cell()
    {
        var ex = Assert.Throws<UserInputException>(() => WriteVerify.Program(new double[,] { { 20e-6, 5e-3 } }, Ctd, new WriteVerifySettings()));
        Assert.Contains("row 1, column 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Access_transistor_adds_its_on_resistance_in_series_and_write_verify_runs_from_yaml()
    {
        using var dir = new TempDirectory("nm-wv");
        var path = Path.Combine(dir, "wv.yaml");
        File.WriteAllText(path, """
            kind: crossbar
            array:
              conductances: [[20u, 50u], [200u, 500u]]
              access_resistance: 1k
              programming: { method: write_verify, model: ctd, parameters: { ron: 1k, roff: 100k, beta: 1m, xo: 0.5 }, pulse_width: 1m, tolerance: 0.005, max_pulses: 400 }
            inputs: [[0.1, 0.2]]
            """);
        // a folder of its own: the one holding the experiment file is not the run's to write into
        var outDir = Path.Combine(dir, "out");
        var (code, output, error) = CliHarness.Run("run", path, "-o", outDir);
        Assert.True(code == 0, error);
        Assert.Contains("every device within tolerance", output, StringComparison.Ordinal);
        var lines = File.ReadAllLines(Path.Combine(outDir, "outputs.csv"));
        var out0 = double.Parse(lines[1].Split(',')[0], System.Globalization.CultureInfo.InvariantCulture);
        var expected = (0.1 / ((1 / 20e-6) + 1e3)) + (0.2 / ((1 / 200e-6) + 1e3));
        Assert.InRange(out0 / expected, 0.99, 1.01);
    }
}
