namespace Neuromorph.Networks.Seq2Seq.Training;

/// <summary>How an encoder–decoder is trained: Adam on the mean token cross-entropy, mini-batches, clipping, teacher forcing.</summary>
public sealed record Seq2SeqTrainingOptions
{
    /// <summary>Passes over the training pairs.</summary>
    public int Epochs { get; init; } = 20;

    /// <summary>Pairs per update.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Adam's learning rate.</summary>
    public double LearningRate { get; init; } = 1e-2;

    /// <summary>Global gradient-norm limit (0: none).</summary>
    public double ClipNorm { get; init; } = 1;

    /// <summary>The teacher-forcing schedule.</summary>
    public TeacherForcing TeacherForcing { get; init; } = new();

    /// <summary>Seed of shuffling and teacher-forcing draws.</summary>
    public ulong Seed { get; init; } = 1;
}

/// <summary>One epoch: mean training loss, the teacher-forcing ratio used, the held-out greedy token accuracy, and the time.</summary>
public sealed record Seq2SeqEpoch(int Epoch, double TrainLoss, double TeacherForcing, double TokenAccuracy, double SequenceAccuracy, double Seconds);
