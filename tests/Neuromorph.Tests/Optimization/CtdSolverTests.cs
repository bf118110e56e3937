using Neuromorph.Dynamics;
using Neuromorph.Numerics.Randomness;
using Neuromorph.Optimization.Problems;
using Neuromorph.Optimization;
using Neuromorph.Tests.Cli;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Optimization;

/// <summary>The memristive-dynamics (CTD) solver: exactness of its embedding, and the optimum against exhaustive enumeration.</summary>
public class CtdSolverTests
{
    private static OptimizationProblem RandomMaxCut(int n, int seed)
    {
        var rng = new RandomStream(seed);
        var terms = new List<Term>();
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                if (rng.NextDouble() < 0.5)
                {
                    terms.Add(new Term(i, j, rng.Next(2) == 0 ? -1.0 : 1.0));
                }
            }
        }

        return new OptimizationProblem(ProblemKind.MaxCut, "rand", n, terms);
    }

    // Exhaustive maximum cut, counted from the edges directly.
    private static double BruteForceCut(OptimizationProblem p)
    {
        var best = double.MinValue;
        for (var m = 0; m < 1 << p.Size; m++)
        {
            best = Math.Max(best, p.Terms.Where(t => ((m >> t.I) & 1) != ((m >> t.J) & 1)).Sum(t => t.Weight));
        }

        return best;
    }

    [Fact]
    public void Embedding_is_exact_in_the_binary_limit_and_omega_is_positive_definite()
    {
        var p = RandomMaxCut(8, 6);
        var ctd = new CtdSolver();
        var (omega, sources) = ctd.Embed(p.Model);
        var system = new SparseCtd(omega, ctd.Parameters, sources);
        var dense = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(8, 8, (i, j) => omega[i, j]);
        Assert.True(dense.Evd().EigenValues.Min(e => e.Real) > 0);
        var points = new List<(double Model, double Ctd)>();
        for (var m = 0; m < 256; m++)
        {
            var bits = Enumerable.Range(0, 8).Select(i => ((m >> i) & 1) == 1).ToArray();
            var s = bits.Select(b => b ? (sbyte)1 : (sbyte)-1).ToArray();
            points.Add((p.Model.Energy(s), CtdQubo.Energy(bits, ctd.Parameters, system.OmegaS, v => system.ApplyOmega(v))));
        }

        // E_ctd = a E_model + b with a > 0 for every state
        var (m0, c0) = points[0];
        var (m1, c1) = points.First(q => q.Model != m0);
        var a = (c1 - c0) / (m1 - m0);
        Assert.True(a > 0);
        foreach (var (em, ec) in points)
        {
            Assert.Equal(c0 + (a * (em - m0)), ec, 9);
        }
    }

    [Fact]
    public void Sparse_ctd_rates_equal_the_dense_formula_and_descend_the_lyapunov_function()
    {
        var p = RandomMaxCut(12, 3);
        var ctd = new CtdSolver();
        var (omega, sources) = ctd.Embed(p.Model);
        var sparse = new SparseCtd(omega, ctd.Parameters, sources);
        var dense = new DenseCtd(new double[12, 12].Fill((i, j) => omega[i, j]), ctd.Parameters, sources);
        var rng = new RandomStream(4);
        var x = Enumerable.Range(0, 12).Select(_ => rng.NextDouble()).ToArray();
        double[] a = new double[12], b = new double[12];
        sparse.Rate(x, a);
        dense.Rate(x, b);
        Assert.True(a.Zip(b).Max(t => Math.Abs(t.First - t.Second)) < 1e-9 * b.Max(Math.Abs));
        var l0 = sparse.Lyapunov(x);
        var h = 1e-4;
        var x1 = x.Zip(a, (xi, ri) => xi + (h * ri)).ToArray();
        Assert.True(sparse.Lyapunov(x1) < l0);
    }

    [Fact]
    public void Ctd_solver_reaches_the_exhaustive_optimum_and_the_cli_runs_it()
    {
        var p = RandomMaxCut(14, 12);
        var r = new CtdSolver().Solve(p.Model, new SolverOptions { Restarts = 16, Seed = 3, Parallelism = 2 });
        Assert.Equal(BruteForceCut(p), p.Objective(r.Best.BestSpins));

        using var dir = new TempDirectory("nm-ctd");
        var graph = Path.Combine(dir, "ring.txt");
        File.WriteAllLines(graph, ["7 7", .. Enumerable.Range(1, 7).Select(i => $"{i} {(i % 7) + 1} 1")]);
        var (code, stdout, err) = CliHarness.Run("minimize", graph, "--solver", "ctd", "--restarts", "4", "--target", "6", "-o", Path.Combine(dir, "o"));
        Assert.True(code == 0, err);
        Assert.Contains("best cut: 6 ", stdout, StringComparison.Ordinal);
    }
}

internal static class ArrayFill
{
    public static double[,] Fill(this double[,] a, Func<int, int, double> f)
    {
        for (var i = 0; i < a.GetLength(0); i++)
        {
            for (var j = 0; j < a.GetLength(1); j++)
            {
                a[i, j] = f(i, j);
            }
        }

        return a;
    }
}
