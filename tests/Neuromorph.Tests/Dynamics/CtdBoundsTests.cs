using MathNet.Numerics.LinearAlgebra;
using Neuromorph.Dynamics;
using Neuromorph.Io;
using Neuromorph.Numerics.Randomness;
using Neuromorph.Tests.Cli;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Dynamics;

public class CtdBoundsTests
{
    [Theory]
    [InlineData(CtdConvention.A)]
    [InlineData(CtdConvention.B)]
    public void Projected_rate_solves_the_metric_system_on_the_free_devices_and_descends_l(CtdConvention convention)
    {
        var g = MemristorGraph.Random(30, 0.12, 5);
        var m = g.Edges;
        var rng = new RandomStream(8);
        var s = Enumerable.Range(0, m).Select(_ => 2 * (rng.NextDouble() - 0.5)).ToArray();
        var x = Enumerable.Range(0, m).Select(_ => rng.NextDouble()).ToArray();
        var p = new CtdParameters(100, 1000, 0.5, 0.5, convention);
        var sys = new GraphCtd(g, p, s);
        var rate = new double[m];
        // put a third of the devices at a bound, on the side their own rate points to, so they are held
        sys.Rate(x, rate);
        for (var i = 0; i < m; i += 3)
        {
            x[i] = rate[i] > 0 ? 1 : 0;
        }

        sys.Rate(x, rate);
        var held0 = Enumerable.Range(0, m).Count(i => (x[i] >= 1 && rate[i] > 0) || (x[i] <= 0 && rate[i] < 0));
        Assert.True(held0 > 5, $"only {held0} devices held");
        var projected = (double[])rate.Clone();
        var held = CtdBounds.Project(sys, p, x, projected);
        Assert.True(held >= held0);

        // independent dense check: M = X + ξXΩX, −∇L = X r with r = αx + αξΩ(x²) − ΩS/β (REFERENCES.md §1, convention A parameters)
        var omega = Matrix<double>.Build.DenseOfArray(g.Omega());
        var xv = Vector<double>.Build.DenseOfArray(x);
        var xm = Matrix<double>.Build.DenseOfDiagonalArray(x);
        var metric = xm + (p.Xi * xm * omega * xm);
        var sa = Vector<double>.Build.DenseOfEnumerable(s.Select(v => v * p.SourceSign));
        var r = (p.AlphaA * xv) + (p.AlphaA * p.Xi * (omega * xv.PointwiseMultiply(xv))) - ((omega * sa) / p.Beta);
        var minusGrad = xv.PointwiseMultiply(r);
        var free = Enumerable.Range(0, m).Where(i => projected[i] != 0 || !((x[i] >= 1) || (x[i] <= 0))).ToArray();
        var d = Vector<double>.Build.DenseOfArray(projected);
        var residual = (metric * d) - minusGrad;
        Assert.True(free.Max(i => Math.Abs(residual[i])) < 1e-9 * minusGrad.AbsoluteMaximum(), "M_FF d_F = −∇L_F");
        for (var i = 0; i < m; i++)
        {
            Assert.False((x[i] >= 1 && projected[i] > 0) || (x[i] <= 0 && projected[i] < 0), $"device {i} leaves the box");
        }

        // dL/dt = ∇L·d = −d_Fᵀ M_FF d_F < 0, while the held rate (componentwise hold) need not descend as steeply
        var dLdt = -minusGrad.DotProduct(d);
        Assert.True(dLdt < 0);
        Assert.Equal(-d.DotProduct(metric * d), dLdt, 1e-9 * Math.Abs(dLdt));
    }

    [Fact]
    public void Projected_rate_is_the_plain_rate_while_no_device_is_held()
    {
        var g = MemristorGraph.Lattice(5, 6);
        var rng = new RandomStream(4);
        var s = Enumerable.Range(0, g.Edges).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var x = Enumerable.Range(0, g.Edges).Select(_ => 0.1 + (0.8 * rng.NextDouble())).ToArray();
        var p = new CtdParameters(100, 1000, 0.5, 1, CtdConvention.A);
        var sys = new GraphCtd(g, p, s);
        var rate = new double[g.Edges];
        sys.Rate(x, rate);
        var projected = (double[])rate.Clone();
        Assert.Equal(0, CtdBounds.Project(sys, p, x, projected));
        Assert.Equal(rate, projected);
    }

    [Trait("Category", "slow")]
    [Fact]
    public void With_projected_bounds_the_lattice_example_never_raises_its_energy_even_after_devices_saturate()
    {
        // circuits/ctd_lattice.yaml runs with bounds: projected; with hold, L rises by 2.26 once devices saturate (docs/ctd.md)
        using var dir = new TempDirectory("nm-ctd");
        var yaml = File.ReadAllText(RepoPaths.InRepo("circuits", "ctd_lattice.yaml"));
        Assert.Contains("\nbounds: projected", yaml, StringComparison.Ordinal);
        var path = Path.Combine(dir, "projected.yaml");
        File.WriteAllText(path, yaml);
        // a folder of its own: the one holding the experiment file is not the run's to write into
        var outDir = Path.Combine(dir, "out");
        var (code, _, error) = CliHarness.Run("run", path, "-o", outDir);
        Assert.True(code == 0, error);
        var (_, energy) = CsvTable.Read(Path.Combine(outDir, "energy.csv"));
        var (_, traj) = CsvTable.Read(Path.Combine(outDir, "trajectory.csv"));
        var saturatedRows = Enumerable.Range(0, traj[3].Length).Count(k => traj[3][k] >= 1 || traj[2][k] <= 0);
        Assert.True(saturatedRows > 100, $"only {saturatedRows} rows with a saturated device");
        for (var k = 1; k < energy[1].Length; k++)
        {
            Assert.True(energy[1][k] <= energy[1][k - 1] + (1e-9 * Math.Abs(energy[1][k - 1])), $"L rose at row {k}: {energy[1][k - 1]} -> {energy[1][k]}");
        }
    }
}
