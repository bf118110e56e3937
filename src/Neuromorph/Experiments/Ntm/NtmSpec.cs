using Neuromorph.Networks.Memory;
using Neuromorph.Networks.Memory.Tasks;
using Neuromorph.Networks.Memory.Training;

namespace Neuromorph.Experiments.Ntm;

/// <summary>A neural Turing machine run (<c>kind: ntm</c>): the task, the model's sizes, training, held-out lengths and optional analog read noise.</summary>
public sealed record NtmSpec
{
    /// <summary>The task (copy or associative recall) with its training sizes.</summary>
    public required IMemoryTask Task { get; init; }

    /// <summary>The sizes of the model.</summary>
    public required NtmModelSpec Model { get; init; }

    /// <summary>How to train.</summary>
    public NtmTrainingOptions Training { get; init; } = new();

    /// <summary>Held-out lengths reported as metrics (bit errors per sequence at each).</summary>
    public IReadOnlyList<int> TestLengths { get; init; } = [20, 30];

    /// <summary>Held-out sequences per length.</summary>
    public int TestSequences { get; init; } = 100;

    /// <summary>Standard deviation of the Gaussian noise on the cosine similarities at evaluation (0: exact reads).</summary>
    public double ReadNoise { get; init; }

    /// <summary>How content addressing compares keys and rows when scoring (training always uses analog keys).</summary>
    public KeyEncoding Keys { get; init; }

    /// <summary>Controller size of a memoryless LSTM baseline trained and scored the same way, or null for none.</summary>
    public int? BaselineController { get; init; }

    /// <summary>Wall-clock limit of the baseline's training in seconds, or null for the NTM's <see cref="NtmTrainingOptions.MaxSeconds"/>.</summary>
    public double? BaselineMaxSeconds { get; init; }

    /// <summary>A trained model.json to evaluate instead of training a new model (absolute path), or null to train.</summary>
    public string? ModelFile { get; init; }

    /// <summary>The copy error on crossbars against device variability and memory read noise, or null for none.</summary>
    public NtmCrossbarStudySpec? CrossbarStudy { get; init; }

    /// <summary>Seed of initialisation, training data, test data and read noise.</summary>
    public ulong Seed { get; init; } = 1;
}
