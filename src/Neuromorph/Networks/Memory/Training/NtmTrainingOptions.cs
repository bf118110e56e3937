namespace Neuromorph.Networks.Memory.Training;

/// <summary>How an NTM is trained on a memory task: Adam on mini-batches of fresh random sequences, global gradient-norm clipping, bounded by updates and by wall-clock time.</summary>
public sealed record NtmTrainingOptions
{
    /// <summary>Parameter updates (each on <see cref="BatchSize"/> fresh sequences).</summary>
    public int Updates { get; init; } = 1000;

    /// <summary>Sequences per update.</summary>
    public int BatchSize { get; init; } = 8;

    /// <summary>Adam's step size.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Largest global gradient norm (0: no clipping).</summary>
    public double ClipNorm { get; init; } = 10;

    /// <summary>Updates between two learning-curve points.</summary>
    public int LogEvery { get; init; } = 50;

    /// <summary>Stop after this many seconds even if <see cref="Updates"/> is not reached (0: no limit).</summary>
    public double MaxSeconds { get; init; }

    /// <summary>
    /// Keys while training. <see cref="KeyEncoding.Bipolar"/> trains through the sign with a straight-through estimator:
    /// the forward pass compares signs, the backward pass takes the cosine similarity's gradient.
    /// </summary>
    public KeyEncoding Keys { get; init; }

    /// <summary>Seed of the training sequences.</summary>
    public ulong Seed { get; init; } = 1;
}
