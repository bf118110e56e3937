using System.Numerics.Tensors;
using Neuromorph.Networks.Sequence.Cells;

namespace Neuromorph.Networks.Sequence.Rtrl;

/// <summary>
/// Real-time recurrent learning (Williams &amp; Zipser 1989) for a <see cref="SequenceModel"/>: exact gradients of a loss
/// summed over time, computed forward in time. For every layer and sequence of the batch it carries the sensitivity
/// matrices S_t = dh_t/dθ (and dc_t/dθ for an LSTM), H × P over all P recurrent parameters, updated at every step from
/// the cell's Jacobians: with gate pre-activations a_t = W_ih x_t + b_ih + W_hh h_{t−1} + b_hh,
/// da_t/dθ = W_hh S_{t−1} + W_ih dx_t/dθ + ∂a_t/∂θ (the last term holds x_t, h_{t−1} and ones in the columns of the
/// layer's own weights), and S_t follows from da_t/dθ through the cell's gates (<see cref="CellSensitivity"/>). A loss
/// gradient dL/dy_t reaching the readout y_t = W h_t + b adds (Wᵀ dL/dy_t)ᵀ S_t to the recurrent gradients and
/// dL/dy_t h_tᵀ to the readout's, so dL/dθ is known after every step, with no stored history. The cost per step and
/// sequence is O(G·H·H·P) = O(H⁴) for the product W_hh S_{t−1}, against BPTT's O(H²). The initial state is a
/// constant (its sensitivity is zero), as BPTT treats it. Parameters may change between steps (online learning); the
/// sensitivities then carry the usual RTRL approximation of the past.
/// </summary>
public sealed class RtrlGradient
{
    private readonly SequenceModel _model;
    private readonly ParameterLayout _layout;
    private double[][] _h = [], _hNext = [], _c = [], _cNext = [];
    private double[] _ax = [], _ah = [], _x = [], _gh = [], _g = [];
    private ModelTrace? _trace;

    /// <summary>Prepares RTRL for <paramref name="model"/>; throws <see cref="ArgumentException"/> for a model it does not handle (<see cref="RtrlSupport.Refusal"/>).</summary>
    public RtrlGradient(SequenceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (RtrlSupport.Refusal(model.Spec) is { } reason)
        {
            throw new ArgumentException(reason, nameof(model));
        }

        _model = model;
        _layout = new ParameterLayout(model);
    }

    /// <summary>P, the number of recurrent parameters (columns of every sensitivity matrix).</summary>
    public int SensitivityColumns => _layout.Count;

    /// <summary>B, the number of sequences run side by side since the last <see cref="Reset"/>.</summary>
    public int Batch { get; private set; }

    /// <summary>The model's state after the last step (null before the first).</summary>
    public ModelState? State { get; private set; }

    /// <summary>The outputs of the last step, B × outputs (valid until the next step).</summary>
    public ReadOnlySpan<double> Outputs => _trace is null ? default : _trace.Outputs.AsSpan(0, Batch * _model.Spec.OutputSize);

    /// <summary>dh_t/dθ of layer <paramref name="layer"/> for sequence <paramref name="sequence"/> after the last step, H × P row-major.</summary>
    public ReadOnlySpan<double> HiddenSensitivity(int layer, int sequence)
    {
        var hp = _model.Spec.HiddenSize * _layout.Count;
        return _h[layer].AsSpan(sequence * hp, hp);
    }

    /// <summary>Starts <paramref name="batch"/> new sequences from <paramref name="initial"/> (zero when null): zero sensitivities.</summary>
    public void Reset(int batch, ModelState? initial = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batch);
        var spec = _model.Spec;
        int hp = spec.HiddenSize * _layout.Count, layers = _model.Layers.Count, gp = spec.Gates * spec.HiddenSize * _layout.Count;
        if (batch != Batch || _h.Length != layers)
        {
            _h = [.. Enumerable.Range(0, layers).Select(_ => new double[batch * hp])];
            _hNext = [.. Enumerable.Range(0, layers).Select(_ => new double[batch * hp])];
            var cells = _model.Layers[0].HasCellState ? layers : 0;
            _c = [.. Enumerable.Range(0, cells).Select(_ => new double[batch * hp])];
            _cNext = [.. Enumerable.Range(0, cells).Select(_ => new double[batch * hp])];
            _ax = new double[gp];
            _ah = new double[gp];
            _x = new double[batch * spec.InputSize];
            _gh = new double[spec.HiddenSize];
            _g = new double[_layout.Count];
        }
        else
        {
            foreach (var a in _h.Concat(_c))
            {
                Array.Clear(a);
            }
        }

        Batch = batch;
        State = initial;
        _trace = null;
    }

    /// <summary>
    /// Runs one step of every sequence on inputs <paramref name="x"/> (B × input) with the current parameters, updates
    /// the sensitivities and returns the outputs (B × outputs, valid until the next step).
    /// </summary>
    public ReadOnlySpan<double> Step(ReadOnlySpan<double> x)
    {
        if (Batch == 0)
        {
            throw new InvalidOperationException("call Reset before the first step");
        }

        var spec = _model.Spec;
        x[..(Batch * spec.InputSize)].CopyTo(_x);
        var trace = _model.Forward(_x, 1, Batch, State);
        for (var l = 0; l < _model.Layers.Count; l++)
        {
            var layer = _model.Layers[l];
            var lt = trace.Layers[l];
            for (var b = 0; b < Batch; b++)
            {
                StepLayer(l, layer, lt, b);
            }
        }

        (_h, _hNext) = (_hNext, _h);
        (_c, _cNext) = (_cNext, _c);
        _trace = trace;
        State = trace.Final;
        return Outputs;
    }

    /// <summary>
    /// Adds the gradient of a loss term that depends on this step's outputs, given dL/dy_t (<paramref name="dy"/>,
    /// B × outputs): the readout's weight and bias gradients and every recurrent parameter's.
    /// </summary>
    public void Accumulate(ReadOnlySpan<double> dy)
    {
        if (_trace is null)
        {
            throw new InvalidOperationException("no step to take a gradient of");
        }

        var spec = _model.Spec;
        int h = spec.HiddenSize, o = spec.OutputSize, p = _layout.Count, top = _model.Layers.Count - 1;
        var readout = _model.Readout;
        var hidden = _trace.Layers[top].Hidden;
        readout.Backward(dy[..(Batch * o)], hidden, default, Batch);
        Array.Clear(_g);
        for (var b = 0; b < Batch; b++)
        {
            // dL/dh_t = Wᵀ dy, then dL/dθ += (dL/dh_t)ᵀ S_t
            _model.Gemm.Multiply(false, false, 1, h, o, 1, dy.Slice(b * o, o), o, readout.Weight.Value, h, 0, _gh, h);
            _model.Gemm.Multiply(false, false, 1, p, h, 1, _gh, h, _h[top].AsSpan(b * h * p, h * p), p, 1, _g, p);
        }

        _layout.AddToGradients(_g);
    }

    private void StepLayer(int l, RecurrentLayer layer, LayerTrace lt, int b)
    {
        int h = layer.HiddenSize, gr = layer.GateRows, inputs = layer.InputSize, p = _layout.Count, hp = h * p, gp = gr * p;
        var ax = _ax.AsSpan(0, gp);
        var ah = _ah.AsSpan(0, gp);
        var hPrevSens = _h[l].AsSpan(b * hp, hp);
        var gemm = _model.Gemm;

        // AH = W_hh S_{t−1}; AX = W_ih dx_t/dθ (the layer below's new sensitivity), zero for the first layer
        gemm.Multiply(false, false, gr, p, h, 1, layer.WeightHh.Value, h, hPrevSens, p, 0, ah, p);
        if (l == 0)
        {
            ax.Clear();
        }
        else
        {
            gemm.Multiply(false, false, gr, p, inputs, 1, layer.WeightIh.Value, inputs, _hNext[l - 1].AsSpan(b * hp, hp), p, 0, ax, p);
        }

        // the explicit dependence of the pre-activations on the layer's own parameters
        var x = lt.Input.AsSpan(b * inputs, inputs);
        var hPrev = lt.Initial.Hidden.AsSpan(b * h, h);
        int wih = _layout.Offsets[l], whh = wih + (gr * inputs), bih = whh + (gr * h), bhh = bih + gr;
        for (var k = 0; k < gr; k++)
        {
            var rx = ax.Slice(k * p, p);
            var rh = ah.Slice(k * p, p);
            var sx = rx.Slice(wih + (k * inputs), inputs);
            TensorPrimitives.Add(sx, x, sx);
            var sh = rh.Slice(whh + (k * h), h);
            TensorPrimitives.Add(sh, hPrev, sh);
            rx[bih + k] += 1;
            rh[bhh + k] += 1;
        }

        var hSens = _hNext[l].AsSpan(b * hp, hp);
        switch (_model.Spec.Cell)
        {
            case CellType.Lstm:
                CellSensitivity.Lstm(lt.Cache.AsSpan(b * 5 * h, 5 * h), lt.Initial.Cell.AsSpan(b * h, h), ax, ah,
                    _c[l].AsSpan(b * hp, hp), _cNext[l].AsSpan(b * hp, hp), hSens, h, p);
                break;
            case CellType.Gru:
                CellSensitivity.Gru(lt.Cache.AsSpan(b * 4 * h, 4 * h), hPrev, ax, ah, hPrevSens, hSens, h, p);
                break;
            default:
                CellSensitivity.Elman(_model.Spec.Cell == CellType.RnnRelu, lt.Hidden.AsSpan(b * h, h), ax, ah, hSens, h, p);
                break;
        }
    }
}
