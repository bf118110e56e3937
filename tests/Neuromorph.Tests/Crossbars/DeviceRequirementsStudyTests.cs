using System.Globalization;
using Neuromorph.Tests.Cli;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Crossbars;

/// <summary>
/// circuits/study_device_requirements.yaml, the device-specification sweep of issue 27: accuracy against the number of
/// states and the asymmetry of a constant-step device (numbers in benchmarks/RESULTS.md).
/// </summary>
public class DeviceRequirementsStudyTests
{
    [Trait("Category", "slow")]
    [Fact]
    public void Accuracy_falls_when_the_device_has_too_few_states()
    {
        using var dir = new TempDirectory("nm-req-");
        var (code, _, error) = CliHarness.Run("sweep", RepoPaths.InRepo("circuits", "study_device_requirements.yaml"), "-o", dir, "--plot-format", "none");
        Assert.True(code == 0, error);
        var lines = File.ReadAllLines(Path.Combine(dir, "summary.csv"));
        var header = lines[0].Split(',');
        int Col(string name) => Array.IndexOf(header, name);
        var rows = lines.Skip(1).Select(l => l.Split(',')).Select(c => (
            DwMin: double.Parse(c[Col("device.dw_min")], CultureInfo.InvariantCulture),
            UpDown: double.Parse(c[Col("device.up_down")], CultureInfo.InvariantCulture),
            Accuracy: double.Parse(c[Col("accuracy_mean")], CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(20, rows.Count);
        double Mean(double dwMin) => rows.Where(r => r.DwMin == dwMin).Average(r => r.Accuracy);

        // measured (seed 11, 2 replicates, averaged over the four asymmetries): 1000 states 91.2 %, 16 states 82.2 %
        Assert.True(Mean(0.002) > 0.88, $"1000 states: {Mean(0.002):P1}");
        Assert.True(Mean(0.128) < Mean(0.002) - 0.05, $"16 states {Mean(0.128):P1} against 1000 states {Mean(0.002):P1}");
    }
}
