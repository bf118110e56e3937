using Neuromorph.Experiments;
using Neuromorph.Experiments.Continuous;
using Neuromorph.Figures;
using Neuromorph.Io.Yaml;
using Neuromorph.Tests.Cli;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Experiments;

/// <summary>kind: ctrnn: its figures, and what a failing integration says.</summary>
public sealed class CtrnnRunTests
{
    [Fact]
    public void A_run_draws_the_neuron_trajectories_and_the_phase_plane_of_the_first_two_neurons()
    {
        using var dir = new TempDirectory("nm-ctrnn-fig");
        var root = YamlSection.LoadFile(RepoPaths.InRepo("circuits", "ctrnn_beer.yaml"));
        var report = new CtrnnExperiment().Run(root, new ExperimentContext(dir, TextWriter.Null));
        var trajectories = report.Figures.Single(f => f.Name == "trajectories");
        var lines = trajectories.Panels.SelectMany(p => p.Layers).OfType<LineSeries>().ToList();
        Assert.Equal(["y1", "y2"], lines.Select(l => l.Name));
        var times = ResultFiles.Table(report.Outputs, "trajectories.csv").Rows;
        Assert.All(lines, l => Assert.Equal(times, l.X.Count));
        Assert.Equal(400, lines[0].X[^1], 9);

        var phase = report.Figures.Single(f => f.Name == "phase_plane");
        var panel = Assert.Single(phase.Panels);
        Assert.Equal("y1", panel.X.Label);
        Assert.Equal("y2", panel.Y.Label);
        var orbit = panel.Layers.OfType<LineSeries>().First();
        Assert.Equal(lines[0].Y, orbit.X);
        Assert.Equal(lines[1].Y, orbit.Y);
    }

    [Fact]
    public void A_one_neuron_network_has_no_phase_plane()
    {
        var root = YamlSection.Parse("kind: ctrnn\nweights: [[1]]\nbias: [0]\ntau: [1]\nduration: 5\n", "one.yaml");
        using var dir = new TempDirectory("nm-ctrnn-one");
        var report = new CtrnnExperiment().Run(root, new ExperimentContext(dir, TextWriter.Null));
        Assert.Equal(["trajectories"], report.Figures.Select(f => f.Name));
    }

    [Fact]
    public void An_integration_that_fails_names_the_ctrnn_and_hints_at_its_own_parameters()
    {
        using var dir = new TempDirectory("nm-ctrnn-fail");
        var yaml = Path.Combine(dir, "c.yaml");
        File.WriteAllText(yaml, "kind: ctrnn\nweights: [[1e308, 1], [-1, 1e308]]\nbias: [-2.75, -1.75]\ntau: [1, 1]\nduration: 1e9\n");
        var (code, _, error) = CliHarness.Run("run", yaml, "-o", Path.Combine(dir, "out"));
        Assert.Equal(1, code);
        Assert.Contains("the CTRNN could not be integrated", error, StringComparison.Ordinal);
        Assert.Contains("at t = 0", error, StringComparison.Ordinal);
        Assert.Contains("weights", error, StringComparison.Ordinal);
        Assert.Contains("tau", error, StringComparison.Ordinal);
        Assert.Contains("duration", error, StringComparison.Ordinal);
        Assert.DoesNotContain("resistance", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
