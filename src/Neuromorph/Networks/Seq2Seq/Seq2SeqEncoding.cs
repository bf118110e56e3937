using Neuromorph.Networks.Sequence;

namespace Neuromorph.Networks.Seq2Seq;

/// <summary>
/// What the encoder made of a batch of sources: the attention keys (T_s × B × key size, time-major), the decoder's first
/// state (B × H), and the layer traces its backward pass needs (the reverse direction's over the time-reversed source).
/// </summary>
public sealed class Seq2SeqEncoding
{
    internal Seq2SeqEncoding(double[] keys, double[] initialState, LayerTrace forward, LayerTrace? reverse)
    {
        Keys = keys;
        InitialState = initialState;
        Forward = forward;
        Reverse = reverse;
    }

    /// <summary>h_1 … h_{T_s} ([forward; reverse] per step when bidirectional), T_s × B × key size.</summary>
    public double[] Keys { get; }

    /// <summary>s_0, the forward direction's last hidden state, B × H.</summary>
    public double[] InitialState { get; }

    /// <summary>The forward layer's trace.</summary>
    public LayerTrace Forward { get; }

    /// <summary>The reverse layer's trace (step t of it read source step T_s − 1 − t), or null.</summary>
    public LayerTrace? Reverse { get; }
}
