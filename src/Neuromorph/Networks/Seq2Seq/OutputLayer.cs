using System.Numerics.Tensors;
using Neuromorph.Compute;
using Neuromorph.Networks.Sequence;
using Neuromorph.Numerics.Dense;

namespace Neuromorph.Networks.Seq2Seq;

/// <summary>The logits y = W [s; c] + b over the vocabulary (torch.nn.Linear: <c>out.weight</c> V × (H + key), <c>out.bias</c> V).</summary>
public sealed class OutputLayer
{
    /// <summary>Creates a zero layer.</summary>
    public OutputLayer(int inputSize, int outputs, IGemm gemm)
    {
        Gemm = gemm ?? throw new ArgumentNullException(nameof(gemm));
        Weight = new Parameter("out.weight", outputs, inputSize);
        Bias = new Parameter("out.bias", outputs);
        Weights = new GemmWeights(Weight, gemm);
    }

    /// <summary>W.</summary>
    public Parameter Weight { get; }

    /// <summary>b.</summary>
    public Parameter Bias { get; }

    /// <summary>What computes products with W.</summary>
    public IWeightSubstrate Weights { get; set; }

    private IGemm Gemm { get; }

    /// <summary>y = W z + b for <paramref name="rows"/> vectors.</summary>
    public void Forward(ReadOnlySpan<double> z, Span<double> y, int rows)
    {
        int o = Weight.Rows, i = Weight.Columns;
        Weights.Multiply(z[..(rows * i)], y[..(rows * o)], rows);
        for (var r = 0; r < rows; r++)
        {
            var yr = y.Slice(r * o, o);
            TensorPrimitives.Add(yr, Bias.Value, yr);
        }
    }

    /// <summary>Adds dW = dyᵀ z and db = Σ dy and writes dz = dy W.</summary>
    public void Backward(ReadOnlySpan<double> dy, ReadOnlySpan<double> z, Span<double> dz, int rows)
    {
        int o = Weight.Rows, i = Weight.Columns;
        Gemm.Multiply(true, false, o, i, rows, 1, dy, o, z, i, 1, Weight.Gradient, i);
        for (var r = 0; r < rows; r++)
        {
            TensorPrimitives.Add(Bias.Gradient, dy.Slice(r * o, o), Bias.Gradient);
        }

        Weights.MultiplyTransposed(dy[..(rows * o)], dz[..(rows * i)], rows);
    }
}
