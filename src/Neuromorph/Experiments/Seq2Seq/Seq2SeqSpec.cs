using Neuromorph.Crossbars;
using Neuromorph.Diagnostics;
using Neuromorph.Experiments.Shared;
using Neuromorph.Networks.Seq2Seq;
using Neuromorph.Networks.Seq2Seq.Tasks;
using Neuromorph.Networks.Seq2Seq.Training;

namespace Neuromorph.Experiments.Seq2Seq;

/// <summary>An encoder–decoder run (<c>kind: seq2seq</c>): the generated task, the model's sizes, training, decoding, and optionally crossbars for inference.</summary>
public sealed record Seq2SeqSpec
{
    /// <summary>The task (reverse, sort, add) and its lengths.</summary>
    public required Seq2SeqTask Task { get; init; }

    /// <summary>Training pairs.</summary>
    public int TrainCount { get; init; } = 10000;

    /// <summary>Held-out test pairs (drawn with a different seed).</summary>
    public int TestCount { get; init; } = 1000;

    /// <summary>The sizes of a new model (the vocabulary is the task's); null with a model file.</summary>
    public Seq2SeqModelSpec? Model { get; init; }

    /// <summary>How to train (null: a model file evaluated as it is).</summary>
    public Seq2SeqTrainingOptions? Training { get; init; } = new();

    /// <summary>A trained model.json to load instead of a new model, or null.</summary>
    public string? ModelFile { get; init; }

    /// <summary>Where the model file is named, for errors about a model that does not fit the task.</summary>
    public SourceLocation ModelFileLocation { get; init; } = SourceLocation.None;

    /// <summary>Beam width of the beam-search evaluation (1: greedy only).</summary>
    public int BeamWidth { get; init; } = 3;

    /// <summary>Test pairs decoded by beam search (it runs one hypothesis at a time, so it is slower than greedy).</summary>
    public int BeamSequences { get; init; } = 200;

    /// <summary>Crossbars holding every weight matrix for inference, or null for ideal weights.</summary>
    public CrossbarSubstrateSpec? Substrate { get; init; }

    /// <summary>Input scaling and drift compensation around the crossbars.</summary>
    public PeripherySpec Periphery { get; init; } = new();

    /// <summary>Seed of data, initialisation, training and crossbar programming.</summary>
    public ulong Seed { get; init; } = 1;
}
