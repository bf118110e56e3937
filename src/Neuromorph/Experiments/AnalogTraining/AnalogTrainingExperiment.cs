using System.Globalization;
using Neuromorph.Crossbars.Training;
using Neuromorph.Diagnostics;
using Neuromorph.Io;
using Neuromorph.Io.Yaml;

namespace Neuromorph.Experiments.AnalogTraining;

/// <summary>
/// <c>kind: analog_training</c>: trains a fully connected classifier (inputs → hidden → classes, softmax cross-entropy)
/// on crossbar tiles with pulsed in-memory updates (<see cref="AnalogTrainer"/>): floating-point SGD (<c>fp</c>),
/// analog SGD or Tiki-Taka, on a device preset (<see cref="PulsedDevice"/>). Writes <c>metrics.csv</c> (epoch, train
/// loss, test accuracy, epoch seconds), <c>final_weights.csv</c> and the figures of <see cref="AnalogTrainingFigures"/>.
/// </summary>
public sealed class AnalogTrainingExperiment : IExperiment
{
    /// <inheritdoc />
    public string Kind => "analog_training";

    /// <inheritdoc />
    public string Description => "training on the crossbar itself: pulsed analog SGD and Tiki-Taka on device presets";

    /// <inheritdoc />
    public IReadOnlyList<string> MetricNames { get; } = ["final_test_accuracy", "best_test_accuracy", "final_train_loss", "mean_epoch_seconds", "pulses"];

    /// <inheritdoc />
    public ExperimentReport Run(YamlSection root, ExperimentContext context)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(context);
        var input = AnalogTrainingSpecReader.Read(root, context.Seed);
        var (features, labels) = DigitsData.Read(input.DataPath, input.Scale);

        if (features.Count < 2 || input.TrainSamples >= features.Count)
        {
            throw root.Error("train_samples", $"train_samples must leave test samples: the data has {features.Count} samples, train_samples = {input.TrainSamples}");
        }

        var (train, test) = DigitsData.Split(features, labels, input.TrainSamples);
        var spec = input.Spec;
        var result = AnalogTrainer.Train(spec, train, test, context.Progress, context.CancellationToken);
        var epochs = Enumerable.Range(1, spec.Epochs).Select(e => (double)e).ToArray();
        var metrics = new Dictionary<string, double>
        {
            ["final_test_accuracy"] = result.TestAccuracy[^1],
            ["best_test_accuracy"] = result.TestAccuracy.Max(),
            ["final_train_loss"] = result.TrainLoss[^1],
            ["mean_epoch_seconds"] = result.EpochSeconds.Average(),
            ["pulses"] = result.Pulses,
        };
        var files = new List<string>();
        if (context.OutputDirectory is { } dir)
        {
            var m = Path.Combine(dir, "metrics.csv");
            CsvTable.Write(m, ["epoch", "train_loss", "test_accuracy", "epoch_seconds"], [epochs, result.TrainLoss, result.TestAccuracy, result.EpochSeconds]);
            var wcsv = Path.Combine(dir, "final_weights.csv");
            CsvTable.Write(wcsv, ["index", "weight"], [Enumerable.Range(0, result.FinalWeights.Count).Select(i => (double)i).ToArray(), result.FinalWeights]);
            files.Add(m);
            files.Add(wcsv);
        }

        var algo = spec.Algorithm switch
        {
            TrainingAlgorithm.FloatingPoint => "fp SGD",
            TrainingAlgorithm.AnalogSgd => "analog SGD",
            _ => "Tiki-Taka",
        };
        var device = spec.Algorithm == TrainingAlgorithm.FloatingPoint
            ? ""
            : string.Create(CultureInfo.InvariantCulture, $" on {input.PresetName} (dw_min {spec.Device.DwMin:G3}, {spec.Update.Mode.ToString().ToLowerInvariant()}{(spec.Update.Mode == UpdateMode.Stochastic ? $" BL {spec.Update.BitLength}" : "")})");
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{algo}{device}, {train.Features[0].Length}-{spec.Hidden}-{train.Classes}, {train.Features.Count} train / {test.Features.Count} test: test accuracy {100 * result.TestAccuracy[^1]:0.0} % after {spec.Epochs} epochs (best {100 * result.TestAccuracy.Max():0.0} %), train loss {result.TrainLoss[^1]:G4}, {result.EpochSeconds.Average():0.###} s/epoch, {result.Pulses} pulses");
        return new ExperimentReport(metrics, files, summary)
        {
            Figures = context.OutputDirectory is null ? [] : AnalogTrainingFigures.Of(epochs, result.TestAccuracy, result.TrainLoss, result.FinalWeights, algo + device),
        };
    }
}
