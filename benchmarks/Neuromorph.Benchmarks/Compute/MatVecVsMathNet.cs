using BenchmarkDotNet.Attributes;
using MathNet.Numerics.LinearAlgebra;
using Neuromorph.Compute;
using Neuromorph.Kernels.Backends;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Benchmarks.Compute;

/// <summary>
/// Dense matrix-vector product y = W x: the CPU accelerator (one launch through the compute interface) against
/// MathNet.Numerics' managed dense provider on the same matrix, and against PoCL's OpenCL CPU device where present.
/// Target: the CPU accelerator within 2x of MathNet.
/// </summary>
[MemoryDiagnoser]
public class MatVecVsMathNet
{
    private Matrix<double> _m = null!;
    private Vector<double> _v = null!;
    private Vector<double> _r = null!;
    private DeviceWeights _cpu = null!;
    private double[] _x = null!;
    private double[] _y = null!;

    /// <summary>Matrix size.</summary>
    [Params(256, 1024, 4096)]
    public int N { get; set; }

    /// <summary>Builds the matrix and vectors.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var rng = new RandomStream(1);
        var w = Enumerable.Range(0, N * N).Select(_ => rng.NextDouble() - 0.5).ToArray();
        _m = Matrix<double>.Build.Dense(N, N, (i, j) => w[(i * N) + j]);
        _x = Enumerable.Range(0, N).Select(_ => rng.NextDouble()).ToArray();
        _v = Vector<double>.Build.DenseOfArray(_x);
        _r = Vector<double>.Build.Dense(N);
        _y = new double[N];
        _cpu = new DeviceWeights(AcceleratorCatalog.CreateCpu(), w, N, N);
    }

    /// <summary>MathNet dense provider.</summary>
    [Benchmark(Baseline = true)]
    public void MathNet() => _m.Multiply(_v, _r);

    /// <summary>The CPU accelerator through the compute interface.</summary>
    [Benchmark]
    public void CpuAccelerator() => _cpu.Multiply(_x, _y, 1);

    /// <summary>Releases the device weights.</summary>
    [GlobalCleanup]
    public void Cleanup() => _cpu.Dispose();
}
