using Neuromorph.Dynamics;
using Neuromorph.Numerics.Randomness;
using Neuromorph.Numerics.Sparse;

namespace Neuromorph.Tests.Numerics;

public class LaggedCholeskyTests
{
    private static double[] Direct(CsrMatrix a, double[] b)
    {
        var c = new SparseCholesky(a);
        c.Factor(a);
        var x = (double[])b.Clone();
        c.Solve(x);
        return x;
    }

    [Trait("Category", "slow")]
    [Fact]
    public void A_slowly_changing_sequence_reuses_factors_and_matches_direct_solves()
    {
        var g = MemristorGraph.Lattice(60, 60);
        var rng = new RandomStream(6);
        var baseline = Enumerable.Range(0, g.Edges).Select(_ => 1 / (100 * (1 + (9 * rng.NextDouble())))).ToArray();
        var a = g.GroundedLaplacian(baseline);
        var solver = new LaggedCholesky(a);
        Assert.True(solver.Budget >= 3, $"budget {solver.Budget}");
        var b = Enumerable.Range(0, a.RowCount).Select(k => Math.Sin(k)).ToArray();
        for (var step = 0; step < 20; step++)
        {
            // conductances drift by up to 0.5% per step, as between Runge–Kutta stages
            var g2 = baseline.Select((v, e) => v * (1 + (0.005 * step * Math.Sin(e)))).ToArray();
            var fresh = g.GroundedLaplacian(g2);
            fresh.Values.CopyTo(a.Values, 0);
            var x = (double[])b.Clone();
            solver.Solve(x);
            var expected = Direct(fresh, b);
            var scale = expected.Max(Math.Abs);
            Assert.True(x.Zip(expected).Max(t => Math.Abs(t.First - t.Second)) < 1e-11 * scale, $"step {step}");
        }

        Assert.True(solver.Factorisations < 10, $"{solver.Factorisations} factorisations in 20 solves");
        Assert.True(solver.Iterations > 0);
    }

    [Fact]
    public void A_jump_in_the_values_falls_back_to_a_fresh_factorisation()
    {
        var g = MemristorGraph.Lattice(60, 60);
        var a = g.GroundedLaplacian([.. Enumerable.Repeat(1.0, g.Edges)]);
        var solver = new LaggedCholesky(a);
        var b = Enumerable.Range(0, a.RowCount).Select(k => Math.Cos(k)).ToArray();
        var x = (double[])b.Clone();
        solver.Solve(x);
        // every conductance changes by a random factor in [1, 100]: the old factor is a poor preconditioner
        var rng = new RandomStream(2);
        var jumped = g.GroundedLaplacian([.. Enumerable.Range(0, g.Edges).Select(_ => Math.Pow(100, rng.NextDouble()))]);
        jumped.Values.CopyTo(a.Values, 0);
        x = (double[])b.Clone();
        solver.Solve(x);
        var expected = Direct(jumped, b);
        Assert.True(x.Zip(expected).Max(t => Math.Abs(t.First - t.Second)) < 1e-11 * expected.Max(Math.Abs));
        Assert.Equal(2, solver.Factorisations);
    }

    [Fact]
    public void Small_systems_are_always_factorised()
    {
        var g = MemristorGraph.Lattice(8, 8);
        var a = g.GroundedLaplacian([.. Enumerable.Repeat(1.0, g.Edges)]);
        var solver = new LaggedCholesky(a);
        Assert.True(solver.Budget < 3);
        for (var k = 0; k < 3; k++)
        {
            var x = new double[a.RowCount];
            x[k] = 1;
            solver.Solve(x);
        }

        Assert.Equal(3, solver.Factorisations);
        Assert.Equal(0, solver.Iterations);
    }
}
