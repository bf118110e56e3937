using Neuromorph.Compute;
using Neuromorph.Networks.Sequence.Cells;
using Neuromorph.Numerics;
using Neuromorph.Numerics.Dense;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Networks.Sequence;

/// <summary>
/// A stack of recurrent layers with a linear readout at every step, parameterised exactly as PyTorch's
/// torch.nn.RNN/LSTM/GRU followed by torch.nn.Linear (same names, shapes and equations), so weights move between
/// the two. Sequences are batched time-major: x is T × B × input, outputs T × B × outputs. Every weight matrix is
/// used through an <see cref="IWeightSubstrate"/>, ideal by default, rebindable to hardware with
/// <see cref="BindWeights"/>. A bidirectional model (<see cref="SequenceModelSpec.Bidirectional"/>) runs each layer's
/// reverse direction over the time-reversed sequence and concatenates the two outputs [forward, reverse] per step, as
/// PyTorch's <c>bidirectional=True</c> does.
/// </summary>
public sealed class SequenceModel
{
    private double[]? _outputs, _dA, _dB, _summary, _dSummary, _dForward, _dReverse, _dxReverse, _readoutInput;
    private double[]?[]? _concat, _reversedInput;

    /// <summary>Creates a model with zero parameters.</summary>
    public SequenceModel(SequenceModelSpec spec, IGemm? gemm = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        Spec = spec;
        Gemm = gemm ?? CpuGemm.Shared;
        Readout = new Readout(spec.LayerOutputSize, spec.OutputSize, Gemm);
        var layers = new List<RecurrentLayer>();
        for (var l = 0; l < spec.Layers; l++)
        {
            var input = l == 0 ? spec.InputSize : spec.LayerOutputSize;
            for (var d = 0; d < spec.Directions; d++)
            {
                var reverse = d == 1;
                layers.Add(spec.Cell switch
                {
                    CellType.RnnTanh => new ElmanLayer(l, input, spec.HiddenSize, relu: false, Gemm, reverse),
                    CellType.RnnRelu => new ElmanLayer(l, input, spec.HiddenSize, relu: true, Gemm, reverse),
                    CellType.Jordan => new JordanLayer(input, spec.HiddenSize, Readout, Gemm),
                    CellType.Lstm => new LstmLayer(l, input, spec.HiddenSize, Gemm, reverse),
                    CellType.Gru => new GruLayer(l, input, spec.HiddenSize, Gemm, reverse),
                    _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Cell, "unknown cell type"),
                });
            }
        }

        Layers = layers;
        Parameters = [.. layers.SelectMany(l => l.Parameters), Readout.Weight, Readout.Bias];
    }

    /// <summary>The model's shape.</summary>
    public SequenceModelSpec Spec { get; }

    /// <summary>
    /// The recurrent layers, bottom first; in a bidirectional model each layer's forward direction is followed by its
    /// reverse direction (PyTorch's order: l0, l0_reverse, l1, l1_reverse ...).
    /// </summary>
    public IReadOnlyList<RecurrentLayer> Layers { get; }

    /// <summary>The linear readout.</summary>
    public Readout Readout { get; }

    /// <summary>
    /// Every parameter in PyTorch's order (weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0, [weight_ih_l0_reverse, ...],
    /// ..., weight, bias).
    /// </summary>
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>
    /// Many-to-one readout of a bidirectional model: when set, the output at the last step is W [h_fwd(T−1), h_rev(0)] + b,
    /// the readout of h_n of the top layer's two directions (each direction's state after reading the whole sequence,
    /// the usual PyTorch practice), instead of W [h_fwd(T−1), h_rev(T−1)] + b, whose reverse half has seen only the
    /// last input. The other steps' outputs are unchanged. Runs whose targets come at the final step set it; a
    /// unidirectional model ignores it (its last output already reads h_n).
    /// </summary>
    public bool ManyToOne { get; set; }

    /// <summary>The GEMM the model's products and gradients use.</summary>
    public IGemm Gemm { get; }

    /// <summary>Number of scalar parameters.</summary>
    public int ParameterCount => Parameters.Sum(p => p.Value.Length);

    /// <summary>
    /// A model initialised as PyTorch initialises it: every recurrent weight and bias uniform in ±1/√H, the readout's
    /// weight and bias uniform in ±1/√(fan-in) (kaiming_uniform with a = √5). Seeded, so a seed reproduces a model.
    /// </summary>
    public static SequenceModel Create(SequenceModelSpec spec, ulong seed, IGemm? gemm = null)
    {
        var model = new SequenceModel(spec, gemm);
        var rng = new RandomStream(seed);
        var k = 1 / Math.Sqrt(spec.HiddenSize);
        foreach (var p in model.Parameters)
        {
            for (var i = 0; i < p.Value.Length; i++)
            {
                p.Value[i] = k * ((2 * rng.NextDouble()) - 1);
            }
        }

        return model;
    }

    /// <summary>The parameter called <paramref name="name"/>, or null.</summary>
    public Parameter? Find(string name) => Parameters.FirstOrDefault(p => p.Name == name);

    /// <summary>Sets every gradient to zero.</summary>
    public void ZeroGradients()
    {
        foreach (var p in Parameters)
        {
            Array.Clear(p.Gradient);
        }
    }

    /// <summary>A copy of every parameter's values (to restore the best or last good model).</summary>
    public double[][] Snapshot() => [.. Parameters.Select(p => (double[])p.Value.Clone())];

    /// <summary>Restores values taken by <see cref="Snapshot"/>.</summary>
    public void Restore(double[][] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        for (var i = 0; i < Parameters.Count; i++)
        {
            values[i].CopyTo(Parameters[i].Value, 0);
        }
    }

    /// <summary>
    /// Binds every weight matrix (W_ih, W_hh of each layer, the readout W) to the substrate <paramref name="factory"/>
    /// makes from it; null binds the ideal weights again. Biases stay digital.
    /// </summary>
    public void BindWeights(Func<Parameter, IWeightSubstrate>? factory)
    {
        IWeightSubstrate Make(Parameter p) => factory?.Invoke(p) ?? new GemmWeights(p, Gemm);
        foreach (var l in Layers)
        {
            l.InputWeights = Make(l.WeightIh);
            l.RecurrentWeights = Make(l.WeightHh);
        }

        Readout.Weights = Make(Readout.Weight);
    }

    /// <summary>
    /// Zero state for a batch of <paramref name="batch"/> sequences: one state per layer and direction, in PyTorch's h_0
    /// order (l0, l0_reverse, l1 ...). A reverse direction's state is the one it starts from at the last step.
    /// </summary>
    public ModelState ZeroState(int batch) => new([.. Layers.Select(l => l.ZeroState(batch))]);

    /// <summary>
    /// Runs the model over <paramref name="x"/> (T × B × input, time-major) from <paramref name="initial"/> (zero when
    /// null). The trace's outputs (T × B × outputs) and layer traces are valid until the next forward pass. Its final
    /// state is PyTorch's h_n (and c_n): per layer and direction, a reverse direction's after it has read step 0.
    /// </summary>
    public ModelTrace Forward(double[] x, int steps, int batch, ModelState? initial = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batch);
        if (x.Length < steps * batch * Spec.InputSize)
        {
            throw new ArgumentException($"x holds {x.Length} values, T × B × input = {steps * batch * Spec.InputSize}", nameof(x));
        }

        if (Spec.Bidirectional)
        {
            return ForwardBidirectional(x, steps, batch, initial);
        }

        var traces = new LayerTrace[Layers.Count];
        var input = x;
        for (var l = 0; l < Layers.Count; l++)
        {
            traces[l] = Layers[l].Forward(input, steps, batch, initial?.Layers[l]);
            input = traces[l].Hidden;
        }

        int rows = steps * batch, o = Spec.OutputSize;
        var y = Scratch.Ensure(ref _outputs, rows * o);
        if (Spec.Cell == CellType.Jordan)
        {
            // the outputs are the values fed back: y_t = r_{t+1}, the last one is the final feedback
            var top = traces[^1];
            Array.Copy(top.Feedback, batch * o, y, 0, (rows - batch) * o);
            Array.Copy(top.Final.Feedback, 0, y, (rows - batch) * o, batch * o);
        }
        else
        {
            Readout.Forward(input, y, rows);
        }

        return new ModelTrace(steps, batch, traces, y, new ModelState([.. traces.Select(t => t.Final)]));
    }

    /// <summary>
    /// Backpropagation through time from dLoss/dy (<paramref name="dOutputs"/>, T × B × outputs): adds every
    /// parameter's gradient. The initial state is a constant (truncated BPTT detaches it).
    /// </summary>
    public void Backward(ModelTrace trace, ReadOnlySpan<double> dOutputs)
    {
        ArgumentNullException.ThrowIfNull(trace);
        if (Spec.Bidirectional)
        {
            BackwardBidirectional(trace, dOutputs);
            return;
        }

        var rows = trace.Steps * trace.Batch;
        var n = rows * Spec.HiddenSize;
        var dh = Scratch.Ensure(ref _dA, n);
        Readout.Backward(dOutputs[..(rows * Spec.OutputSize)], trace.Layers[^1].Hidden, dh.AsSpan(0, n), rows);
        var intoB = true;
        for (var l = Layers.Count - 1; l >= 0; l--)
        {
            // layers above the first take H inputs, so two buffers of T × B × H alternate as dh and dx
            var dx = l == 0 ? null : intoB ? Scratch.Ensure(ref _dB, n) : Scratch.Ensure(ref _dA, n);
            Layers[l].Backward(trace.Layers[l], dh.AsSpan(0, n), dx is null ? default : dx.AsSpan(0, n));
            dh = dx!;
            intoB = !intoB;
        }
    }

    /// <summary>
    /// The rows the readout read in the forward pass that gave <paramref name="trace"/> (steps × batch rows of
    /// <see cref="SequenceModelSpec.LayerOutputSize"/>): the top layer's hidden states, or for a bidirectional model the
    /// concatenated [forward, reverse] states, whose last step is h_n of both directions in a many-to-one model. Valid
    /// until the next forward pass; an in-place update reads it to pulse the readout's weights.
    /// </summary>
    public ReadOnlySpan<double> ReadoutInputs(ModelTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        if (!Spec.Bidirectional)
        {
            return trace.Layers[^1].Hidden;
        }

        int rows = trace.Steps * trace.Batch, w = Spec.LayerOutputSize;
        var input = Scratch.Ensure(ref _readoutInput, rows * w);
        Array.Copy(_concat![Spec.Layers - 1]!, input, rows * w);
        if (ManyToOne)
        {
            Array.Copy(_summary!, 0, input, (rows - trace.Batch) * w, trace.Batch * w);
        }

        return input.AsSpan(0, rows * w);
    }

    private ModelTrace ForwardBidirectional(double[] x, int steps, int batch, ModelState? initial)
    {
        int layers = Spec.Layers, h = Spec.HiddenSize, w = Spec.LayerOutputSize, rows = steps * batch, o = Spec.OutputSize;
        _concat ??= new double[layers][];
        _reversedInput ??= new double[layers][];
        var traces = new LayerTrace[Layers.Count];
        var input = x;
        for (var l = 0; l < layers; l++)
        {
            RecurrentLayer forward = Layers[2 * l], reverse = Layers[(2 * l) + 1];
            var width = forward.InputSize;
            var tf = forward.Forward(input, steps, batch, initial?.Layers[2 * l]);
            var reversed = Scratch.Ensure(ref _reversedInput[l], rows * width);
            ReverseSteps(input, reversed, steps, batch * width);
            var tr = reverse.Forward(reversed, steps, batch, initial?.Layers[(2 * l) + 1]);
            var concat = Scratch.Ensure(ref _concat[l], rows * w);
            for (var t = 0; t < steps; t++)
            {
                for (var b = 0; b < batch; b++)
                {
                    var at = ((t * batch) + b) * w;
                    Array.Copy(tf.Hidden, ((t * batch) + b) * h, concat, at, h);
                    Array.Copy(tr.Hidden, ((((steps - 1 - t) * batch) + b) * h), concat, at + h, h);
                }
            }

            (traces[2 * l], traces[(2 * l) + 1]) = (tf, tr);
            input = concat;
        }

        var y = Scratch.Ensure(ref _outputs, rows * o);
        if (ManyToOne)
        {
            // the last step reads h_n: the forward direction after step T − 1, the reverse one after step 0
            var every = rows - batch;
            if (every > 0)
            {
                Readout.Forward(input, y, every);
            }

            var summary = Scratch.Ensure(ref _summary, batch * w);
            for (var b = 0; b < batch; b++)
            {
                Array.Copy(input, (every + b) * w, summary, b * w, h);
                Array.Copy(input, (b * w) + h, summary, (b * w) + h, h);
            }

            Readout.Forward(summary.AsSpan(0, batch * w), y.AsSpan(every * o, batch * o), batch);
        }
        else
        {
            Readout.Forward(input, y, rows);
        }

        return new ModelTrace(steps, batch, traces, y, new ModelState([.. traces.Select(t => t.Final)]));
    }

    private void BackwardBidirectional(ModelTrace trace, ReadOnlySpan<double> dOutputs)
    {
        int steps = trace.Steps, batch = trace.Batch, rows = steps * batch, h = Spec.HiddenSize, w = Spec.LayerOutputSize, o = Spec.OutputSize;
        var top = _concat![Spec.Layers - 1]!;
        var dConcat = Scratch.Ensure(ref _dA, rows * w);
        if (ManyToOne)
        {
            var every = rows - batch;
            if (every > 0)
            {
                Readout.Backward(dOutputs[..(every * o)], top, dConcat.AsSpan(0, every * w), every);
            }

            var dSummary = Scratch.Ensure(ref _dSummary, batch * w);
            Readout.Backward(dOutputs.Slice(every * o, batch * o), _summary, dSummary.AsSpan(0, batch * w), batch);
            for (var b = 0; b < batch; b++)
            {
                Array.Copy(dSummary, b * w, dConcat, (every + b) * w, h);
                Array.Clear(dConcat, ((every + b) * w) + h, h);
            }

            for (var b = 0; b < batch; b++)
            {
                var into = dConcat.AsSpan((b * w) + h, h);
                System.Numerics.Tensors.TensorPrimitives.Add(into, dSummary.AsSpan((b * w) + h, h), into);
            }
        }
        else
        {
            Readout.Backward(dOutputs[..(rows * o)], top, dConcat.AsSpan(0, rows * w), rows);
        }

        var intoB = true;
        for (var l = Spec.Layers - 1; l >= 0; l--)
        {
            RecurrentLayer forward = Layers[2 * l], reverse = Layers[(2 * l) + 1];
            var dForward = Scratch.Ensure(ref _dForward, rows * h);
            var dReverse = Scratch.Ensure(ref _dReverse, rows * h);
            for (var t = 0; t < steps; t++)
            {
                for (var b = 0; b < batch; b++)
                {
                    var at = ((t * batch) + b) * w;
                    Array.Copy(dConcat, at, dForward, ((t * batch) + b) * h, h);
                    Array.Copy(dConcat, at + h, dReverse, (((steps - 1 - t) * batch) + b) * h, h);
                }
            }

            if (l == 0)
            {
                forward.Backward(trace.Layers[0], dForward.AsSpan(0, rows * h), default);
                reverse.Backward(trace.Layers[1], dReverse.AsSpan(0, rows * h), default);
                break;
            }

            var width = forward.InputSize;
            var dx = intoB ? Scratch.Ensure(ref _dB, rows * width) : Scratch.Ensure(ref _dA, rows * width);
            var dxReverse = Scratch.Ensure(ref _dxReverse, rows * width);
            forward.Backward(trace.Layers[2 * l], dForward.AsSpan(0, rows * h), dx.AsSpan(0, rows * width));
            reverse.Backward(trace.Layers[(2 * l) + 1], dReverse.AsSpan(0, rows * h), dxReverse.AsSpan(0, rows * width));
            var block = batch * width;
            for (var t = 0; t < steps; t++)
            {
                var into = dx.AsSpan(t * block, block);
                System.Numerics.Tensors.TensorPrimitives.Add(into, dxReverse.AsSpan((steps - 1 - t) * block, block), into);
            }

            dConcat = dx;
            intoB = !intoB;
        }
    }

    /// <summary>Copies <paramref name="steps"/> blocks of <paramref name="block"/> values in reverse order.</summary>
    private static void ReverseSteps(double[] source, double[] target, int steps, int block)
    {
        for (var t = 0; t < steps; t++)
        {
            Array.Copy(source, t * block, target, (steps - 1 - t) * block, block);
        }
    }
}
