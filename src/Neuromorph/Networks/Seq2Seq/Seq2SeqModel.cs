using Neuromorph.Compute;
using Neuromorph.Networks.Sequence;
using Neuromorph.Networks.Sequence.Cells;
using Neuromorph.Numerics.Dense;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Networks.Seq2Seq;

/// <summary>
/// An encoder–decoder with attention (Bahdanau, Cho and Bengio 2015; Luong, Pham and Manning 2015). The encoder, one
/// recurrent layer of the sequence models (<see cref="RecurrentLayer"/>), reads the one-hot source tokens; its hidden
/// states h_1 … h_{T_s} are the attention keys and its last one the decoder's first state s_0. At step t the decoder
/// scores s_{t−1} against every h_i, α = softmax(scores), context c_t = Σ_i α_i h_i, then
/// s_t = GRU([one-hot y_{t−1}; c_t], s_{t−1}) and logits_t = W_out [s_t; c_t] + b_out, y_{−1} being the start token.
/// Parameters carry PyTorch-like names (<c>encoder.weight_ih_l0</c>, <c>decoder.weight_ih</c>, <c>attention.…</c>,
/// <c>out.weight</c>), and every weight matrix's products go through an <see cref="IWeightSubstrate"/>
/// (<see cref="BindWeights"/>: ideal or crossbars).
/// </summary>
public sealed partial class Seq2SeqModel
{
    /// <summary>Creates a model with zero parameters; throws <see cref="ArgumentException"/> for sizes that do not fit together.</summary>
    public Seq2SeqModel(Seq2SeqModelSpec spec, IGemm? gemm = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(spec));
        }

        Spec = spec;
        Gemm = gemm ?? CpuGemm.Shared;
        int v = spec.Vocabulary, h = spec.DecoderHidden, k = spec.KeySize;
        Encoder = EncoderLayer(spec, false);
        ReverseEncoder = spec.Bidirectional ? EncoderLayer(spec, true) : null;
        Attention = spec.Attention == AttentionKind.Additive
            ? new AdditiveAttention(h, k, spec.AttentionSize, Gemm)
            : new MultiplicativeAttention(h, k, Gemm);
        Decoder = new DecoderCell(v + k, h, Gemm);
        Output = new OutputLayer(h + k, v, Gemm);
        IReadOnlyList<Parameter> encoder = [.. Encoder.Parameters, .. ReverseEncoder?.Parameters ?? []];
        Parameters = [.. encoder, .. Decoder.Parameters, .. Attention.Parameters, Output.Weight, Output.Bias];
        ParameterNames = [.. encoder.Select(p => $"encoder.{p.Name}"), .. Parameters.Skip(encoder.Count).Select(p => p.Name)];
    }

    /// <summary>The sizes.</summary>
    public Seq2SeqModelSpec Spec { get; }

    /// <summary>The GEMM of weight gradients and ideal products.</summary>
    public IGemm Gemm { get; }

    /// <summary>The encoder layer.</summary>
    public RecurrentLayer Encoder { get; }

    /// <summary>The encoder's reverse direction (bidirectional encoders only; parameters <c>encoder.weight_ih_l0_reverse</c> ...).</summary>
    public RecurrentLayer? ReverseEncoder { get; }

    /// <summary>The attention module.</summary>
    public Attention Attention { get; }

    /// <summary>The decoder's GRU cell.</summary>
    public DecoderCell Decoder { get; }

    /// <summary>The output layer.</summary>
    public OutputLayer Output { get; }

    /// <summary>Every parameter: encoder, decoder, attention, output.</summary>
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>The model-file name of each parameter (same order as <see cref="Parameters"/>).</summary>
    public IReadOnlyList<string> ParameterNames { get; }

    /// <summary>Total number of parameter values.</summary>
    public int ParameterCount => Parameters.Sum(p => p.Value.Length);

    /// <summary>
    /// A model with PyTorch's default initialisation: recurrent parameters uniform in ±1/√H, linear weights (attention,
    /// output) and the output bias uniform in ±1/√fan-in; <paramref name="seed"/> fixes the draws.
    /// </summary>
    public static Seq2SeqModel Create(Seq2SeqModelSpec spec, ulong seed, IGemm? gemm = null)
    {
        var model = new Seq2SeqModel(spec, gemm);
        var rng = new RandomStream(seed);
        var recurrent = model.Encoder.Parameters.Concat(model.ReverseEncoder?.Parameters ?? []).Concat(model.Decoder.Parameters).ToHashSet();
        foreach (var p in model.Parameters)
        {
            var fanIn = recurrent.Contains(p) ? spec.DecoderHidden : ReferenceEquals(p, model.Output.Bias) ? model.Output.Weight.Columns : p.Columns;
            var bound = 1 / Math.Sqrt(fanIn);
            for (var i = 0; i < p.Value.Length; i++)
            {
                p.Value[i] = bound * ((2 * rng.NextDouble()) - 1);
            }
        }

        return model;
    }

    /// <summary>The parameter whose model-file name is <paramref name="name"/>, or null.</summary>
    public Parameter? Find(string name)
    {
        var i = ParameterNames.ToList().IndexOf(name);
        return i >= 0 ? Parameters[i] : null;
    }

    /// <summary>Sets every gradient to zero.</summary>
    public void ZeroGradients()
    {
        foreach (var p in Parameters)
        {
            Array.Clear(p.Gradient);
        }
    }

    /// <summary>
    /// Points every weight matrix (encoder W_ih and W_hh, decoder W_ih and W_hh, the attention matrices, W_out) at the
    /// substrate <paramref name="factory"/> makes for it, in that order; null restores the ideal weights. Biases stay
    /// digital. Embeddings are one-hot products with W_ih, so they run on the same arrays.
    /// </summary>
    public void BindWeights(Func<Parameter, IWeightSubstrate>? factory)
    {
        IWeightSubstrate Make(Parameter p) => factory?.Invoke(p) ?? new GemmWeights(p, Gemm);
        Encoder.InputWeights = Make(Encoder.WeightIh);
        Encoder.RecurrentWeights = Make(Encoder.WeightHh);
        if (ReverseEncoder is { } reverse)
        {
            reverse.InputWeights = Make(reverse.WeightIh);
            reverse.RecurrentWeights = Make(reverse.WeightHh);
        }

        Decoder.InputWeights = Make(Decoder.WeightIh);
        Decoder.RecurrentWeights = Make(Decoder.WeightHh);
        Attention.BindWeights(Make);
        Output.Weights = Make(Output.Weight);
    }

    private RecurrentLayer EncoderLayer(Seq2SeqModelSpec spec, bool reverse) => spec.EncoderCell switch
    {
        CellType.Lstm => new LstmLayer(0, spec.Vocabulary, spec.EncoderHidden, Gemm, reverse),
        CellType.Gru => new GruLayer(0, spec.Vocabulary, spec.EncoderHidden, Gemm, reverse),
        _ => new ElmanLayer(0, spec.Vocabulary, spec.EncoderHidden, spec.EncoderCell == CellType.RnnRelu, Gemm, reverse),
    };

    /// <summary>One-hot rows, time-major: x[(t·B + b)·V + token] = 1 for the B × T_s tokens of <paramref name="sources"/> (sequence-major).</summary>
    public double[] OneHotSources(ReadOnlySpan<int> sources, int sourceSteps, int batch)
    {
        var v = Spec.Vocabulary;
        var x = new double[sourceSteps * batch * v];
        for (var b = 0; b < batch; b++)
        {
            for (var t = 0; t < sourceSteps; t++)
            {
                var token = sources[(b * sourceSteps) + t];
                if ((uint)token >= (uint)v)
                {
                    throw new ArgumentOutOfRangeException(nameof(sources), $"token {token} is outside the vocabulary of {v}");
                }

                x[(((t * batch) + b) * v) + token] = 1;
            }
        }

        return x;
    }
}
