using Neuromorph.Compute;
using Neuromorph.Dynamics;
using Neuromorph.Networks;
using Neuromorph.Networks.Continuous;
using Neuromorph.Numerics.Randomness;
using Neuromorph.Numerics.Sparse;
using Neuromorph.Optimization;

namespace Neuromorph.Gpu.Tests;

/// <summary>
/// The solvers built on the compute interface give the same answers on every backend as the library's CPU code:
/// network products, CTRNN right-hand sides, conjugate gradient, dense CTD rates and the batched Hopfield machine.
/// </summary>
public class OperationTests
{
    public static TheoryData<string> All => Backends.All;

    [SkippableTheory]
    [MemberData(nameof(All))]
    public void Device_weights_multiply_like_the_dense_substrate(string backend)
    {
        var acc = Backends.Open(backend);
        const int rows = 45, cols = 31;
        var w = Reference.Random(rows * cols, 1);
        var dense = new DenseWeights(rows, cols);
        for (var i = 0; i < rows; i++)
        {
            w.AsSpan(i * cols, cols).CopyTo(dense.Row(i));
        }

        using var device = new DeviceWeights(acc, w, rows, cols);
        foreach (var batch in new[] { 1, 12 })
        {
            var x = Reference.Random(cols * batch, batch);
            double[] y = new double[rows * batch], expected = new double[rows * batch];
            device.Multiply(x, y, batch);
            dense.Multiply(x, expected, batch);
            Assert.True(Reference.RelativeError(y, expected) < Backends.Tolerance(acc));

            var xt = Reference.Random(rows * batch, batch + 7);
            double[] yt = new double[cols * batch], expectedT = new double[cols * batch];
            device.MultiplyTransposed(xt, yt, batch);
            dense.MultiplyTransposed(xt, expectedT, batch);
            Assert.True(Reference.RelativeError(yt, expectedT) < Backends.Tolerance(acc));
        }
    }

    [SkippableTheory]
    [MemberData(nameof(All))]
    public void Ctrnn_right_hand_side_matches_the_library_network(string backend)
    {
        var acc = Backends.Open(backend);
        const int n = 24, batch = 5;
        var w = Reference.Random(n * n, 2, -3, 3);
        var w2 = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                w2[i, j] = w[(i * n) + j];
            }
        }

        var bias = Reference.Random(n, 3);
        var tau = Reference.Random(n, 4, 0.5, 2);
        var input = Reference.Random(n, 5);
        var ctrnn = new Ctrnn(w2, bias, tau, input);
        using var device = new DeviceLeakyNetwork(acc, LeakyNetworkKind.Ctrnn, w, [.. Enumerable.Repeat(1.0, n)], bias, input, tau);
        var y = Reference.Random(n * batch, 6, -4, 4);
        var dy = new double[n * batch];
        device.Derivative(y, dy, batch);
        var expected = new double[n * batch];
        for (var b = 0; b < batch; b++)
        {
            ctrnn.Derivative(0, y.AsSpan(b * n, n), expected.AsSpan(b * n, n));
        }

        Assert.True(Reference.RelativeError(dy, expected) < Backends.Tolerance(acc));
    }

    [SkippableTheory]
    [MemberData(nameof(All))]
    public void Conjugate_gradient_solves_a_grounded_memristor_laplacian_like_sparse_cholesky(string backend)
    {
        var acc = Backends.Open(backend);
        var graph = MemristorGraph.Lattice(20, 25);
        var g = Reference.Random(graph.Edges, 7, 1e-4, 1e-2);
        var a = graph.GroundedLaplacian(g);
        var b = Reference.Random(a.RowCount, 8, -1e-3, 1e-3);
        var expected = (double[])b.Clone();
        var chol = new SparseCholesky(a);
        chol.Factor(a);
        chol.Solve(expected);

        var single = acc.Precision == Precision.Single;
        using var cg = new DeviceConjugateGradient(acc, a) { Tolerance = single ? 1e-5 : 1e-11 };
        var x = new double[a.RowCount];
        cg.Solve(b, x, warmStart: false);
        var cold = cg.LastIterations;
        Assert.True(Reference.RelativeError(x, expected) < (single ? 1e-3 : 1e-8), $"error {Reference.RelativeError(x, expected):e2}");
        var residual = new double[a.RowCount];
        a.Multiply(x, residual);
        Assert.True(Reference.RelativeError(residual, b) < (single ? 1e-4 : 1e-10));

        // A nearby right-hand side from the previous solution takes fewer iterations.
        var b2 = b.Select((v, i) => v * (1 + (1e-3 * Math.Sin(i)))).ToArray();
        cg.Solve(b2, x, warmStart: true);
        Assert.True(cg.LastIterations < cold, $"warm start took {cg.LastIterations} iterations, cold {cold}");
    }

    [SkippableTheory]
    [MemberData(nameof(All))]
    public void Dense_ctd_rates_match_the_host_solver_for_a_batch_of_starts(string backend)
    {
        var acc = Backends.Open(backend);
        const int n = 60, batch = 4;
        var omega = DenseCtd.RandomProjector(n, 20, 5);
        var p = new CtdParameters(100, 1e4, 0.2, 1, CtdConvention.A);
        var sources = Reference.Random(n, 9);
        var host = new DenseCtd(omega, p, sources);
        using var device = new DeviceDenseCtd(host, acc);
        var x = Reference.Random(n * batch, 10, 0, 1);
        var dx = new double[n * batch];
        device.RateBatch(x, dx, batch);
        var expected = new double[n * batch];
        for (var b = 0; b < batch; b++)
        {
            host.Rate(x.AsSpan(b * n, n), expected.AsSpan(b * n, n));
        }

        Assert.True(Reference.RelativeError(dx, expected) < (acc.Precision == Precision.Single ? 1e-4 : 1e-9), $"error {Reference.RelativeError(dx, expected):e2}");
    }

    [SkippableTheory]
    [MemberData(nameof(All))]
    public void Batched_hopfield_machine_reaches_the_brute_force_optimum_and_agrees_across_backends(string backend)
    {
        var acc = Backends.Open(backend);
        const int n = 14;
        var r = new RandomStream(3);
        var pairs = new List<(int, int, double)>();
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                if (r.NextDouble() < 0.4)
                {
                    pairs.Add((i, j, r.Next(2) == 0 ? 1.0 : -1.0));
                }
            }
        }

        var model = IsingModel.FromPairs(n, pairs, new double[n], 0);
        var optimum = double.PositiveInfinity;
        var s = new sbyte[n];
        for (var m = 0; m < 1 << n; m++)
        {
            for (var i = 0; i < n; i++)
            {
                s[i] = (m >> i & 1) == 1 ? (sbyte)1 : (sbyte)-1;
            }

            optimum = Math.Min(optimum, model.Energy(s));
        }

        var options = new SolverOptions { Restarts = 8, Seed = 5, Sweeps = 200 };
        var result = new DeviceHopfieldMachine(acc).Solve(model, options);
        Assert.Equal(optimum, result.Best.BestEnergy, 9);
        foreach (var restart in result.Restarts)
        {
            Assert.Equal(restart.BestEnergy, model.Energy(restart.BestSpins), 9);
        }

        if (acc.Precision == Precision.Double)
        {
            var cpu = new DeviceHopfieldMachine(new CpuAccelerator()).Solve(model, options);
            Assert.Equal(cpu.Restarts.Select(x => x.BestEnergy), result.Restarts.Select(x => x.BestEnergy));
        }
    }
}
