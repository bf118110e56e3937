using System.Numerics.Tensors;
using Neuromorph.Numerics.Dense;

namespace Neuromorph.Networks.Sequence.Cells;

/// <summary>Elman layer (torch.nn.RNN): h_t = φ(W_ih x_t + b_ih + W_hh h_{t−1} + b_hh), φ = tanh or ReLU.</summary>
public class ElmanLayer : RecurrentLayer
{
    /// <summary>
    /// Creates layer <paramref name="index"/>; <paramref name="relu"/> selects ReLU instead of tanh, <paramref name="reverse"/>
    /// makes it the reverse direction of a bidirectional layer.
    /// </summary>
    public ElmanLayer(int index, int inputSize, int hiddenSize, bool relu, IGemm gemm, bool reverse = false)
        : base(index, inputSize, hiddenSize, 1, hiddenSize, gemm, reverse) => Relu = relu;

    /// <summary>For subclasses whose recurrent input is not h (Jordan).</summary>
    protected ElmanLayer(int index, int inputSize, int hiddenSize, int feedbackSize, bool relu, IGemm gemm)
        : base(index, inputSize, hiddenSize, 1, feedbackSize, gemm) => Relu = relu;

    /// <summary>True for ReLU, false for tanh.</summary>
    public bool Relu { get; }

    /// <inheritdoc />
    protected override int CacheWidth => 0;

    /// <inheritdoc />
    protected override void StepForward(Span<double> gx, ReadOnlySpan<double> gh, ReadOnlySpan<double> hPrev, ReadOnlySpan<double> cPrev,
        Span<double> hOut, Span<double> cOut, Span<double> cache, int batch)
    {
        TensorPrimitives.Add(gx, gh, gx);
        if (Relu)
        {
            TensorPrimitives.Max(gx, 0.0, hOut);
        }
        else
        {
            TensorPrimitives.Tanh(gx, hOut);
        }
    }

    /// <inheritdoc />
    protected override void StepBackward(ReadOnlySpan<double> dh, Span<double> dc, ReadOnlySpan<double> hPrev, ReadOnlySpan<double> cPrev,
        ReadOnlySpan<double> h, ReadOnlySpan<double> cache, Span<double> dgx, Span<double> dgh, Span<double> dhPrevDirect, int batch)
    {
        for (var k = 0; k < dh.Length; k++)
        {
            dgx[k] = Relu ? (h[k] > 0 ? dh[k] : 0) : dh[k] * (1 - (h[k] * h[k]));
        }

        dgx.CopyTo(dgh);
        dhPrevDirect.Clear();
    }
}
