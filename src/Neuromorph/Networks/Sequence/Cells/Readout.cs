using Neuromorph.Compute;
using Neuromorph.Numerics.Dense;

namespace Neuromorph.Networks.Sequence.Cells;

/// <summary>The linear readout y_t = W h_t + b (torch.nn.Linear: <c>weight</c> outputs × hidden, <c>bias</c> outputs).</summary>
public sealed class Readout
{
    /// <summary>Creates a zero readout from <paramref name="inputSize"/> hidden units to <paramref name="outputs"/>.</summary>
    public Readout(int inputSize, int outputs, IGemm gemm)
    {
        Gemm = gemm ?? throw new ArgumentNullException(nameof(gemm));
        Weight = new Parameter("weight", outputs, inputSize);
        Bias = new Parameter("bias", outputs);
        Weights = new GemmWeights(Weight, gemm);
    }

    /// <summary>W, outputs × hidden.</summary>
    public Parameter Weight { get; }

    /// <summary>b, outputs.</summary>
    public Parameter Bias { get; }

    /// <summary>Number of outputs.</summary>
    public int Outputs => Weight.Rows;

    /// <summary>Hidden units read.</summary>
    public int InputSize => Weight.Columns;

    /// <summary>What computes products with W (default: the ideal weights).</summary>
    public IWeightSubstrate Weights { get; set; }

    /// <summary>The GEMM used for weight gradients.</summary>
    public IGemm Gemm { get; }

    /// <summary>y = W h + b for <paramref name="rows"/> vectors stored back to back.</summary>
    public void Forward(ReadOnlySpan<double> h, Span<double> y, int rows)
    {
        Weights.Multiply(h[..(rows * InputSize)], y[..(rows * Outputs)], rows);
        for (var r = 0; r < rows; r++)
        {
            var yr = y.Slice(r * Outputs, Outputs);
            System.Numerics.Tensors.TensorPrimitives.Add(yr, Bias.Value, yr);
        }
    }

    /// <summary>Adds dW = dyᵀ h and db = Σ dy to the gradients and writes dh = dy W (unless <paramref name="dh"/> is empty).</summary>
    public void Backward(ReadOnlySpan<double> dy, ReadOnlySpan<double> h, Span<double> dh, int rows)
    {
        Gemm.Multiply(true, false, Outputs, InputSize, rows, 1, dy, Outputs, h, InputSize, 1, Weight.Gradient, InputSize);
        RecurrentLayer.SumRows(dy[..(rows * Outputs)], Bias.Gradient);
        if (!dh.IsEmpty)
        {
            Weights.MultiplyTransposed(dy[..(rows * Outputs)], dh[..(rows * InputSize)], rows);
        }
    }
}
