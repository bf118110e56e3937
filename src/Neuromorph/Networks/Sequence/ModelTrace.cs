using Neuromorph.Networks.Sequence.Cells;

namespace Neuromorph.Networks.Sequence;

/// <summary>A model's forward pass over T steps of B sequences: the outputs (T × B × outputs, time-major), each layer's trace and the final state.</summary>
public sealed record ModelTrace(int Steps, int Batch, IReadOnlyList<LayerTrace> Layers, double[] Outputs, ModelState Final);

/// <summary>The state of every layer of a model between chunks of a sequence (bottom layer first).</summary>
public sealed record ModelState(IReadOnlyList<LayerState> Layers)
{
    /// <summary>A deep copy, detached from the buffers of the pass that produced it.</summary>
    public ModelState Copy() => new([.. Layers.Select(l => l.Copy())]);
}
