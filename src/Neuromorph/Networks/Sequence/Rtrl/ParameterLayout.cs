namespace Neuromorph.Networks.Sequence.Rtrl;

/// <summary>
/// The recurrent parameters of a model as one vector θ (the readout's are excluded: their gradient is local): every
/// layer's W_ih, W_hh, b_ih, b_hh back to back in the model's parameter order. Sensitivity matrices have one column
/// per entry of θ.
/// </summary>
internal sealed class ParameterLayout
{
    public ParameterLayout(SequenceModel model)
    {
        var layers = model.Layers;
        Offsets = new int[layers.Count];
        var at = 0;
        for (var l = 0; l < layers.Count; l++)
        {
            Offsets[l] = at;
            at += layers[l].Parameters.Sum(p => p.Value.Length);
        }

        Count = at;
        Parameters = [.. layers.SelectMany(l => l.Parameters)];
    }

    /// <summary>P, the length of θ.</summary>
    public int Count { get; }

    /// <summary>Where each layer's W_ih starts in θ (W_hh, b_ih and b_hh follow).</summary>
    public int[] Offsets { get; }

    /// <summary>The recurrent parameters in θ's order.</summary>
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>Adds a gradient over θ to the parameters' accumulators.</summary>
    public void AddToGradients(ReadOnlySpan<double> g)
    {
        var at = 0;
        foreach (var p in Parameters)
        {
            var into = p.Gradient.AsSpan();
            System.Numerics.Tensors.TensorPrimitives.Add(into, g.Slice(at, into.Length), into);
            at += into.Length;
        }
    }
}
