using Neuromorph.Networks.Sequence.Cells;
using Neuromorph.Numerics.Dense;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Networks.Sequence;

/// <summary>
/// A stack of recurrent layers with a linear readout at every step, parameterised exactly as PyTorch's
/// torch.nn.RNN/LSTM/GRU followed by torch.nn.Linear (same names, shapes and equations), so weights move between
/// the two. Sequences are batched time-major: x is T × B × input, outputs T × B × outputs. Every weight matrix is
/// used through an <see cref="IWeightSubstrate"/>, ideal by default, rebindable to hardware with
/// <see cref="BindWeights"/>.
/// </summary>
public sealed class SequenceModel
{
    private double[]? _outputs, _dA, _dB;

    /// <summary>Creates a model with zero parameters.</summary>
    public SequenceModel(SequenceModelSpec spec, IGemm? gemm = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        Spec = spec;
        Gemm = gemm ?? CpuGemm.Shared;
        Readout = new Readout(spec.HiddenSize, spec.OutputSize, Gemm);
        var layers = new List<RecurrentLayer>();
        for (var l = 0; l < spec.Layers; l++)
        {
            var input = l == 0 ? spec.InputSize : spec.HiddenSize;
            layers.Add(spec.Cell switch
            {
                CellType.RnnTanh => new ElmanLayer(l, input, spec.HiddenSize, relu: false, Gemm),
                CellType.RnnRelu => new ElmanLayer(l, input, spec.HiddenSize, relu: true, Gemm),
                CellType.Jordan => new JordanLayer(input, spec.HiddenSize, Readout, Gemm),
                CellType.Lstm => new LstmLayer(l, input, spec.HiddenSize, Gemm),
                CellType.Gru => new GruLayer(l, input, spec.HiddenSize, Gemm),
                _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Cell, "unknown cell type"),
            });
        }

        Layers = layers;
        Parameters = [.. layers.SelectMany(l => l.Parameters), Readout.Weight, Readout.Bias];
    }

    /// <summary>The model's shape.</summary>
    public SequenceModelSpec Spec { get; }

    /// <summary>The recurrent layers, bottom first.</summary>
    public IReadOnlyList<RecurrentLayer> Layers { get; }

    /// <summary>The linear readout.</summary>
    public Readout Readout { get; }

    /// <summary>Every parameter in PyTorch's order (weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0, ..., weight, bias).</summary>
    public IReadOnlyList<Parameter> Parameters { get; }

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

    /// <summary>Zero state for a batch of <paramref name="batch"/> sequences.</summary>
    public ModelState ZeroState(int batch) => new([.. Layers.Select(l => l.ZeroState(batch))]);

    /// <summary>
    /// Runs the model over <paramref name="x"/> (T × B × input, time-major) from <paramref name="initial"/> (zero when
    /// null). The trace's outputs (T × B × outputs) and layer traces are valid until the next forward pass.
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
}
