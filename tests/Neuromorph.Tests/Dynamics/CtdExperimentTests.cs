using Neuromorph.Io;
using Neuromorph.Tests.Cli;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Dynamics;

public class CtdExperimentTests
{
    [Trait("Category", "slow")]
    [Fact]
    public void Lattice_example_runs_and_its_energy_never_increases_while_no_device_is_held_at_a_bound()
    {
        using var dir = new TempDirectory("nm-ctd");
        var (code, output, error) = CliHarness.Run("run", RepoPaths.InRepo("circuits", "ctd_lattice.yaml"), "-o", dir);
        Assert.True(code == 0, error);
        Assert.Contains("180 memristors", output, StringComparison.Ordinal);
        var (_, cols) = CsvTable.Read(Path.Combine(dir, "energy.csv"));
        var (_, traj) = CsvTable.Read(Path.Combine(dir, "trajectory.csv"));
        var checkedRows = 0;
        for (var k = 1; k < cols[1].Length && traj[3][k] < 1 && traj[2][k] > 0; k++)
        {
            Assert.True(cols[1][k] <= cols[1][k - 1] + 1e-9, $"L rose at row {k}");
            checkedRows++;
        }

        Assert.True(checkedRows > 10, $"only {checkedRows} rows before a device saturated");

        foreach (var f in new[] { "trajectory.csv", "final_state.csv", "trajectory.png", "energy.png" })
        {
            Assert.True(File.Exists(Path.Combine(dir, f)), f);
        }

        // energy.png: the Lyapunov function (blue line), the count of held devices (blue line), the raster of x_i(t) (viridis)
        var png = Neuromorph.Tests.Support.PngImage.Load(Path.Combine(dir, "energy.png"));
        var third = png.Height / 3;
        Assert.True(png.CountColor("#0072B2", 0, 0, png.Width - 1, third) > 200, "no Lyapunov curve in the upper panel");
        Assert.True(png.CountColor("#0072B2", 0, third, png.Width - 1, 2 * third) > 100, "no held-device count in the middle panel");
        Assert.True(png.CountColor("#0072B2", 0, (2 * third) + 60, png.Width - 1, png.Height - 1, 12) < 50, "a line leaked into the raster panel");
        Assert.True(png.HasColor("#FDE725", 0, 2 * third, png.Width - 1, png.Height - 1, 40) || png.HasColor("#440154", 0, 2 * third, png.Width - 1, png.Height - 1, 40), "no raster");
    }

    [Theory]
    [InlineData("omega: { matrix: [[1, 0.5], [0.5, 1]] }\nt_end: 1", "not a symmetric projector")]
    [InlineData("graph: { lattice: [3, 3] }\nx0: 1.5\nt_end: 1", "outside [0, 1]")]
    [InlineData("graph: { lattice: [3, 3] }\nr_on: 100\nr_off: 10\nt_end: 1", "must not be below r_on")]
    [InlineData("graph: { lattice: [3, 3] }\nt_end: 1\nconvention: C", "unknown convention")]
    [InlineData("graph: { edges_csv: edges.csv }\nt_end: 1", "disconnected")]
    [InlineData("omega: { matrix: [[1, 0], [0]] }\nt_end: 1", "row 2 has 1 entries")]
    [InlineData("graph: { lattice: [3, 3], analysis: branch }\nt_end: 1", "unknown circuit analysis 'branch'")]
    [InlineData("graph: { lattice: [3, 3] }\nt_end: 1\nbounds: clip", "unknown bound handling 'clip'")]
    [InlineData("graph: { lattice: [3, 3] }\nt_end: 1\noutputs: { states: [1, 12] }", "not a memristor index in 0..11")]
    [InlineData("graph: { lattice: [3, 3] }\nt_end: 1\noutputs: { points: 1 }", "outputs.points must be at least 2")]
    [InlineData("graph: { lattice: [3, 3] }\nt_end: 1\noutputs: { every: 2 }", "every")]
    [InlineData("graph: { lattice: [3, 3], analysis: loop, laplacian: iterative }\nt_end: 1", "cannot be combined with analysis: loop")]
    public void Bad_ctd_files_exit_2(string body, string message)
    {
        using var dir = new TempDirectory("nm-ctd");
        File.WriteAllText(Path.Combine(dir, "edges.csv"), "0,1\n2,3\n");
        var path = Path.Combine(dir, "c.yaml");
        File.WriteAllText(path, "kind: ctd\n" + body + "\n");
        var (code, _, error) = CliHarness.Run("run", path, "-o", Path.Combine(dir, "out"));
        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ring_of_devices_is_solved_by_loop_analysis_and_says_so()
    {
        using var dir = new TempDirectory("nm-ctd");
        File.WriteAllText(Path.Combine(dir, "ring.csv"), string.Concat(Enumerable.Range(0, 30).Select(k => $"{k},{(k + 1) % 30}\n")));
        var path = Path.Combine(dir, "ring.yaml");
        File.WriteAllText(path, "kind: ctd\ngraph: { edges_csv: ring.csv }\nalpha: 0.1\nsources: 0.2\nt_end: 1\n");
        var (code, output, error) = CliHarness.Run("run", path, "-o", Path.Combine(dir, "out"));
        Assert.True(code == 0, error);
        Assert.Contains("30 memristors (loop analysis, 1 unknown)", output, StringComparison.Ordinal);
    }

    [Trait("Category", "slow")]
    [Fact]
    public void Necklace_example_runs_by_loop_analysis_and_matches_nodal_analysis()
    {
        using var dir = new TempDirectory("nm-ctd");
        var example = RepoPaths.InRepo("circuits", "ctd_necklace.yaml");
        var (code, output, error) = CliHarness.Run("run", example, "-o", Path.Combine(dir, "loop"));
        Assert.True(code == 0, error);
        Assert.Contains("520 memristors (loop analysis, 41 unknowns)", output, StringComparison.Ordinal);
        // the same experiment with nodal analysis forced, from a copy beside a copy of its edge list
        Directory.CreateDirectory(Path.Combine(dir, "graphs"));
        File.Copy(RepoPaths.InRepo("circuits", "graphs", "necklace.csv"), Path.Combine(dir, "graphs", "necklace.csv"));
        var nodal = Path.Combine(dir, "nodal.yaml");
        File.WriteAllText(nodal, File.ReadAllText(example).Replace("graph: { edges_csv: graphs/necklace.csv }", "graph: { edges_csv: graphs/necklace.csv, analysis: node }", StringComparison.Ordinal));
        (code, output, error) = CliHarness.Run("run", nodal, "-o", Path.Combine(dir, "node"));
        Assert.True(code == 0, error);
        Assert.Contains("(nodal analysis, 479 unknowns)", output, StringComparison.Ordinal);

        var (_, a) = CsvTable.Read(Path.Combine(dir, "loop", "final_state.csv"));
        var (_, b) = CsvTable.Read(Path.Combine(dir, "node", "final_state.csv"));
        Assert.True(a[1].Zip(b[1]).Max(t => Math.Abs(t.First - t.Second)) < 1e-6);
    }

    [Trait("Category", "slow")]
    [Theory]
    [InlineData("states: [3, 7]\n  points: 11", new[] { "x3", "x7" }, 11)]
    [InlineData("states: all", new[] { "x0", "x11" }, 201)]
    [InlineData("states: 2", new[] { "x0", "x1" }, 201)]
    public void Outputs_choose_the_states_and_times_in_the_trajectory(string outputs, string[] expectHeaders, int rows)
    {
        using var dir = new TempDirectory("nm-ctd");
        var path = Path.Combine(dir, "c.yaml");
        File.WriteAllText(path, "kind: ctd\ngraph: { lattice: [3, 3] }\nalpha: 0.1\nsources: 0.3\nt_end: 1\noutputs:\n  " + outputs + "\n");
        var (code, _, error) = CliHarness.Run("run", path, "-o", Path.Combine(dir, "out"));
        Assert.True(code == 0, error);
        var (headers, cols) = CsvTable.Read(Path.Combine(dir, "out", "trajectory.csv"));
        Assert.Equal(["time", "mean", "min", "max"], headers.Take(4));
        Assert.All(expectHeaders, h => Assert.Contains(h, headers));
        Assert.Equal(rows, cols[0].Length);
        Assert.Equal(1.0, cols[0][^1], 12);
    }
}
