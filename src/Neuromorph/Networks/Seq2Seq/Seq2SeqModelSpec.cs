using Neuromorph.Networks.Sequence;

namespace Neuromorph.Networks.Seq2Seq;

/// <summary>
/// Sizes of an encoder–decoder: a vocabulary of <see cref="Vocabulary"/> tokens (inputs one-hot, the last two are the
/// start and end tokens), an encoder of one <see cref="EncoderCell"/> layer, a GRU decoder whose first state is the
/// encoder's last hidden state (so the two hidden sizes must agree), and the attention between them.
/// </summary>
/// <param name="EncoderCell">rnn_tanh, rnn_relu, lstm or gru.</param>
/// <param name="Vocabulary">Tokens, start and end included.</param>
/// <param name="EncoderHidden">Encoder hidden units.</param>
/// <param name="DecoderHidden">Decoder hidden units (equal to the encoder's).</param>
/// <param name="Attention">Scoring function.</param>
/// <param name="AttentionSize">Hidden units of additive attention (unused by multiplicative).</param>
public sealed record Seq2SeqModelSpec(CellType EncoderCell, int Vocabulary, int EncoderHidden, int DecoderHidden, AttentionKind Attention, int AttentionSize)
{
    /// <summary>
    /// True for a bidirectional encoder (a second layer reads the source back to front; the keys are [forward; reverse]
    /// per source step, 2 × <see cref="EncoderHidden"/> long, and s_0 is the forward direction's last hidden state).
    /// </summary>
    public bool Bidirectional { get; init; }

    /// <summary>Length of an attention key (and of the context): the encoder's hidden size, twice it when bidirectional.</summary>
    public int KeySize => Bidirectional ? 2 * EncoderHidden : EncoderHidden;

    /// <summary>Index of the start token (the decoder's first input).</summary>
    public int StartToken => Vocabulary - 2;

    /// <summary>Index of the end token (the last token of every target).</summary>
    public int EndToken => Vocabulary - 1;

    /// <summary>Why the sizes do not make a model, or null when they do.</summary>
    public string? Problem()
    {
        if (EncoderCell == CellType.Jordan)
        {
            return "a Jordan network feeds back its output; an encoder needs rnn_tanh, rnn_relu, lstm or gru";
        }

        if (Vocabulary < 3 || EncoderHidden < 1 || DecoderHidden < 1 || AttentionSize < 1)
        {
            return "the vocabulary needs at least 3 tokens and every size must be positive";
        }

        return EncoderHidden != DecoderHidden
            ? $"the decoder starts from the encoder's last hidden state, so their sizes must agree (encoder {EncoderHidden}, decoder {DecoderHidden})"
            : null;
    }
}
