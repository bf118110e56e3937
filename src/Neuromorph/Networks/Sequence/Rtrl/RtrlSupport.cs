namespace Neuromorph.Networks.Sequence.Rtrl;

/// <summary>Which models real-time recurrent learning handles, and why the others are refused.</summary>
public static class RtrlSupport
{
    /// <summary>
    /// Null when RTRL can train a model of <paramref name="spec"/> (Elman tanh or ReLU, LSTM or GRU, unidirectional, any
    /// number of layers), else the reason it cannot.
    /// </summary>
    public static string? Refusal(SequenceModelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Bidirectional)
        {
            return "RTRL is an online (forward-in-time) method; a bidirectional model's reverse direction reads the sequence from its end";
        }

        if (spec.Cell == CellType.Jordan)
        {
            return "RTRL is implemented for rnn_tanh, rnn_relu, lstm and gru; a Jordan network feeds the readout back, which the sensitivity update does not model";
        }

        return null;
    }
}
