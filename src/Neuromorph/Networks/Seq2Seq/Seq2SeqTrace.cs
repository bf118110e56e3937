namespace Neuromorph.Networks.Seq2Seq;

/// <summary>
/// What one forward pass of an encoder–decoder over a batch keeps for the backward pass and for reading results. All
/// arrays are time-major ([step][sequence][feature]); the encoder's trace belongs to its layer (valid until the
/// model's next forward pass).
/// </summary>
public sealed class Seq2SeqTrace
{
    internal Seq2SeqTrace(Seq2SeqModel model, int sourceSteps, int steps, int batch, Seq2SeqEncoding encoder)
    {
        var s = model.Spec;
        int h = s.DecoderHidden, k = s.KeySize, v = s.Vocabulary;
        SourceSteps = sourceSteps;
        Steps = steps;
        Batch = batch;
        Encoder = encoder;
        States = new double[(steps + 1) * batch * h];
        Attention = new double[steps * batch * sourceSteps];
        DecoderInputs = new double[steps * batch * (v + k)];
        Gates = new double[steps * batch * 3 * h];
        Cache = new double[steps * batch * 4 * h];
        Features = new double[steps * batch * (h + k)];
        Logits = new double[steps * batch * v];
        Fed = new int[steps * batch];
        Predicted = new int[steps * batch];
    }

    /// <summary>T_s, source steps.</summary>
    public int SourceSteps { get; }

    /// <summary>T, decoder steps.</summary>
    public int Steps { get; }

    /// <summary>B, sequences.</summary>
    public int Batch { get; }

    /// <summary>The encoder's keys, first decoder state and layer traces.</summary>
    public Seq2SeqEncoding Encoder { get; }

    /// <summary>Decoder states s_0 … s_T, (T + 1) × B × H (s_0 = the encoder's last hidden state).</summary>
    public double[] States { get; }

    /// <summary>Attention weights α, T × B × T_s (each row sums to 1).</summary>
    public double[] Attention { get; }

    /// <summary>Decoder inputs [one-hot previous token; context], T × B × (V + key).</summary>
    public double[] DecoderInputs { get; }

    /// <summary>Work space of the decoder cell, T × B × 3H.</summary>
    internal double[] Gates { get; }

    /// <summary>Decoder cell caches, T × B × 4H.</summary>
    internal double[] Cache { get; }

    /// <summary>Output-layer inputs [s_t; context], T × B × (H + key).</summary>
    public double[] Features { get; }

    /// <summary>Logits, T × B × V.</summary>
    public double[] Logits { get; }

    /// <summary>The token fed to the decoder at each step (start token, target or own prediction), T × B.</summary>
    public int[] Fed { get; }

    /// <summary>The arg-max token of each step's logits, T × B.</summary>
    public int[] Predicted { get; }

    /// <summary>Sequence <paramref name="b"/>'s predicted tokens in order.</summary>
    public int[] PredictedOf(int b) => [.. Enumerable.Range(0, Steps).Select(t => Predicted[(t * Batch) + b])];

    /// <summary>Sequence <paramref name="b"/>'s attention map, T × T_s (row: decoder step, column: source step).</summary>
    public double[,] AttentionOf(int b)
    {
        var map = new double[Steps, SourceSteps];
        for (var t = 0; t < Steps; t++)
        {
            for (var i = 0; i < SourceSteps; i++)
            {
                map[t, i] = Attention[(((t * Batch) + b) * SourceSteps) + i];
            }
        }

        return map;
    }
}
