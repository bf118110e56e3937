using Neuromorph.Diagnostics;
using Neuromorph.Numerics.Sparse;

namespace Neuromorph.Tests.Numerics;

public class ConjugateGradientTests
{
    /// <summary>1-D Poisson matrix tridiag(-1, 2 + shift, -1).</summary>
    private static CsrMatrix Poisson(int n, double shift)
    {
        var b = new CooBuilder(n, n);
        for (var i = 0; i < n; i++)
        {
            b.Add(i, i, 2 + shift);
            if (i + 1 < n)
            {
                b.Add(i, i + 1, -1);
                b.Add(i + 1, i, -1);
            }
        }

        return b.ToCsr();
    }

    private static double RelativeResidual(CsrMatrix a, double[] x, double[] b)
    {
        var ax = new double[b.Length];
        a.Multiply(x, ax);
        return Math.Sqrt(ax.Zip(b, (p, q) => (p - q) * (p - q)).Sum() / b.Sum(q => q * q));
    }

    [Fact]
    public void Jacobi_pcg_matches_the_cholesky_solve_and_meets_its_residual_tolerance()
    {
        var a = Poisson(200, 1e-3);
        var b = Enumerable.Range(0, 200).Select(i => Math.Sin(i * 0.1)).ToArray();
        var x = new double[200];
        var cg = new ConjugateGradient(a) { Tolerance = 1e-12 };
        var iterations = cg.Solve(b, x);
        Assert.InRange(iterations, 1, 200);
        Assert.True(RelativeResidual(a, x, b) <= 1e-12);
        Assert.Equal(cg.LastResidual, RelativeResidual(a, x, b), 1e-15);
        var exact = (double[])b.Clone();
        var chol = new SparseCholesky(a);
        chol.Factor(a);
        chol.Solve(exact);
        var scale = exact.Max(Math.Abs);
        Assert.All(Enumerable.Range(0, 200), i => Assert.True(Math.Abs(x[i] - exact[i]) <= 1e-8 * scale, $"{i}: {x[i]} vs {exact[i]}"));
    }

    [Fact]
    public void Exact_preconditioners_of_a_chain_converge_in_one_iteration()
    {
        // IC(0) of a tridiagonal matrix has no dropped fill, and one line covering the chain is its exact block: M = A
        var a = Poisson(50, 0.5);
        var b = Enumerable.Range(0, 50).Select(i => 1.0 + i).ToArray();
        foreach (var m in new IPreconditioner[] { new IncompleteCholesky(a), new LinePreconditioner(a, [[.. Enumerable.Range(0, 50)]]) })
        {
            var x = new double[50];
            Assert.Equal(1, new ConjugateGradient(a, m) { Tolerance = 1e-12 }.Solve(b, x));
            Assert.True(RelativeResidual(a, x, b) <= 1e-12);
        }
    }

    [Fact]
    public void Warm_start_from_the_solution_takes_no_iteration_and_a_scaled_guess_is_rescaled()
    {
        var a = Poisson(100, 0.01);
        var b = Enumerable.Range(0, 100).Select(i => Math.Cos(i * 0.3)).ToArray();
        var x = new double[100];
        var cg = new ConjugateGradient(a) { Tolerance = 1e-10 };
        var cold = cg.Solve(b, x);
        Assert.True(cold > 5);
        Assert.Equal(0, cg.Solve(b, x));
        // the same right-hand side scaled: the previous solution, rescaled by x'b / x'Ax, already solves it
        var b3 = b.Select(v => 3 * v).ToArray();
        Assert.Equal(0, cg.Solve(b3, x));
        Assert.True(RelativeResidual(a, x, b3) <= 1e-10);
    }

    [Fact]
    public void Iteration_cap_is_a_simulation_error_naming_iterations_and_residual()
    {
        var a = Poisson(400, 1e-6);
        var b = Enumerable.Repeat(1.0, 400).ToArray();
        var cg = new ConjugateGradient(a) { Tolerance = 1e-12, MaxIterations = 7 };
        var e = Assert.Throws<SimulationException>(() => cg.Solve(b, new double[400]));
        Assert.Contains("after 7 iterations", e.Message, StringComparison.Ordinal);
        Assert.Contains("relative residual", e.Message, StringComparison.Ordinal);
        Assert.Equal(7, cg.LastIterations);
        Assert.True(cg.LastResidual > 1e-12);
    }

    [Fact]
    public void Residual_decreases_monotonically_in_the_energy_norm_as_iterations_grow()
    {
        // convergence check: capping the iterations at k gives an error (A-norm) that falls with k
        var a = Poisson(120, 1e-2);
        var b = Enumerable.Range(0, 120).Select(i => (i % 7) - 3.0).ToArray();
        var exact = (double[])b.Clone();
        var chol = new SparseCholesky(a);
        chol.Factor(a);
        chol.Solve(exact);
        var previous = double.PositiveInfinity;
        foreach (var k in new[] { 2, 4, 8, 16, 32, 64, 128 })
        {
            var x = new double[120];
            try
            {
                new ConjugateGradient(a) { Tolerance = 1e-13, MaxIterations = k }.Solve(b, x);
            }
            catch (SimulationException)
            {
                // capped: x holds the k-th iterate
            }

            var e = x.Zip(exact, (p, q) => p - q).ToArray();
            var ae = new double[120];
            a.Multiply(e, ae);
            var energy = Math.Sqrt(e.Zip(ae, (p, q) => p * q).Sum());
            Assert.True(energy < previous, $"A-norm error {energy} after {k} iterations is not below {previous}");
            previous = energy;
        }

        Assert.True(previous < 1e-6 * Math.Sqrt(exact.Sum(q => q * q)), $"A-norm error {previous} after 128 iterations");
    }
}
