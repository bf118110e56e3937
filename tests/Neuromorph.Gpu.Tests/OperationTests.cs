using MathNet.Numerics.LinearAlgebra;
using Neuromorph.Compute;
using Neuromorph.Diagnostics;
using Neuromorph.Dynamics;
using Neuromorph.Kernels.Backends;
using Neuromorph.Networks;
using Neuromorph.Numerics.Randomness;
using Neuromorph.Optimization;

namespace Neuromorph.Gpu.Tests;

/// <summary>
/// The solvers built on the compute interface give the same answers on every backend as the library's CPU code:
/// network products, the batched conjugate gradient, dense CTD rates and the batched Hopfield machine.
/// </summary>
public class OperationTests
{
    public static TheoryData<string> All => Backends.All;

    [SkippableTheory]
    [MemberData(nameof(All))]
    public void Device_weights_multiply_like_the_dense_substrate(string backend)
    {
        var acc = Backends.Open(backend);
        const int rows = 6, cols = 31;
        var w = Reference.Random(rows * cols, 1);
        var dense = new DenseWeights(rows, cols);
        for (var i = 0; i < rows; i++)
        {
            w.AsSpan(i * cols, cols).CopyTo(dense.Row(i));
        }

        using var device = new DeviceWeights(acc, w, rows, cols);
        foreach (var batch in new[] { 1, 12, 40 })
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
    public void Batched_conjugate_gradient_solves_every_item_like_a_cholesky_factorisation(string backend)
    {
        var acc = Backends.Open(backend);
        // n large enough that CG stops on its tolerance (about 26 iterations at condition number 5), not after n steps
        const int n = 48, count = 3;
        var single = acc.Precision == Precision.Single;
        var m = Matrix<double>.Build.Random(n, n, 4);
        var a = (m * m.Transpose()) + (n * Matrix<double>.Build.DenseIdentity(n)); // SPD, condition number ~ 5
        var b = Reference.Random(n * count, 8);
        b.AsSpan(n, n).Clear(); // one zero right-hand side: its solution is zero
        using var op = new DenseOperator(acc, a);
        using var cg = new BatchedConjugateGradient(acc, n, count) { Tolerance = single ? 1e-5 : 1e-11 };
        using var bb = KernelTests.Upload(acc, b);
        using var x = KernelTests.Upload(acc, new double[n * count]);
        cg.Solve(op, bb, x);
        var cold = cg.LastIterations;
        var solution = KernelTests.Read(acc, x);
        var chol = a.Cholesky();
        for (var k = 0; k < count; k++)
        {
            var expected = chol.Solve(Vector<double>.Build.DenseOfArray(b[(k * n)..((k + 1) * n)])).ToArray();
            var actual = solution[(k * n)..((k + 1) * n)];
            if (k == 1)
            {
                Assert.All(actual, v => Assert.Equal(0, v));
                continue;
            }

            Assert.True(Reference.RelativeError(actual, expected) < (single ? 1e-4 : 1e-9), $"item {k}: error {Reference.RelativeError(actual, expected):e2}");
        }

        Assert.True(cg.LastResidual <= cg.Tolerance, $"reported residual {cg.LastResidual:e2}");

        // nearby right-hand sides, warm-started from the previous solutions, take fewer iterations
        var b2 = b.Select((v, i) => v * (1 + (1e-4 * Math.Sin(i)))).ToArray();
        acc.Write(bb, b2);
        cg.Solve(op, bb, x);
        Assert.True(cg.LastIterations < cold, $"warm start took {cg.LastIterations} iterations, cold {cold}");
    }

    [SkippableTheory]
    [MemberData(nameof(All))]
    public void Batched_conjugate_gradient_reports_an_indefinite_operator(string backend)
    {
        var acc = Backends.Open(backend);
        const int n = 6;
        var a = Matrix<double>.Build.DenseDiagonal(n, n, i => i == 3 ? -1.0 : 1.0 + i);
        using var op = new DenseOperator(acc, a);
        using var cg = new BatchedConjugateGradient(acc, n, 2);
        using var bb = KernelTests.Upload(acc, [.. Enumerable.Repeat(1.0, 2 * n)]);
        using var x = KernelTests.Upload(acc, new double[2 * n]);
        var ex = Assert.Throws<SimulationException>(() => cg.Solve(op, bb, x));
        Assert.Contains("not positive definite", ex.Message, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(All))]
    public void Dense_ctd_rates_match_the_host_solver_for_a_batch_of_starts(string backend)
    {
        var acc = Backends.Open(backend);
        const int n = 6, batch = 2; // Ω products run matvec: a group reduction per output, costly on ILGPU's CPU accelerator
        var omega = DenseCtd.RandomProjector(n, 2, 5);
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
    public void Batched_hopfield_machine_agrees_with_the_managed_path_and_reaches_the_brute_force_optimum(string backend)
    {
        var acc = Backends.Open(backend);
        var acc0 = acc;
        var n = acc0.Device.Backend == BackendKind.IlgpuCpu ? 8 : 14; // a group reduction per spin update: small on ILGPU's CPU accelerator
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

        var options = acc.Device.Backend == BackendKind.IlgpuCpu
            ? new SolverOptions { Restarts = 2, Seed = 5, Sweeps = 6, TracePoints = 2 }
            : new SolverOptions { Restarts = 8, Seed = 5, Sweeps = 200 };
        var result = new DeviceHopfieldMachine(acc).Solve(model, options);
        foreach (var restart in result.Restarts)
        {
            Assert.Equal(restart.BestEnergy, model.Energy(restart.BestSpins), 9);
            Assert.True(restart.BestEnergy >= optimum - 1e-9);
        }

        if (acc.Device.Backend != BackendKind.IlgpuCpu)
        {
            Assert.Equal(optimum, result.Best.BestEnergy, 9);
        }

        if (acc.Precision == Precision.Double && acc.Device.Backend != BackendKind.Cpu)
        {
            // the same noise counters and the same sweeps: the same spins as the managed path, restart by restart
            var cpu = new DeviceHopfieldMachine(AcceleratorCatalog.CreateCpu()).Solve(model, options);
            Assert.Equal(cpu.Restarts.Select(x => x.BestSpins), result.Restarts.Select(x => x.BestSpins));
        }
    }

    /// <summary>The same dense SPD matrix for every item, applied by the matmat kernel (few barriers on ILGPU's CPU accelerator).</summary>
    private sealed class DenseOperator(IAccelerator acc, Matrix<double> a) : IBatchedOperator, IDisposable
    {
        private readonly RealBuffer _w = KernelTests.Upload(acc, a.ToRowMajorArray());

        public int Size => a.RowCount;

        public void Multiply(RealBuffer x, RealBuffer y, int count) => acc.Kernels.MatMat(_w, x, y, new ProductShape(a.RowCount, a.ColumnCount, count), default);

        public void Dispose() => _w.Dispose();
    }
}
