using Neuromorph.Crossbars.Training;

namespace Neuromorph.Experiments.AnalogTraining;

/// <summary>A <c>kind: analog_training</c> file as read: the training settings and the data, already read and split.</summary>
/// <param name="Input">Network, device preset, update rule, algorithm and the data settings.</param>
/// <param name="Train">The first <c>train_samples</c> samples.</param>
/// <param name="Test">The remaining samples.</param>
public sealed record AnalogTrainingExperimentSpec(AnalogTrainingInput Input, LabelledData Train, LabelledData Test);
