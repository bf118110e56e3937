using Neuromorph.Experiments.Ctd;
using Neuromorph.Io;
using Neuromorph.Tests.Cli;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Dynamics;

/// <summary>
/// Issue 29: the plotted L must be a Lyapunov function of the plotted dynamics. Under <c>bounds: projected</c> it never
/// rises at any output sample (beyond rounding) on random networks whose devices saturate; under <c>hold</c> the figure
/// says when devices start to be held and by how much L then rises.
/// </summary>
public class CtdLyapunovTruthTests
{
    [Theory]
    [InlineData("{ random: { nodes: 16, p: 0.35, seed: 1 } }", 1)]
    [InlineData("{ random: { nodes: 24, p: 0.2, seed: 2 } }", 2)]
    [InlineData("{ random_regular: { nodes: 20, degree: 3, seed: 3 } }", 3)]
    [InlineData("{ lattice: [5, 6] }", 4)]
    public void Under_projected_bounds_l_never_rises_on_random_networks_that_saturate(string graph, int seed)
    {
        using var dir = new TempDirectory("nm-ctd-truth");
        var yaml = $"kind: ctd\ngraph: {graph}\nr_on: 100\nr_off: 1k\nalpha: 0.5\nbeta: 1\nconvention: A\nsources: {{ random: {{ low: -0.5, high: 0.5 }} }}\nx0: {{ random: {{ low: 0.2, high: 0.8 }} }}\nt_end: 3\nseed: {seed}\nbounds: projected\n";
        var path = Path.Combine(dir, "net.yaml");
        File.WriteAllText(path, yaml);
        var (code, _, error) = CliHarness.Run("run", path, "-o", Path.Combine(dir, "out"), "--plot-format", "none");
        Assert.True(code == 0, error);
        var (_, energy) = CsvTable.Read(Path.Combine(dir, "out", "energy.csv"));
        var (_, traj) = CsvTable.Read(Path.Combine(dir, "out", "trajectory.csv"));
        Assert.Contains(Enumerable.Range(0, traj[3].Length), k => traj[3][k] >= 1 || traj[2][k] <= 0); // some device saturates
        for (var k = 1; k < energy[1].Length; k++)
        {
            Assert.True(energy[1][k] <= energy[1][k - 1] + (1e-9 * Math.Abs(energy[1][k - 1])), $"L rose at row {k}: {energy[1][k - 1]:R} -> {energy[1][k]:R}");
        }
    }

    [Fact]
    public void Under_hold_the_energy_figure_marks_the_first_held_device_and_the_rise_of_l()
    {
        double[] times = [0, 1, 2, 3, 4];
        double[][] states = [[0.5, 0.5], [0.7, 0.6], [1.0, 0.7], [1.0, 0.9], [1.0, 1.0]];
        double[] energy = [-1, -2, -3, -2.5, -2.75];
        var figure = CtdFigures.Of(times, states, energy, [0], null).Single(f => f.Name == "energy");
        Assert.Contains("bounds: hold", figure.Title, StringComparison.Ordinal);
        Assert.Contains("only while none held", figure.Panels[0].Y.Label, StringComparison.Ordinal);
        Assert.Equal(3, figure.Panels.Count);
        var marker = figure.Panels[0].Layers.OfType<Neuromorph.Figures.ReferenceLine>().Single(l => l.Name.StartsWith("first device held", StringComparison.Ordinal));
        Assert.Equal(2.0, marker.Value);
        Assert.Contains("rises by up to 0.5", marker.Name, StringComparison.Ordinal);
        var held = figure.Panels[1].Layers.OfType<Neuromorph.Figures.LineSeries>().Single();
        Assert.Equal([0.0, 0, 1, 1, 2], held.Y);

        var projected = CtdFigures.Of(times, states, energy, [0], null, projected: true).Single(f => f.Name == "energy");
        Assert.DoesNotContain("bounds: hold", projected.Title, StringComparison.Ordinal);
        Assert.Equal("Lyapunov function L", projected.Panels[0].Y.Label);
        Assert.Single(projected.Panels[0].Layers);
    }

    [Fact]
    public void Max_rise_is_the_climb_above_the_running_minimum()
    {
        Assert.Equal(0, CtdFigures.MaxRise([3, 2, 1, 1, 0]));
        Assert.Equal(2.26, CtdFigures.MaxRise([-30, -32.26, -31, -30]), 12);
        Assert.Equal(1, CtdFigures.MaxRise([0, 1, -5, -4.5]));
    }
}
