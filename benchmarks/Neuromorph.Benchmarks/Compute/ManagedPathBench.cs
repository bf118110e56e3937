using BenchmarkDotNet.Attributes;
using Neuromorph.Compute;
using Neuromorph.Kernels.Backends;
using Neuromorph.Dynamics;
using Neuromorph.Numerics.Randomness;
using Neuromorph.Optimization;

namespace Neuromorph.Benchmarks.Compute;

/// <summary>
/// The managed CPU path (the default <c>cpu</c> backend) through the operations that use an accelerator: batched
/// products (matvec below 32 vectors, matmat from 32), the dense CTD right-hand side (batched CG on the device
/// operator) and the batched Hopfield machine. Written against surfaces that exist before and after the move to
/// ILGPU, so RESULTS.md compares the same code paths.
/// </summary>
[MemoryDiagnoser]
public class ManagedPathBench
{
    private DeviceWeights _w = null!;
    private double[] _x1 = null!, _y1 = null!, _x64 = null!, _y64 = null!;
    private DeviceDenseCtd _ctd = null!;
    private double[] _ctdX = null!, _ctdDx = null!;
    private IsingModel _model = null!;

    /// <summary>Builds the inputs.</summary>
    [GlobalSetup]
    public void Setup()
    {
        const int n = 1024;
        var rng = new RandomStream(1);
        var w = Enumerable.Range(0, n * n).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var acc = AcceleratorCatalog.CreateCpu();
        _w = new DeviceWeights(acc, w, n, n);
        _x1 = [.. Enumerable.Range(0, n).Select(_ => rng.NextDouble())];
        _y1 = new double[n];
        _x64 = [.. Enumerable.Range(0, n * 64).Select(_ => rng.NextDouble())];
        _y64 = new double[n * 64];
        const int m = 200, batch = 8;
        var omega = DenseCtd.RandomProjector(m, 60, 5);
        var host = new DenseCtd(omega, new CtdParameters(100, 1e4, 0.2, 1, CtdConvention.A), [.. Enumerable.Range(0, m).Select(_ => rng.NextDouble() - 0.5)]);
        _ctd = new DeviceDenseCtd(host, acc);
        _ctdX = [.. Enumerable.Range(0, m * batch).Select(_ => rng.NextDouble())];
        _ctdDx = new double[m * batch];
        var pairs = new List<(int, int, double)>();
        for (var i = 0; i < 128; i++)
        {
            for (var j = i + 1; j < 128; j++)
            {
                if (rng.NextDouble() < 0.1)
                {
                    pairs.Add((i, j, rng.NextDouble() < 0.5 ? 1.0 : -1.0));
                }
            }
        }

        _model = IsingModel.FromPairs(128, pairs, new double[128], 0);
    }

    /// <summary>y = W x, N = 1024, one vector (matvec).</summary>
    [Benchmark]
    public void MatVec1024() => _w.Multiply(_x1, _y1, 1);

    /// <summary>Y = W X, N = 1024, 64 vectors (matmat).</summary>
    [Benchmark]
    public void MatMat1024x64() => _w.Multiply(_x64, _y64, 64);

    /// <summary>Dense CTD right-hand side, n = 200, 8 starts (batched CG, warm-started from the previous call).</summary>
    [Benchmark]
    public void DenseCtdRate200x8() => _ctd.RateBatch(_ctdX, _ctdDx, 8);

    /// <summary>Batched Hopfield machine, n = 128, 16 restarts, 50 sweeps.</summary>
    [Benchmark]
    public double HopfieldMachine128() => new DeviceHopfieldMachine(AcceleratorCatalog.CreateCpu()).Solve(_model, new SolverOptions { Restarts = 16, Seed = 3, Sweeps = 50, TracePoints = 5 }).Best.BestEnergy;

    /// <summary>Releases device memory.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _w.Dispose();
        _ctd.Dispose();
    }
}
