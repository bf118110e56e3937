using Neuromorph.Networks.Sequence;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Networks.Memory;

/// <summary>
/// A neural Turing machine (Graves, Wayne &amp; Danihelka 2014, arXiv:1410.5401) with an LSTM controller, one write
/// head and one read head, run one sequence at a time and trained by hand-written backpropagation through time.
/// Per step t: the controller reads [x_t; r_{t−1}]; the write head addresses M_{t−1} and writes
/// M_t = M_{t−1} ∘ (1 − w eᵀ) + w aᵀ; the read head addresses M_t and reads r_t = wᵀ M_t;
/// y_t = σ(W_o [h_t; r_t] + b_o). Both weightings start one-hot on row 0, r_0 = 0, the memory a small constant.
/// Content addressing optionally adds Gaussian read noise to the cosine similarities (<see cref="ReadNoise"/>), the
/// error of an analog crossbar read of M relative to the row norms.
/// </summary>
public sealed partial class NtmModel
{
    private NtmModel(NtmModelSpec spec)
    {
        spec.Validate();
        Spec = spec;
        int h = spec.Hidden, u = spec.Inputs + spec.ReadWidth;
        WeightIh = new Parameter("controller.weight_ih", 4 * h, u);
        WeightHh = new Parameter("controller.weight_hh", 4 * h, h);
        Bias = new Parameter("controller.bias", 4 * h);
        WriteWeight = new Parameter("write_head.weight", spec.WriteHeadSize, h);
        WriteBias = new Parameter("write_head.bias", spec.WriteHeadSize);
        ReadWeight = new Parameter("read_head.weight", spec.ReadHeadSize, h);
        ReadBias = new Parameter("read_head.bias", spec.ReadHeadSize);
        OutputWeight = new Parameter("output.weight", spec.Outputs, h + spec.ReadWidth);
        OutputBias = new Parameter("output.bias", spec.Outputs);
        Parameters = spec.HasMemory ? [WeightIh, WeightHh, Bias, WriteWeight, WriteBias, ReadWeight, ReadBias, OutputWeight, OutputBias] : [WeightIh, WeightHh, Bias, OutputWeight, OutputBias];
    }

    /// <summary>The sizes.</summary>
    public NtmModelSpec Spec { get; }

    /// <summary>Controller input weights, 4H × (inputs + W) (4H × inputs without memory), gate blocks i, f, g, o.</summary>
    public Parameter WeightIh { get; }

    /// <summary>Controller recurrent weights, 4H × H.</summary>
    public Parameter WeightHh { get; }

    /// <summary>Controller bias, 4H (forget block initialised to 1).</summary>
    public Parameter Bias { get; }

    /// <summary>Write head, (3W + 6) × H.</summary>
    public Parameter WriteWeight { get; }

    /// <summary>Write head bias.</summary>
    public Parameter WriteBias { get; }

    /// <summary>Read head, (W + 6) × H.</summary>
    public Parameter ReadWeight { get; }

    /// <summary>Read head bias.</summary>
    public Parameter ReadBias { get; }

    /// <summary>Output layer, outputs × (H + W), acting on [h_t; r_t].</summary>
    public Parameter OutputWeight { get; }

    /// <summary>Output bias.</summary>
    public Parameter OutputBias { get; }

    /// <summary>Every parameter, in a fixed order (without the heads' for the memoryless baseline).</summary>
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>Total number of trainable values.</summary>
    public int ParameterCount => Parameters.Sum(p => p.Value.Length);

    /// <summary>
    /// Standard deviation of the Gaussian noise added to every cosine similarity of content addressing (0: exact),
    /// i.e. the analog error of the product k·M_i relative to |k| |M_i|; drawn from <see cref="NoiseStream"/>.
    /// </summary>
    public double ReadNoise { get; set; }

    /// <summary>Where read-noise draws come from (needed when <see cref="ReadNoise"/> &gt; 0).</summary>
    public RandomStream? NoiseStream { get; set; }

    /// <summary>How content addressing compares keys with memory rows (inference; training uses <see cref="KeyEncoding.Analog"/>).</summary>
    public KeyEncoding Keys { get; set; }

    /// <summary>A model with uniform(±1/√fan-in) weights drawn from <paramref name="seed"/>, forget bias 1.</summary>
    public static NtmModel Create(NtmModelSpec spec, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var model = new NtmModel(spec);
        var rng = new RandomStream(seed);
        foreach (var p in model.Parameters)
        {
            var fanIn = p.IsMatrix ? p.Columns : spec.Hidden;
            var bound = 1 / Math.Sqrt(fanIn);
            for (var i = 0; i < p.Value.Length; i++)
            {
                p.Value[i] = p == model.Bias || p == model.WriteBias || p == model.ReadBias || p == model.OutputBias ? 0 : rng.NextDouble(-bound, bound);
            }
        }

        for (var j = 0; j < spec.Hidden; j++)
        {
            model.Bias.Value[spec.Hidden + j] = 1;
        }

        return model;
    }

    /// <summary>An untrained model of the given sizes whose values are then filled in (model files).</summary>
    public static NtmModel Empty(NtmModelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new NtmModel(spec);
    }

    /// <summary>Sets every gradient to zero.</summary>
    public void ZeroGradients()
    {
        foreach (var p in Parameters)
        {
            Array.Clear(p.Gradient);
        }
    }
}
