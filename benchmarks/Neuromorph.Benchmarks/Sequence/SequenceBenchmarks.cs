using BenchmarkDotNet.Attributes;
using Neuromorph.Networks.Sequence;
using Neuromorph.Numerics.Dense;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Benchmarks.Sequence;

/// <summary>BenchmarkDotNet: one LSTM forward pass and one forward + BPTT pass (input 32, hidden 128, batch 32, T = 100), and the GEMM shapes they use.</summary>
[MemoryDiagnoser]
public class SequenceBenchmarks
{
    private const int Input = 32, Hidden = 128, Batch = 32, Steps = 100;
    private SequenceModel _model = null!;
    private double[] _x = null!;
    private double[] _dy = null!;
    private double[] _a = null!, _b = null!, _c = null!;

    /// <summary>Builds the model and data.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _model = SequenceModel.Create(new SequenceModelSpec(CellType.Lstm, Input, Hidden, 1), 1);
        var rng = new RandomStream(3UL);
        _x = [.. Enumerable.Range(0, Steps * Batch * Input).Select(_ => rng.NextGaussian())];
        _dy = [.. Enumerable.Range(0, Steps * Batch).Select(_ => rng.NextGaussian())];
        _a = [.. Enumerable.Range(0, Batch * Hidden).Select(_ => rng.NextGaussian())];
        _b = [.. Enumerable.Range(0, 4 * Hidden * Hidden).Select(_ => rng.NextGaussian())];
        _c = new double[Batch * 4 * Hidden];
    }

    /// <summary>Forward pass over the whole batch.</summary>
    [Benchmark]
    public double Forward() => _model.Forward(_x, Steps, Batch).Outputs[0];

    /// <summary>Forward pass and backpropagation through time.</summary>
    [Benchmark]
    public double ForwardBackward()
    {
        _model.ZeroGradients();
        _model.Backward(_model.Forward(_x, Steps, Batch), _dy);
        return _model.Parameters[0].Gradient[0];
    }

    /// <summary>The recurrent product of one step: h (B × H) times W_hhᵀ (H × 4H).</summary>
    [Benchmark]
    public double RecurrentGemm()
    {
        CpuGemm.Shared.Multiply(false, true, Batch, 4 * Hidden, Hidden, 1, _a, Hidden, _b, Hidden, 0, _c, 4 * Hidden);
        return _c[0];
    }
}
