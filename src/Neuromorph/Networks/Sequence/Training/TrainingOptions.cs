namespace Neuromorph.Networks.Sequence.Training;

/// <summary>The optimisers a training run can use.</summary>
public enum OptimizerKind
{
    /// <summary>torch.optim.Adam.</summary>
    Adam,

    /// <summary>torch.optim.SGD with optional (Nesterov) momentum.</summary>
    Sgd,
}

/// <summary>How the gradient of a sequence model's loss is computed.</summary>
public enum TrainingMethod
{
    /// <summary>Backpropagation through time over whole sequences (or truncated chunks), one update per mini-batch or chunk.</summary>
    Bptt,

    /// <summary>
    /// Real-time recurrent learning (Williams &amp; Zipser 1989): exact gradients carried forward in time by sensitivity
    /// matrices, parameters updated online every <see cref="TrainingOptions.UpdateEvery"/> steps.
    /// </summary>
    Rtrl,
}

/// <summary>How a sequence model is trained. Defaults follow PyTorch's (Adam, lr 1e-3, β = (0.9, 0.999), ε = 1e-8).</summary>
public sealed record TrainingOptions
{
    /// <summary>Passes over the training set.</summary>
    public int Epochs { get; init; } = 100;

    /// <summary>Sequences per mini-batch.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Optimiser.</summary>
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Adam;

    /// <summary>Learning rate (&gt; 0).</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>SGD momentum μ (0 = plain SGD).</summary>
    public double Momentum { get; init; }

    /// <summary>Nesterov momentum for SGD.</summary>
    public bool Nesterov { get; init; }

    /// <summary>Adam β1.</summary>
    public double Beta1 { get; init; } = 0.9;

    /// <summary>Adam β2.</summary>
    public double Beta2 { get; init; } = 0.999;

    /// <summary>Adam ε.</summary>
    public double Epsilon { get; init; } = 1e-8;

    /// <summary>L2 weight decay λ added to the gradient.</summary>
    public double WeightDecay { get; init; }

    /// <summary>Global gradient-norm clipping threshold (0 = off).</summary>
    public double ClipNorm { get; init; }

    /// <summary>Loss function.</summary>
    public LossKind Loss { get; init; } = LossKind.MeanSquaredError;

    /// <summary>Truncated BPTT: steps per chunk, the state carried (detached) between chunks, one update per chunk; 0 = full BPTT.</summary>
    public int Truncation { get; init; }

    /// <summary>Gradient method: BPTT (default) or online RTRL.</summary>
    public TrainingMethod Method { get; init; } = TrainingMethod.Bptt;

    /// <summary>RTRL only: steps between online parameter updates (1 = every step).</summary>
    public int UpdateEvery { get; init; } = 1;

    /// <summary>Early stopping: epochs without a better validation loss before stopping (0 = off).</summary>
    public int Patience { get; init; }

    /// <summary>Seed of the shuffling and noise draws.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Noise injected into the weights during training (hardware-aware training), or null.</summary>
    public WeightNoise? Noise { get; init; }

    /// <summary>
    /// Training on the substrate itself (analog training on crossbar tiles), or null for the optimiser: the weight
    /// matrices are updated in place by it with the learning rate (scaled by gradient clipping); biases stay digital.
    /// </summary>
    public IInPlaceUpdate? InPlace { get; init; }

    /// <summary>Shuffle the training sequences every epoch (seeded).</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>The optimiser these options describe.</summary>
    public IOptimizer CreateOptimizer() => Optimizer == OptimizerKind.Adam
        ? new Adam(LearningRate, Beta1, Beta2, Epsilon, WeightDecay)
        : new Sgd(LearningRate, Momentum, WeightDecay, Nesterov);
}

/// <summary>One epoch of training: mean training loss over its updates, validation loss (NaN without validation), mean gradient norm before clipping, wall time.</summary>
public sealed record EpochReport(int Epoch, double TrainLoss, double ValidationLoss, double GradientNorm, double Seconds);

/// <summary>
/// The outcome of a training run: every epoch, the epoch whose parameters the model holds at the end (best
/// validation loss, or the last epoch), whether early stopping ended the run, and the epoch where the loss became
/// NaN or infinite (the model then holds the last good epoch's parameters).
/// </summary>
public sealed record TrainingResult(IReadOnlyList<EpochReport> Epochs, int KeptEpoch, bool StoppedEarly, int? DivergedAtEpoch)
{
    /// <summary>True when a cancellation stopped training before its last epoch (the finished epochs are kept).</summary>
    public bool Interrupted { get; init; }
}
