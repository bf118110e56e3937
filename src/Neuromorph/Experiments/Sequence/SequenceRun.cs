using Neuromorph.Numerics.Randomness;
using System.Globalization;
using Neuromorph.Crossbars.Training;
using Neuromorph.Diagnostics;
using Neuromorph.Experiments.Shared;
using Neuromorph.Figures;
using Neuromorph.Networks.Sequence;
using Neuromorph.Networks.Sequence.ModelFiles;
using Neuromorph.Networks.Sequence.Rtrl;
using Neuromorph.Networks.Sequence.Training;
using Neuromorph.Networks.Tasks;
using TrainingResult = Neuromorph.Networks.Sequence.Training.TrainingResult;
using Neuromorph.Units;

namespace Neuromorph.Experiments.Sequence;

/// <summary>What a sequence run reports: scalar metrics (for sweeps), files written, a one-line summary and its figures (<see cref="SequenceFigures"/>).</summary>
public sealed record SequenceRunResult(IReadOnlyDictionary<string, double> Metrics, IReadOnlyList<string> Files, string Summary)
{
    /// <summary>Training curve and predictions (only when the run has an output directory).</summary>
    public IReadOnlyList<Figure> Figures { get; init; } = [];

    /// <summary>
    /// Null for a run that finished; otherwise one sentence saying how far training got before the cancellation and
    /// which epoch's model was kept (the files then hold that model and the finished epochs).
    /// </summary>
    public string? Interrupted { get; init; }
}

/// <summary>
/// Runs a <see cref="SequenceRunSpec"/>: builds the data, loads or trains the model (model.json and training.csv),
/// evaluates it on the test data with ideal weights and, when a substrate is given, on crossbars (predictions.csv,
/// metrics.csv). A diverging training run writes the last good model, then fails naming the epoch.
/// </summary>
public static class SequenceRun
{
    /// <summary>
    /// Executes the run. <paramref name="outputDirectory"/> null writes nothing (sweeps). <paramref name="log"/> hears one
    /// line per epoch; <paramref name="progress"/> the fraction of epochs done; <paramref name="announce"/> one title line
    /// (model, task, epochs) before the first epoch. A <paramref name="cancellation"/> during
    /// training stops it at the next mini-batch and keeps the finished epochs: the run then writes and evaluates the kept
    /// model as usual and says so in <see cref="SequenceRunResult.Interrupted"/> (before the first finished epoch it
    /// throws <see cref="OperationCanceledException"/> and writes nothing).
    /// </summary>
    public static SequenceRunResult Execute(SequenceRunSpec spec, string? outputDirectory, Action<string> log, IProgress<double>? progress = null, CancellationToken cancellation = default, Action<string>? announce = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(log);
        var data = TaskData.Build(spec.Task);
        var model = LoadOrCreate(spec, data);
        model.ManyToOne = data.Train.Timing == TargetTiming.FinalStep; // a bidirectional model's final output then reads h_n
        if (spec.Loss == LossKind.CrossEntropy)
        {
            ClassTargets.Check(data, model.Spec.OutputSize, spec.LossLocation);
        }

        var files = new List<string>();
        if (outputDirectory is not null)
        {
            Directory.CreateDirectory(outputDirectory);
        }

        var metrics = new Dictionary<string, double>();
        var figures = new List<Figure>();
        string? interrupted = null;
        if (spec.Training is { Method: TrainingMethod.Rtrl } && RtrlSupport.Refusal(model.Spec) is { } refusal)
        {
            throw new UserInputException(spec.MethodLocation, refusal, "use method: bptt");
        }

        if (spec.Training is { } options)
        {
            var (train, validation) = data.Train.Split(spec.ValidationFraction, SeedSequence.Derive(spec.Seed, SeedPurpose.ValidationSplit));
            announce?.Invoke($"training {(model.Spec.Bidirectional ? "bidirectional " : "")}{CellTypes.Name(model.Spec.Cell)} ({model.Spec.Layers} × {model.Spec.HiddenSize}, {model.ParameterCount} parameters) on {spec.Task.Kind}: "
                + $"{options.Epochs} epochs{(options.Method == TrainingMethod.Rtrl ? $", online RTRL (an update every {options.UpdateEvery} steps)" : "")}, {train.Count} training sequences" + (validation is { Count: > 0 } v ? $", {v.Count} for validation" : ""));
            var result = Trainer.Train(model, train, validation, options, e =>
            {
                log(string.Create(CultureInfo.InvariantCulture,
                    $"epoch {e.Epoch}/{options.Epochs}: train loss {e.TrainLoss:G4}{(double.IsNaN(e.ValidationLoss) ? "" : $", validation {e.ValidationLoss:G4}")}, |grad| {e.GradientNorm:G3} ({DurationText.Format(e.Seconds)})"));
                progress?.Report(e.Epoch / (double)options.Epochs);
            }, cancellation);
            if (outputDirectory is not null)
            {
                var modelPath = Path.Combine(outputDirectory, "model.json");
                SequenceModelFile.Write(model, modelPath, Metadata(spec, result));
                files.Add(modelPath);
                files.Add(SequenceOutputs.WriteTrainingCurve(outputDirectory, result.Epochs));
                figures.Add(SequenceFigures.Training(result.Epochs, result.KeptEpoch));
            }

            if (result.DivergedAtEpoch is int bad)
            {
                var kept = result.Epochs.Count > 0 ? $"the model of epoch {result.Epochs[^1].Epoch}" : "the initial model";
                throw new SimulationException($"training diverged: the loss became NaN or infinite in epoch {bad}; {kept} was kept"
                    + (outputDirectory is null ? "" : $" and written to {Path.Combine(outputDirectory, "model.json")}") + " (lower learning_rate or set clip_norm)");
            }

            if (result.Interrupted)
            {
                interrupted = string.Create(CultureInfo.InvariantCulture, $"training interrupted after epoch {result.Epochs[^1].Epoch} of {options.Epochs}; kept the model of epoch {result.KeptEpoch}");
            }

            metrics["epochs"] = result.Epochs.Count;
            metrics["kept_epoch"] = result.KeptEpoch;
            var keptReport = Kept(result);
            metrics["train_loss"] = keptReport?.TrainLoss ?? double.NaN;
            metrics["validation_loss"] = keptReport?.ValidationLoss ?? double.NaN;
            if (options.InPlace is TileSequenceUpdate tiles)
            {
                metrics["pulses"] = tiles.Pulses;
            }
        }

        var o = model.Spec.OutputSize;
        var software = SequenceEvaluation.Predict(model, data.Test);
        var ideal = SequenceMetrics.Of(data.Test, software, o, spec.Loss);
        var predictions = software;
        var scored = ideal;
        if (spec.Substrate is { } substrate)
        {
            model.BindWeights(CrossbarWeights.Factory(substrate, spec.Periphery, spec.Seed));
            try
            {
                predictions = SequenceEvaluation.Predict(model, data.Test);
            }
            finally
            {
                model.BindWeights(null);
            }

            scored = SequenceMetrics.Of(data.Test, predictions, o, spec.Loss);
        }

        metrics["mse"] = scored.MeanSquaredError;
        metrics["nrmse"] = scored.Nrmse;
        metrics["accuracy"] = scored.Accuracy;
        metrics["software_mse"] = ideal.MeanSquaredError;
        metrics["software_nrmse"] = ideal.Nrmse;
        metrics["software_accuracy"] = ideal.Accuracy;
        if (outputDirectory is not null)
        {
            files.Add(SequenceOutputs.WritePredictions(outputDirectory, data.Test, predictions, o, spec.Loss == LossKind.CrossEntropy ? ["class"] : data.TargetNames, spec.Loss));
            files.Add(SequenceOutputs.WriteMetrics(outputDirectory, metrics));
            figures.Add(SequenceFigures.Predictions(data.Test, predictions, o, spec.Loss == LossKind.CrossEntropy ? ["class"] : data.TargetNames, spec.Loss));
        }

        var where = spec.Substrate is null ? "ideal weights" : "crossbars";
        var score = spec.Loss == LossKind.CrossEntropy
            ? string.Create(CultureInfo.InvariantCulture, $"accuracy {scored.Accuracy:P2}")
            : string.Create(CultureInfo.InvariantCulture, $"test MSE {scored.MeanSquaredError:G4}, NRMSE {scored.Nrmse:G4}");
        var summary = $"{(model.Spec.Bidirectional ? "bidirectional " : "")}{CellTypes.Name(model.Spec.Cell)} ({model.Spec.Layers} × {model.Spec.HiddenSize}, {model.ParameterCount} parameters) on {spec.Task.Kind}, {where}: {score}"
            + (spec.Substrate is null ? "" : string.Create(CultureInfo.InvariantCulture, $" (ideal weights: {(spec.Loss == LossKind.CrossEntropy ? ideal.Accuracy : ideal.MeanSquaredError):G4})"));
        return new SequenceRunResult(metrics, files, summary) { Figures = figures, Interrupted = interrupted };
    }

    private static SequenceModel LoadOrCreate(SequenceRunSpec spec, TaskData data)
    {
        var outputs = spec.Loss == LossKind.CrossEntropy ? spec.Classes : data.Train.TargetSize;
        if (spec.ModelFile is not { } path)
        {
            return SequenceModel.Create(new SequenceModelSpec(spec.Cell, data.Train.InputSize, spec.Hidden, outputs, spec.Layers) { Bidirectional = spec.Bidirectional }, spec.Seed);
        }

        var model = SequenceModelFile.Read(path);
        var at = new SourceLocation(path, 1, 1);
        if (model.Spec.InputSize != data.Train.InputSize)
        {
            throw new UserInputException(at, $"the model takes {model.Spec.InputSize} inputs per step, the data has {data.Train.InputSize} ({string.Join(", ", data.InputNames)})", "use the model trained on this data, or change the data's input columns");
        }

        if (spec.Loss == LossKind.MeanSquaredError && model.Spec.OutputSize != data.Train.TargetSize)
        {
            throw new UserInputException(at, $"the model has {model.Spec.OutputSize} outputs, the data {data.Train.TargetSize} targets ({string.Join(", ", data.TargetNames)})", "use the model trained on this data, or change the data's target columns");
        }

        return model;
    }

    /// <summary>The report of the epoch whose parameters the model holds (the best on validation with early stopping, else the last good one).</summary>
    private static EpochReport? Kept(TrainingResult result) => result.Epochs.FirstOrDefault(e => e.Epoch == result.KeptEpoch);

    private static Dictionary<string, object> Metadata(SequenceRunSpec spec, TrainingResult result) => new()
    {
        ["task"] = spec.Task.Kind.ToString(),
        ["loss"] = spec.Loss == LossKind.CrossEntropy ? "cross_entropy" : "mse",
        ["epochs"] = result.Epochs.Count,
        ["kept_epoch"] = result.KeptEpoch,
        ["train_loss"] = Kept(result)?.TrainLoss ?? double.NaN,
        ["validation_loss"] = Kept(result)?.ValidationLoss ?? double.NaN,
        ["seed"] = spec.Seed.ToString(CultureInfo.InvariantCulture),
    };
}
