using System.Numerics.Tensors;
using Neuromorph.Compute;
using Neuromorph.Numerics;
using Neuromorph.Numerics.Dense;

namespace Neuromorph.Networks.Sequence.Cells;

/// <summary>
/// One recurrent layer in PyTorch's parameterisation: gate pre-activations W_ih x_t + b_ih and W_hh r_t + b_hh
/// (r_t = h_{t−1}, or a Jordan network's previous output), G gate blocks of H units each. The forward pass computes
/// the input projection of all T × B rows in one product, then steps through time; the backward pass (BPTT) steps
/// back, then forms the weight gradients dW_ih = Σ_t dA_tᵀ x_t and dW_hh = Σ_t dA_tᵀ r_t as two GEMMs over all
/// steps. Products with W_ih and W_hh go through <see cref="IWeightSubstrate"/>s, so the same code runs on ideal
/// weights, perturbed copies (noise-aware training) or crossbars.
/// </summary>
public abstract class RecurrentLayer
{
    private double[]? _gx, _h, _c, _cache, _feedback, _gh, _dgx, _dgh, _dh, _dhNext, _dc, _dr, _drAll;

    /// <summary>
    /// Creates layer <paramref name="index"/> with zero parameters; <paramref name="reverse"/> names them as the reverse
    /// direction of a bidirectional layer (<c>weight_ih_l0_reverse</c> ...), which reads its input back to front.
    /// </summary>
    protected RecurrentLayer(int index, int inputSize, int hiddenSize, int gates, int feedbackSize, IGemm gemm, bool reverse = false)
    {
        var suffix = reverse ? "_reverse" : "";
        IsReverse = reverse;
        InputSize = inputSize;
        HiddenSize = hiddenSize;
        GateRows = gates * hiddenSize;
        FeedbackSize = feedbackSize;
        Gemm = gemm ?? throw new ArgumentNullException(nameof(gemm));
        WeightIh = new Parameter($"weight_ih_l{index}{suffix}", GateRows, inputSize);
        WeightHh = new Parameter($"weight_hh_l{index}{suffix}", GateRows, feedbackSize);
        BiasIh = new Parameter($"bias_ih_l{index}{suffix}", GateRows);
        BiasHh = new Parameter($"bias_hh_l{index}{suffix}", GateRows);
        InputWeights = new GemmWeights(WeightIh, gemm);
        RecurrentWeights = new GemmWeights(WeightHh, gemm);
    }

    /// <summary>True for the reverse direction of a bidirectional layer (its parameters' names end in <c>_reverse</c>).</summary>
    public bool IsReverse { get; }

    /// <summary>Input features per step.</summary>
    public int InputSize { get; }

    /// <summary>H, hidden units.</summary>
    public int HiddenSize { get; }

    /// <summary>G·H, rows of W_ih and W_hh.</summary>
    public int GateRows { get; }

    /// <summary>Length of r_t, the vector W_hh multiplies (H, or the output size for a Jordan layer).</summary>
    public int FeedbackSize { get; }

    /// <summary>W_ih, G·H × input.</summary>
    public Parameter WeightIh { get; }

    /// <summary>W_hh, G·H × feedback.</summary>
    public Parameter WeightHh { get; }

    /// <summary>b_ih, G·H.</summary>
    public Parameter BiasIh { get; }

    /// <summary>b_hh, G·H.</summary>
    public Parameter BiasHh { get; }

    /// <summary>The layer's parameters in PyTorch's order.</summary>
    public IReadOnlyList<Parameter> Parameters => [WeightIh, WeightHh, BiasIh, BiasHh];

    /// <summary>What computes products with W_ih (default: the ideal weights).</summary>
    public IWeightSubstrate InputWeights { get; set; }

    /// <summary>What computes products with W_hh (default: the ideal weights).</summary>
    public IWeightSubstrate RecurrentWeights { get; set; }

    /// <summary>The GEMM used for weight gradients.</summary>
    public IGemm Gemm { get; }

    /// <summary>
    /// dLoss/d(W_ih x_t + b_ih) of every (step, sequence) row of the last backward pass (T × B × G·H, valid until the
    /// next one): with the trace's inputs, the per-step outer products whose sum is dW_ih (analog training pulses them).
    /// </summary>
    internal ReadOnlySpan<double> InputGateDeltas(int rows) => _dgx.AsSpan(0, rows * GateRows);

    /// <summary>dLoss/d(W_hh r_t + b_hh) of every row of the last backward pass (T × B × G·H), paired with the trace's feedback r_t.</summary>
    internal ReadOnlySpan<double> RecurrentGateDeltas(int rows) => _dgh.AsSpan(0, rows * GateRows);

    /// <summary>
    /// dLoss/dr_t of the last backward pass (T × B × feedback size; row block t is the feedback into step t, zero at
    /// t = 0) of a layer whose feedback is not its hidden state (Jordan: r_t = W h_{t−1} + b, the readout's own output),
    /// so an in-place update can pulse the readout with the rows (h_{t−1}, dLoss/dr_t).
    /// </summary>
    internal ReadOnlySpan<double> FeedbackDeltas(int rows) => FeedbackIsHidden ? default : _drAll.AsSpan(0, rows * FeedbackSize);

    /// <summary>True when the cell carries c_t besides h_t (LSTM).</summary>
    public virtual bool HasCellState => false;

    /// <summary>True when r_t = h_{t−1} (false for a Jordan layer, which feeds back its output).</summary>
    protected virtual bool FeedbackIsHidden => true;

    /// <summary>Values per (step, sequence) the cell keeps for its backward step.</summary>
    protected abstract int CacheWidth { get; }

    /// <summary>Zero state for <paramref name="batch"/> sequences.</summary>
    public virtual LayerState ZeroState(int batch) =>
        new(new double[batch * HiddenSize], HasCellState ? new double[batch * HiddenSize] : null);

    /// <summary>
    /// Runs T steps over inputs <paramref name="x"/> (T × B × input, time-major) from <paramref name="initial"/> (zero
    /// when null) and returns the trace (hidden states, caches, final state).
    /// </summary>
    public LayerTrace Forward(double[] x, int steps, int batch, LayerState? initial)
    {
        ArgumentNullException.ThrowIfNull(x);
        int n = steps * batch, g = GateRows, h = HiddenSize, f = FeedbackSize;
        initial ??= ZeroState(batch);
        var gx = Scratch.Ensure(ref _gx, n * g);
        InputWeights.Multiply(x.AsSpan(0, n * InputSize), gx.AsSpan(0, n * g), n);
        AddBias(gx.AsSpan(0, n * g), BiasIh.Value);
        var trace = new LayerTrace(steps, batch, x, Scratch.Ensure(ref _h, n * h), HasCellState ? Scratch.Ensure(ref _c, n * h) : null,
            Scratch.Ensure(ref _cache, Math.Max(1, n * CacheWidth)), Scratch.Ensure(ref _feedback, n * f), initial);
        var gh = Scratch.Ensure(ref _gh, batch * g).AsSpan(0, batch * g);
        int bh = batch * h, bf = batch * f, bg = batch * g, bw = batch * CacheWidth;
        for (var s = 0; s < steps; s++)
        {
            var r = trace.Feedback.AsSpan(s * bf, bf);
            ReadOnlySpan<double> hPrev = s == 0 ? initial.Hidden : trace.Hidden.AsSpan((s - 1) * bh, bh);
            ReadOnlySpan<double> cPrev = !HasCellState ? default : s == 0 ? initial.Cell : trace.Cell.AsSpan((s - 1) * bh, bh);
            if (s == 0)
            {
                initial.Feedback.AsSpan(0, bf).CopyTo(r);
            }
            else
            {
                ComputeFeedback(hPrev, r, batch);
            }

            RecurrentWeights.Multiply(r, gh, batch);
            AddBias(gh, BiasHh.Value);
            StepForward(gx.AsSpan(s * bg, bg), gh, hPrev, cPrev, trace.Hidden.AsSpan(s * bh, bh),
                HasCellState ? trace.Cell.AsSpan(s * bh, bh) : default, trace.Cache.AsSpan(s * bw, bw), batch);
        }

        var last = (steps - 1) * bh;
        var hFinal = trace.Hidden.AsSpan(last, bh).ToArray();
        var feedback = hFinal;
        if (!FeedbackIsHidden)
        {
            feedback = new double[bf];
            ComputeFeedback(hFinal, feedback, batch);
        }

        trace.Final = new LayerState(hFinal, HasCellState ? trace.Cell.AsSpan(last, bh).ToArray() : null, feedback);
        return trace;
    }

    /// <summary>
    /// Backpropagates through time: <paramref name="dHidden"/> holds dLoss/dh_t from above (T × B × H, overwritten);
    /// adds the parameter gradients and writes dLoss/dx_t into <paramref name="dInput"/> unless it is empty.
    /// The initial state is treated as a constant (truncated BPTT detaches it).
    /// </summary>
    public void Backward(LayerTrace trace, Span<double> dHidden, Span<double> dInput)
    {
        ArgumentNullException.ThrowIfNull(trace);
        int steps = trace.Steps, batch = trace.Batch, n = steps * batch, g = GateRows, h = HiddenSize, f = FeedbackSize;
        int bh = batch * h, bf = batch * f, bg = batch * g, bw = batch * CacheWidth;
        var dgx = Scratch.Ensure(ref _dgx, n * g);
        var dgh = Scratch.Ensure(ref _dgh, n * g);
        var dh = Scratch.Ensure(ref _dh, bh).AsSpan(0, bh);
        var dhNext = Scratch.Ensure(ref _dhNext, bh, clear: true).AsSpan(0, bh);
        var dc = HasCellState ? Scratch.Ensure(ref _dc, bh, clear: true).AsSpan(0, bh) : default;
        var dr = Scratch.Ensure(ref _dr, bf).AsSpan(0, bf);
        var drAll = FeedbackIsHidden ? null : Scratch.Ensure(ref _drAll, n * f, clear: true);
        for (var s = steps - 1; s >= 0; s--)
        {
            TensorPrimitives.Add(dHidden.Slice(s * bh, bh), dhNext, dh);
            ReadOnlySpan<double> hPrev = s == 0 ? trace.Initial.Hidden : trace.Hidden.AsSpan((s - 1) * bh, bh);
            ReadOnlySpan<double> cPrev = !HasCellState ? default : s == 0 ? trace.Initial.Cell : trace.Cell.AsSpan((s - 1) * bh, bh);
            var dgxs = dgx.AsSpan(s * bg, bg);
            var dghs = dgh.AsSpan(s * bg, bg);
            StepBackward(dh, dc, hPrev, cPrev, trace.Hidden.AsSpan(s * bh, bh), trace.Cache.AsSpan(s * bw, bw), dgxs, dghs, dhNext, batch);
            if (s > 0)
            {
                RecurrentWeights.MultiplyTransposed(dghs, dr, batch);
                if (drAll is not null)
                {
                    dr.CopyTo(drAll.AsSpan(s * bf, bf));
                }

                FeedbackBackward(dr, hPrev, dhNext, batch);
            }
        }

        Gemm.Multiply(true, false, g, InputSize, n, 1, dgx, g, trace.Input, InputSize, 1, WeightIh.Gradient, InputSize);
        Gemm.Multiply(true, false, g, f, n, 1, dgh, g, trace.Feedback, f, 1, WeightHh.Gradient, f);
        SumRows(dgx.AsSpan(0, n * g), BiasIh.Gradient);
        SumRows(dgh.AsSpan(0, n * g), BiasHh.Gradient);
        if (!dInput.IsEmpty)
        {
            InputWeights.MultiplyTransposed(dgx.AsSpan(0, n * g), dInput[..(n * InputSize)], n);
        }
    }

    /// <summary>
    /// One step forward for a batch: <paramref name="gx"/> = W_ih x + b_ih and <paramref name="gh"/> = W_hh r + b_hh
    /// (B × G·H each, gx may be overwritten); writes h (and c) and the cache.
    /// </summary>
    protected abstract void StepForward(Span<double> gx, ReadOnlySpan<double> gh, ReadOnlySpan<double> hPrev, ReadOnlySpan<double> cPrev,
        Span<double> hOut, Span<double> cOut, Span<double> cache, int batch);

    /// <summary>
    /// One step back: from dh (total gradient at h_t) and dc (gradient at c_t from the future; replaced by the gradient
    /// at c_{t−1}), writes dLoss/d(gx) and dLoss/d(gh) and the gradient reaching h_{t−1} directly (not through W_hh).
    /// </summary>
    protected abstract void StepBackward(ReadOnlySpan<double> dh, Span<double> dc, ReadOnlySpan<double> hPrev, ReadOnlySpan<double> cPrev,
        ReadOnlySpan<double> h, ReadOnlySpan<double> cache, Span<double> dgx, Span<double> dgh, Span<double> dhPrevDirect, int batch);

    /// <summary>r_{t+1} from h_t (B × H to B × feedback size): a copy, except in a Jordan network.</summary>
    protected virtual void ComputeFeedback(ReadOnlySpan<double> h, Span<double> r, int batch) => h.CopyTo(r);

    /// <summary>Adds dLoss/dh_{t−1} reached through r_t = feedback(h_{t−1}) to <paramref name="dhPrev"/>.</summary>
    protected virtual void FeedbackBackward(ReadOnlySpan<double> dr, ReadOnlySpan<double> hPrev, Span<double> dhPrev, int batch) =>
        TensorPrimitives.Add(dhPrev, dr, dhPrev);

    /// <summary>Adds <paramref name="bias"/> to every row of <paramref name="rows"/>.</summary>
    protected static void AddBias(Span<double> rows, ReadOnlySpan<double> bias)
    {
        for (var o = 0; o < rows.Length; o += bias.Length)
        {
            var row = rows.Slice(o, bias.Length);
            TensorPrimitives.Add(row, bias, row);
        }
    }

    /// <summary>Adds the sum of the rows of <paramref name="rows"/> to <paramref name="into"/>.</summary>
    internal static void SumRows(ReadOnlySpan<double> rows, Span<double> into)
    {
        for (var o = 0; o < rows.Length; o += into.Length)
        {
            TensorPrimitives.Add(into, rows.Slice(o, into.Length), into);
        }
    }
}
