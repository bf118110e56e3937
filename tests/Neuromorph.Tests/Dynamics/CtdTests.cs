using Neuromorph.Diagnostics;
using Neuromorph.Dynamics;
using Neuromorph.Numerics.Ode;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Tests.Dynamics;

public class CtdTests
{
    private static readonly OdeOptions Tight = new() { RelTol = 1e-10, AbsTol = 1e-12 };

    private static double[] Integrate(ICtdSystem s, double[] x0, double t1, OdeOptions? o = null) =>
        new DormandPrince54().Integrate((t, x, d) => s.Rate(x, d), 0, x0, t1, o ?? Tight).Final;

    [Fact]
    public void Omega_from_a_graph_is_a_symmetric_idempotent_projector_of_rank_m_minus_n_plus_1()
    {
        var g = MemristorGraph.Random(25, 0.15, 3);
        var w = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(g.Omega());
        Assert.True((w - w.Transpose()).FrobeniusNorm() < 1e-10);
        Assert.True(((w * w) - w).FrobeniusNorm() < 1e-10);
        Assert.Equal(g.CycleRank, (int)Math.Round(w.Trace()));
        Assert.Equal(g.CycleRank, w.Rank());
    }

    [Fact]
    public void Laplacian_solve_gives_the_same_rates_as_the_dense_omega_formula()
    {
        var g = MemristorGraph.Random(30, 0.12, 5);
        var rng = new RandomStream(2);
        var s = Enumerable.Range(0, g.Edges).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var x = Enumerable.Range(0, g.Edges).Select(_ => rng.NextDouble()).ToArray();
        foreach (var conv in new[] { CtdConvention.A, CtdConvention.B })
        {
            var p = new CtdParameters(100, 2000, 0.3, 0.7, conv);
            double[] a = new double[g.Edges], b = new double[g.Edges];
            new GraphCtd(g, p, s).Rate(x, a);
            new DenseCtd(g.Omega(), p, s).Rate(x, b);
            for (var e = 0; e < g.Edges; e++)
            {
                Assert.Equal(b[e], a[e], 1e-9 * Math.Max(1, Math.Abs(b[e])));
            }
        }
    }

    [Fact]
    public void Single_memristor_with_alpha_zero_follows_the_closed_form_in_both_conventions()
    {
        // w(t) = (-1 + sqrt((1 + xi w0)^2 - 2 xi s t / beta)) / xi   (convention A; B is A with s -> -s)
        const double xi = 9, s = 0.4, beta = 2, w0 = 0.7, t = 1.5;
        var a = Integrate(new DenseCtd(new double[,] { { 1 } }, new CtdParameters(100, 1000, 0, beta, CtdConvention.A), [s]), [w0], t);
        Assert.Equal((-1 + Math.Sqrt(Math.Pow(1 + (xi * w0), 2) - (2 * xi * s * t / beta))) / xi, a[0], 1e-9);
        var b = Integrate(new DenseCtd(new double[,] { { 1 } }, new CtdParameters(100, 1000, 0, beta, CtdConvention.B), [-s]), [w0], t);
        Assert.Equal(a[0], b[0], 1e-12);
    }

    [Fact]
    public void Single_memristor_with_alpha_satisfies_the_implicit_solution()
    {
        // t(w) = A+ ln|(w - w+)/(w0 - w+)| + A- ln|(w - w-)/(w0 - w-)|
        const double alpha = 0.8, xi = 4, s = 0.3, beta = 1.5, w0 = 0.2, t = 0.9;
        var w = Integrate(new DenseCtd(new double[,] { { 1 } }, new CtdParameters(100, 500, alpha, beta, CtdConvention.A), [s]), [w0], t)[0];
        var disc = Math.Sqrt((alpha * alpha) + (4 * alpha * xi * s / beta));
        double wp = (-alpha + disc) / (2 * alpha * xi), wm = (-alpha - disc) / (2 * alpha * xi);
        double ap = (1 + (xi * wp)) / (alpha * xi * (wp - wm)), am = (1 + (xi * wm)) / (alpha * xi * (wm - wp));
        var tOfW = (ap * Math.Log(Math.Abs((w - wp) / (w0 - wp)))) + (am * Math.Log(Math.Abs((w - wm) / (w0 - wm))));
        Assert.Equal(t, tOfW, 1e-8);
    }

    [Fact]
    public void Omega_identity_decouples_and_omega_zero_grows_exponentially()
    {
        var p = new CtdParameters(100, 1000, 0.5, 1, CtdConvention.A);
        var x0 = new[] { 0.1, 0.4, 0.9 };
        var zero = Integrate(new DenseCtd(new double[3, 3], p, [1, 2, 3]), x0, 1.2);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(x0[i] * Math.Exp(0.5 * 1.2), zero[i], 1e-9);
        }

        var id = new double[3, 3];
        for (var i = 0; i < 3; i++)
        {
            id[i, i] = 1;
        }

        var coupled = Integrate(new DenseCtd(id, p, [0.1, 0.2, 0.3]), x0, 0.7);
        for (var i = 0; i < 3; i++)
        {
            var single = Integrate(new DenseCtd(new double[,] { { 1 } }, p, [0.1 * (i + 1)]), [x0[i]], 0.7);
            Assert.Equal(single[0], coupled[i], 1e-10);
        }
    }

    [Fact]
    public void Series_ring_mean_follows_the_single_memristor_equation_and_differences_grow_as_exp_alpha_t()
    {
        const int n = 6;
        var ring = new MemristorGraph(n, [.. Enumerable.Range(0, n)], [.. Enumerable.Range(0, n).Select(k => (k + 1) % n)]);
        var p = new CtdParameters(100, 800, 0.4, 1.2, CtdConvention.A);
        var s = new[] { 0.1, -0.2, 0.3, 0.05, 0.0, 0.15 };
        var x0 = new[] { 0.3, 0.35, 0.4, 0.45, 0.5, 0.55 };
        const double t = 1.0;
        var x = Integrate(new GraphCtd(ring, p, s), x0, t);
        var mean = Integrate(new DenseCtd(new double[,] { { 1 } }, p, [s.Average()]), [x0.Average()], t)[0];
        Assert.Equal(mean, x.Average(), 1e-9);
        Assert.Equal((x0[5] - x0[0]) * Math.Exp(0.4 * t), x[5] - x[0], 1e-9);
    }

    [Theory]
    [InlineData(CtdConvention.A)]
    [InlineData(CtdConvention.B)]
    public void Lyapunov_function_never_increases_and_its_gradient_relation_holds(CtdConvention conv)
    {
        var g = MemristorGraph.Random(20, 0.2, 11);
        var rng = new RandomStream(4);
        var s = Enumerable.Range(0, g.Edges).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var p = new CtdParameters(100, 1000, 0.2, 0.5, conv);
        var sys = new GraphCtd(g, p, s);
        var x0 = Enumerable.Range(0, g.Edges).Select(_ => 0.05 + (0.9 * rng.NextDouble())).ToArray();
        var times = Enumerable.Range(0, 41).Select(k => k * 0.05).ToArray();
        var r = new DormandPrince54().Integrate((t, x, d) => sys.Rate(x, d), 0, x0, 2, Tight with { OutputTimes = times, Lower = [.. Enumerable.Repeat(0.0, g.Edges)], Upper = [.. Enumerable.Repeat(1.0, g.Edges)] });
        var energies = r.States.Select(x => sys.Lyapunov(x)).ToArray();
        for (var k = 1; k < energies.Length; k++)
        {
            Assert.True(energies[k] <= energies[k - 1] + 1e-9, $"L rose from {energies[k - 1]} to {energies[k]} at t = {times[k]}");
        }

        // (X + xi X Omega X) dx/dt = -grad L at a random interior point, gradient by central differences
        var omega = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(g.Omega());
        var xv = Enumerable.Range(0, g.Edges).Select(_ => 0.1 + (0.8 * rng.NextDouble())).ToArray();
        var rate = new double[g.Edges];
        sys.Rate(xv, rate);
        var xm = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfDiagonalArray(xv);
        var lhs = (xm + (p.Xi * xm * omega * xm)) * MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(rate);
        for (var i = 0; i < g.Edges; i++)
        {
            var up = (double[])xv.Clone();
            var dn = (double[])xv.Clone();
            up[i] += 1e-6;
            dn[i] -= 1e-6;
            var grad = (sys.Lyapunov(up) - sys.Lyapunov(dn)) / 2e-6;
            Assert.Equal(-grad, lhs[i], 1e-6 * Math.Max(1, Math.Abs(grad)));
        }
    }

    [Fact]
    public void Random_projector_dynamics_descend_their_lyapunov_function()
    {
        var omega = DenseCtd.RandomProjector(40, 10, 7);
        var w = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(omega);
        Assert.True(((w * w) - w).FrobeniusNorm() < 1e-9);
        var rng = new RandomStream(8);
        var sys = new DenseCtd(omega, new CtdParameters(100, 500, -0.1, 1, CtdConvention.A), [.. Enumerable.Range(0, 40).Select(_ => rng.NextDouble() - 0.5)]);
        var x0 = Enumerable.Range(0, 40).Select(_ => rng.NextDouble()).ToArray();
        var r = new DormandPrince54().Integrate((t, x, d) => sys.Rate(x, d), 0, x0, 3, Tight with { OutputTimes = [.. Enumerable.Range(0, 31).Select(k => k * 0.1)] });
        var e = r.States.Select(x => sys.Lyapunov(x)).ToArray();
        Assert.All(Enumerable.Range(1, e.Length - 1), k => Assert.True(e[k] <= e[k - 1] + 1e-9));
    }

    [Fact]
    public void Bad_graphs_are_user_errors()
    {
        Assert.Contains("both ends", Assert.Throws<UserInputException>(() => new MemristorGraph(3, [0, 1], [1, 1])).Message, StringComparison.Ordinal);
        Assert.Contains("disconnected", Assert.Throws<UserInputException>(() => new MemristorGraph(4, [0, 2], [1, 3])).Message, StringComparison.Ordinal);
        Assert.Throws<UserInputException>(() => new CtdParameters(100, 50, 0, 1, CtdConvention.A).Validate(SourceLocation.None));
    }
}

public class CtdInjectionTests
{
    [Fact]
    public void Node_current_injection_follows_the_projector_formula()
    {
        // i = (I + xi Omega X)^-1 i0, i0 = B^T (B B^T)^+ J (REFERENCES.md section 1); with our edge orientation the
        // branch current i_e flows from To to From, so KCL reads B i = -J and i0 = -B_r^T (B_r B_r^T)^-1 J_r.
        var g = MemristorGraph.Random(15, 0.3, 9);
        var rng = new RandomStream(1);
        var j = Enumerable.Range(0, g.Nodes).Select(_ => rng.NextDouble() - 0.5).ToArray();
        j[0] -= j.Sum(); // balanced
        var x = Enumerable.Range(0, g.Edges).Select(_ => rng.NextDouble()).ToArray();
        var p = new CtdParameters(100, 600, 0, 1, CtdConvention.A);
        var ours = new double[g.Edges];
        new GraphCtd(g, p, new double[g.Edges], j).Currents(x, ours);
        var br = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(g.Nodes - 1, g.Edges);
        for (var e = 0; e < g.Edges; e++)
        {
            if (g.From[e] > 0) { br[g.From[e] - 1, e] = 1; }
            if (g.To[e] > 0) { br[g.To[e] - 1, e] = -1; }
        }

        var jr = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(g.Nodes - 1, k => j[k + 1]);
        var i0 = -(br.Transpose() * (br * br.Transpose()).Solve(jr));
        var omega = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(g.Omega());
        var xm = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfDiagonalArray(x);
        var expected = (MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseIdentity(g.Edges) + (p.Xi * omega * xm)).Solve(i0);
        Assert.True(expected.L2Norm() > 0.1);
        for (var e = 0; e < g.Edges; e++)
        {
            Assert.Equal(expected[e], ours[e], 1e-10);
        }
    }
}

public class CtdQuboTests
{
    [Trait("Category", "slow")]
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Restarts_of_the_dynamics_find_the_brute_force_minimum_of_the_binary_lyapunov_qubo(bool projectedBounds)
    {
        const int m = 10;
        var omega = DenseCtd.RandomProjector(m, 4, 21);
        var rng = new RandomStream(5);
        var s = Enumerable.Range(0, m).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var p = new CtdParameters(100, 2100, 1.0, 0.2, CtdConvention.A);
        var sys = new DenseCtd(omega, p, s);
        double E(bool[] b) => CtdQubo.Energy(b, p, sys.OmegaS, v => sys.ApplyOmega(v));
        var brute = Enumerable.Range(0, 1 << m).Select(k => E([.. Enumerable.Range(0, m).Select(i => ((k >> i) & 1) == 1)])).Min();
        var runs = CtdQubo.Minimise(() => new DenseCtd(omega, p, s), m, 48, 30, 11, E, projectWith: projectedBounds ? p : null);
        Assert.Equal(brute, runs.Min(r => r.Energy), 1e-9);
    }
}

public class RandomRegularGraphTests
{
    [Fact]
    public void Random_regular_graphs_are_simple_connected_and_regular()
    {
        var g = MemristorGraph.RandomRegular(50, 3, 4);
        Assert.Equal(75, g.Edges);
        var degree = new int[50];
        foreach (var (a, b) in g.From.Zip(g.To))
        {
            degree[a]++;
            degree[b]++;
        }

        Assert.All(degree, d => Assert.Equal(3, d));
        Assert.Equal(g.Edges, g.From.Zip(g.To).Select(e => (Math.Min(e.First, e.Second), Math.Max(e.First, e.Second))).Distinct().Count());
        Assert.Throws<UserInputException>(() => MemristorGraph.RandomRegular(5, 3, 1));
    }

    [Fact]
    public void Iterative_laplacian_solves_give_the_direct_trajectory()
    {
        var g = MemristorGraph.Lattice(12, 15);
        var s = Enumerable.Range(0, g.Edges).Select(e => 0.5 * Math.Sin(e + 1.0)).ToArray();
        var x0 = Enumerable.Range(0, g.Edges).Select(e => 0.5 + (0.3 * Math.Cos(e))).ToArray();
        var p = new CtdParameters(100, 1000, 0.1, 1, CtdConvention.A);
        var options = new OdeOptions { RelTol = 1e-8, AbsTol = 1e-10 };
        var direct = new DormandPrince54().Integrate((t, x, d) => new GraphCtd(g, p, s).Rate(x, d), 0, x0, 1, options).Final;
        var pcg = new GraphCtd(g, p, s, iterative: true);
        var iterative = new DormandPrince54().Integrate((t, x, d) => pcg.Rate(x, d), 0, x0, 1, options).Final;
        Assert.True(pcg.Iterations > 0);
        Assert.True(direct.Zip(iterative).Max(t => Math.Abs(t.First - t.Second)) < 1e-10);
    }
}
