using System.Globalization;
using Neuromorph.Crossbars.Training;
using Neuromorph.Diagnostics;
using Neuromorph.Experiments.Results;
using Neuromorph.Figures;
using Neuromorph.Io.Yaml;

namespace Neuromorph.Experiments.AnalogTraining;

/// <summary>
/// <c>kind: analog_training</c>: trains a fully connected classifier (inputs → hidden → classes, softmax cross-entropy)
/// on crossbar tiles with pulsed in-memory updates (<see cref="AnalogTrainer"/>): floating-point SGD (<c>fp</c>),
/// analog SGD, Tiki-Taka v1/v2 or mixed precision, on a device preset or a physical device model (<see cref="PulsedDevice"/>). Writes <c>metrics.csv</c> (epoch, train
/// loss, test accuracy, epoch seconds), <c>final_weights.csv</c>, <c>device_states.csv</c> (each device's weight, and its
/// model state for a physical device) and the figures of <see cref="AnalogTrainingFigures"/>.
/// </summary>
public sealed class AnalogTrainingExperiment : Experiment<AnalogTrainingExperimentSpec>
{
    /// <inheritdoc />
    public override string Kind => "analog_training";

    /// <inheritdoc />
    public override string Description => "training on the crossbar itself: pulsed analog SGD, Tiki-Taka v1/v2 and mixed precision on device presets or physical device models";

    /// <inheritdoc />
    public override IReadOnlyList<string> MetricNames { get; } = ["final_test_accuracy", "best_test_accuracy", "final_train_loss", "mean_epoch_seconds", "pulses"];

    /// <inheritdoc />
    public override AnalogTrainingExperimentSpec Read(YamlSection root, long? seed = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        var input = AnalogTrainingSpecReader.Read(root, seed);
        var (features, labels) = DigitsData.Read(input.DataPath, input.Scale);

        if (features.Count < 2 || input.TrainSamples >= features.Count)
        {
            throw root.Error("train_samples", $"train_samples must leave test samples: the data has {features.Count} samples, train_samples = {input.TrainSamples}");
        }

        var (train, test) = DigitsData.Split(features, labels, input.TrainSamples);
        return new AnalogTrainingExperimentSpec(input, train, test);
    }

    /// <inheritdoc />
    public override ExperimentReport Run(AnalogTrainingExperimentSpec experiment, ExperimentContext context)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(context);
        var (input, train, test) = (experiment.Input, experiment.Train, experiment.Test);
        var spec = input.Spec;
        var result = AnalogTrainer.Train(spec, train, test, context.Progress, context.CancellationToken);
        var epochs = Enumerable.Range(1, result.TestAccuracy.Count).Select(e => (double)e).ToArray();
        var metrics = new Dictionary<string, double>
        {
            ["final_test_accuracy"] = result.TestAccuracy[^1],
            ["best_test_accuracy"] = result.TestAccuracy.Max(),
            ["final_train_loss"] = result.TrainLoss[^1],
            ["mean_epoch_seconds"] = result.EpochSeconds.Average(),
            ["pulses"] = result.Pulses,
        };
        // what the devices hold (a physical model's states, or the devices' weights), for device_states.csv and .png
        var states = context.OutputDirectory is not null && spec.Algorithm != TrainingAlgorithm.FloatingPoint && result.DeviceWeights.Count > 0
            ? AnalogTrainingFigures.DeviceStates(result.DeviceWeights, spec.Device.Response)
            : null;
        var files = new List<ResultFile>();
        if (context.OutputDirectory is not null)
        {
            files.Add(new ResultTable("metrics.csv", ["epoch", "train_loss", "test_accuracy", "epoch_seconds"], [epochs, result.TrainLoss, result.TestAccuracy, result.EpochSeconds]));
            files.Add(new ResultTable("final_weights.csv", ["index", "weight"], [Enumerable.Range(0, result.FinalWeights.Count).Select(i => (double)i).ToArray(), result.FinalWeights]));
            if (states is not null)
            {
                files.Add(new ResultTable("device_states.csv", spec.Device.Response is null ? ["device", "weight"] : ["device", "weight", "state"],
                    [Enumerable.Range(0, states.Length).Select(i => (double)i).ToArray(), [.. result.DeviceWeights], .. spec.Device.Response is null ? Array.Empty<double[]>() : [states]]));
            }

            if (spec.Device.Response is { } table)
            {
                var (w, up, down) = table.Table;
                files.Add(new ResultTable("device_response.csv", ["weight", "set_step", "reset_step"], [[.. w], [.. up], [.. down]]));
            }
        }

        var algo = spec.Algorithm switch
        {
            TrainingAlgorithm.FloatingPoint => "fp SGD",
            TrainingAlgorithm.AnalogSgd => "analog SGD",
            TrainingAlgorithm.TikiTakaV2 => "Tiki-Taka v2",
            TrainingAlgorithm.MixedPrecision => "mixed precision",
            _ => "Tiki-Taka",
        };
        var device = spec.Algorithm == TrainingAlgorithm.FloatingPoint
            ? ""
            : string.Create(CultureInfo.InvariantCulture, $" on {input.PresetName} (dw_min {spec.Device.DwMin:G3}, {spec.Update.Mode.ToString().ToLowerInvariant()}{(spec.Update.Mode == UpdateMode.Stochastic ? $" BL {spec.Update.BitLength}" : "")})");
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{algo}{device}, {train.Features[0].Length}-{spec.Hidden}-{train.Classes}, {train.Features.Count} train / {test.Features.Count} test: test accuracy {100 * result.TestAccuracy[^1]:0.0} % after {result.TestAccuracy.Count} epochs (best {100 * result.TestAccuracy.Max():0.0} %), train loss {result.TrainLoss[^1]:G4}, {result.EpochSeconds.Average():0.###} s/epoch, {result.Pulses} pulses");
        return new ExperimentReport(metrics, [], summary)
        {
            Interrupted = result.Interrupted
                ? string.Create(CultureInfo.InvariantCulture, $"training interrupted in epoch {result.TestAccuracy.Count + 1} of {spec.Epochs}; the curves cover epochs 1 to {result.TestAccuracy.Count}, final_weights.csv the tiles as they were when stopped")
                : null,
            Outputs = files,
            Figures = context.OutputDirectory is null ? []
                : [.. AnalogTrainingFigures.Of(epochs, result.TestAccuracy, result.TrainLoss, result.FinalWeights, algo + device),
                    .. states is not null ? [AnalogTrainingFigures.States(states, spec.Device.Response is not null, algo + device)] : Array.Empty<Figure>(),
                    .. spec.Device.Response is { } r ? [AnalogTrainingFigures.Response(r, input.PresetName)] : Array.Empty<Figure>()],
        };
    }
}
