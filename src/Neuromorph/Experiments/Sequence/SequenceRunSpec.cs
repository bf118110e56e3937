using Neuromorph.Crossbars;
using Neuromorph.Diagnostics;
using Neuromorph.Experiments.Shared;
using Neuromorph.Networks.Sequence;
using Neuromorph.Networks.Sequence.Training;
using Neuromorph.Networks.Tasks;

namespace Neuromorph.Experiments.Sequence;

/// <summary>
/// A sequence-model run (<c>neuromorph train</c>, <c>kind: sequence</c>): the data; either a model file or a new model's
/// cell and sizes with the training options; optionally crossbars for inference. Input and output sizes of a new
/// model come from the data (outputs = classes for cross-entropy).
/// </summary>
public sealed record SequenceRunSpec
{
    /// <summary>The data.</summary>
    public required TaskSpec Task { get; init; }

    /// <summary>A trained model to load, or null to train one.</summary>
    public string? ModelFile { get; init; }

    /// <summary>Cell of a new model.</summary>
    public CellType Cell { get; init; } = CellType.Lstm;

    /// <summary>Hidden units of a new model.</summary>
    public int Hidden { get; init; } = 32;

    /// <summary>Layers of a new model.</summary>
    public int Layers { get; init; } = 1;

    /// <summary>True for a new bidirectional model (a reverse direction in every layer).</summary>
    public bool Bidirectional { get; init; }

    /// <summary>Classes (outputs) for cross-entropy; 0 for regression.</summary>
    public int Classes { get; init; }

    /// <summary>How to train (null with a model file and no training section).</summary>
    public TrainingOptions? Training { get; init; }

    /// <summary>Fraction of the training sequences held out for validation (early stopping, best epoch).</summary>
    public double ValidationFraction { get; init; }

    /// <summary>Loss (and with it the metrics: accuracy for cross-entropy).</summary>
    public LossKind Loss { get; init; } = LossKind.MeanSquaredError;

    /// <summary>Where the loss is chosen (the training section's <c>loss</c> key), for errors about a loss that does not fit the data.</summary>
    public SourceLocation LossLocation { get; init; } = SourceLocation.None;

    /// <summary>Where the gradient method is chosen (the training section's <c>method</c> key), for errors about a model file RTRL cannot train.</summary>
    public SourceLocation MethodLocation { get; init; } = SourceLocation.None;

    /// <summary>Crossbars holding every weight matrix for inference, or null for ideal weights.</summary>
    public CrossbarSubstrateSpec? Substrate { get; init; }

    /// <summary>Input scaling and drift compensation around the crossbars.</summary>
    public PeripherySpec Periphery { get; init; } = new();

    /// <summary>Seed of model initialisation, training and crossbar programming.</summary>
    public ulong Seed { get; init; } = 1;
}
