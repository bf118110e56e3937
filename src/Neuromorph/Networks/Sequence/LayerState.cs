namespace Neuromorph.Networks.Sequence;

/// <summary>
/// The state one recurrent layer carries from one step (or one truncated-BPTT chunk) to the next, for a batch of
/// B sequences: hidden h (B × H), the LSTM cell c (B × H), and what enters W_hh at the next step (h itself, or a
/// Jordan network's output y, B × O).
/// </summary>
public sealed class LayerState
{
    /// <summary>Creates a state from its arrays (the feedback defaults to the hidden state).</summary>
    public LayerState(double[] hidden, double[]? cell = null, double[]? feedback = null)
    {
        Hidden = hidden ?? throw new ArgumentNullException(nameof(hidden));
        Cell = cell;
        Feedback = feedback ?? hidden;
    }

    /// <summary>h, B × H.</summary>
    public double[] Hidden { get; }

    /// <summary>c, B × H (LSTM only).</summary>
    public double[]? Cell { get; }

    /// <summary>The vector W_hh multiplies at the next step: h, or y for a Jordan network.</summary>
    public double[] Feedback { get; }

    /// <summary>A deep copy (the next chunk must not alias buffers the layer reuses).</summary>
    public LayerState Copy()
    {
        var h = (double[])Hidden.Clone();
        return new LayerState(h, (double[]?)Cell?.Clone(), ReferenceEquals(Feedback, Hidden) ? h : (double[])Feedback.Clone());
    }
}
