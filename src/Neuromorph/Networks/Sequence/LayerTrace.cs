namespace Neuromorph.Networks.Sequence;

/// <summary>
/// What a layer's forward pass over T steps of a batch of B sequences keeps for backpropagation through time. All
/// arrays are time-major ([step][batch][feature]) and belong to the layer: a trace is valid until the layer's next
/// forward pass.
/// </summary>
public sealed class LayerTrace
{
    internal LayerTrace(int steps, int batch, double[] input, double[] hidden, double[]? cell, double[] cache, double[] feedback, LayerState initial)
    {
        Steps = steps;
        Batch = batch;
        Input = input;
        Hidden = hidden;
        Cell = cell;
        Cache = cache;
        Feedback = feedback;
        Initial = initial;
    }

    /// <summary>T.</summary>
    public int Steps { get; }

    /// <summary>B.</summary>
    public int Batch { get; }

    /// <summary>x, T × B × input size (the layer below's hidden states for layers above the first).</summary>
    public double[] Input { get; }

    /// <summary>h_t, T × B × H: the layer's outputs.</summary>
    public double[] Hidden { get; }

    /// <summary>c_t, T × B × H (LSTM), else null.</summary>
    public double[]? Cell { get; }

    /// <summary>Per-cell activations kept for the backward pass (gates and the like), T × B × cache width.</summary>
    public double[] Cache { get; }

    /// <summary>r_t, the vector W_hh multiplied at step t, T × B × feedback size.</summary>
    public double[] Feedback { get; }

    /// <summary>The state the pass started from.</summary>
    public LayerState Initial { get; }

    /// <summary>The state after the last step (set by the layer at the end of the pass).</summary>
    public LayerState Final { get; internal set; } = null!;
}
