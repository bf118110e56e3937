using System.Numerics.Tensors;
using Neuromorph.Numerics;
using Neuromorph.Numerics.Dense;

namespace Neuromorph.Networks.Sequence.Cells;

/// <summary>
/// Jordan network layer: the model's previous output y_{t−1} = W_o h_{t−1} + b_o (not h_{t−1}) is fed back,
/// h_t = tanh(W_ih x_t + b_ih + W_hh y_{t−1} + b_hh); y before the first step is zero. W_hh is hidden × outputs.
/// Backpropagation through the feedback reaches the readout's parameters as well.
/// </summary>
public sealed class JordanLayer : ElmanLayer
{
    private readonly Readout _readout;
    private double[]? _dh;

    /// <summary>Creates the layer over the model's <paramref name="readout"/>.</summary>
    public JordanLayer(int inputSize, int hiddenSize, Readout readout, IGemm gemm)
        : base(0, inputSize, hiddenSize, (readout ?? throw new ArgumentNullException(nameof(readout))).Outputs, relu: false, gemm) => _readout = readout;

    /// <inheritdoc />
    protected override bool FeedbackIsHidden => false;

    /// <inheritdoc />
    public override LayerState ZeroState(int batch) => new(new double[batch * HiddenSize], null, new double[batch * FeedbackSize]);

    /// <inheritdoc />
    protected override void ComputeFeedback(ReadOnlySpan<double> h, Span<double> r, int batch) => _readout.Forward(h, r, batch);

    /// <inheritdoc />
    protected override void FeedbackBackward(ReadOnlySpan<double> dr, ReadOnlySpan<double> hPrev, Span<double> dhPrev, int batch)
    {
        var dh = Scratch.Ensure(ref _dh, batch * HiddenSize).AsSpan(0, batch * HiddenSize);
        _readout.Backward(dr, hPrev, dh, batch);
        TensorPrimitives.Add(dhPrev, dh, dhPrev);
    }
}
