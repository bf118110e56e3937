using Neuromorph.Crossbars.Training;
using Neuromorph.Diagnostics;
using Neuromorph.Experiments.Shared;
using Neuromorph.Io.Yaml;
using Neuromorph.Networks.Sequence;
using Neuromorph.Networks.Sequence.Rtrl;
using Neuromorph.Networks.Sequence.Training;
using Neuromorph.Networks.Tasks;

namespace Neuromorph.Experiments.Sequence;

/// <summary>Reads <c>neuromorph train</c> files and <c>kind: sequence</c> experiments (docs/sequence.md) into a <see cref="SequenceRunSpec"/>.</summary>
public static class SequenceSpecReader
{
    private static readonly string[] Keys = ["kind", "experiment", "model", "model_file", "data", "training", "substrate", "periphery", "seed"];

    private static readonly string[] TrainingKeys = ["epochs", "batch_size", "optimizer", "learning_rate", "momentum", "nesterov", "beta1", "beta2", "epsilon",
        "weight_decay", "clip_norm", "loss", "truncation", "validation_fraction", "patience", "shuffle", "seed", "noise",
        "method", "update_every", "analog"];

    /// <summary>Reads the file's root; <paramref name="seedOverride"/> (a sweep's seed) replaces the file's seed.</summary>
    public static SequenceRunSpec Read(YamlSection root, long? seedOverride = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.RejectUnknownKeys(Keys);
        var seed = seedOverride is long o ? (ulong)o : (ulong)root.GetLong("seed", 1);
        if (!root.Has("data"))
        {
            throw root.Error("data", "missing 'data:' section", "e.g. data: { task: sine, length: 3000, steps: 40 }");
        }

        var spec = new SequenceRunSpec { Task = TaskSpecReader.Read(root.GetSection("data"), seed), Seed = seed };
        if (root.Has("model_file") == root.Has("model"))
        {
            throw root.Error(root.Has("model") ? "model_file" : "model", "give either 'model:' (a new model to train) or 'model_file:' (a trained model.json)");
        }

        var training = root.TryGetSection("training");
        if (root.Has("model_file"))
        {
            spec = spec with { ModelFile = SpecValues.File(root, "model_file") };
        }
        else
        {
            var m = root.GetSection("model");
            m.RejectUnknownKeys("cell", "hidden", "layers", "bidirectional", "classes");
            if (!CellTypes.TryParse(m.GetString("cell", "lstm"), out var cell))
            {
                throw m.Error("cell", $"unknown cell type '{m.GetString("cell")}'", Suggestions.Hint(m.GetString("cell"), [.. CellTypes.Names]));
            }

            var layers = SpecValues.Count(m, "layers", 1);
            if (cell == CellType.Jordan && layers != 1)
            {
                throw m.Error("layers", "a Jordan network has one layer (its output feeds back into it)");
            }

            var bidirectional = m.GetBool("bidirectional", false);
            if (cell == CellType.Jordan && bidirectional)
            {
                throw m.Error("bidirectional", "a Jordan network cannot be bidirectional (its output feeds back into it)", "use cell: rnn_tanh, lstm or gru");
            }

            spec = spec with { Cell = cell, Hidden = SpecValues.Count(m, "hidden", 32), Layers = layers, Bidirectional = bidirectional, Classes = m.Has("classes") ? SpecValues.Count(m, "classes", 2, 2) : 0 };
            if (training is null)
            {
                throw root.Error("model", "a new model needs a 'training:' section", "e.g. training: { epochs: 20, learning_rate: 0.01 }");
            }
        }

        if (training is not null)
        {
            var (options, validation) = ReadTraining(training, seed);
            spec = spec with { Training = options, ValidationFraction = validation, Loss = options.Loss };
            if (options.Loss == LossKind.CrossEntropy && spec.ModelFile is null && spec.Classes == 0)
            {
                throw training.Error("loss", "cross-entropy needs the number of classes", "add classes: N to the model section");
            }

            if (options.Loss == LossKind.MeanSquaredError && spec.Classes > 0)
            {
                throw root.GetSection("model").Error("classes", "'classes' sets the outputs of a classifier, but the loss is mse", "add loss: cross_entropy to the training section, or remove classes");
            }

            if (options.Loss == LossKind.CrossEntropy && spec.Task.Kind != TaskKind.Csv)
            {
                var range = spec.Classes > 0 ? $"[0, {spec.Classes})" : "[0, classes)";
                throw training.Error("loss", $"cross-entropy needs a classification task whose targets are class indices in {range}; the '{root.GetSection("data").GetString("task", "sine")}' task's targets are real values",
                    "use loss: mse, or a csv task whose target column holds class indices");
            }

            if (spec.Bidirectional && options.Truncation > 0)
            {
                throw training.Error("truncation", "a bidirectional model needs the whole sequence (its reverse direction starts at the last step); truncated BPTT does not apply", "remove truncation (full BPTT)");
            }

            CheckMethod(training, options, spec);
            CheckAnalog(training, options, spec);
            spec = spec with { LossLocation = training.LocationOf("loss"), MethodLocation = training.LocationOf("method") };
        }
        else if (spec.Classes > 0)
        {
            throw root.GetSection("model").Error("classes", "'classes' sets the outputs of a classifier, but there is no training section with loss: cross_entropy");
        }

        if (root.TryGetSection("substrate") is { } substrate)
        {
            spec = spec with { Substrate = SubstrateSpecReader.Read(substrate) };
        }

        if (root.TryGetSection("periphery") is { } p)
        {
            spec = spec with { Periphery = PeripherySpecReader.Read(p) };
        }

        return spec;
    }

    /// <summary>
    /// Training on tiles (<c>analog:</c>) pulses plain SGD steps into Elman, Jordan, LSTM or GRU models trained by
    /// BPTT without weight noise: anything else beside it is a located error.
    /// </summary>
    private static void CheckAnalog(YamlSection training, TrainingOptions options, SequenceRunSpec spec)
    {
        if (options.InPlace is null)
        {
            return;
        }

        const string why = "training on tiles (analog:) pulses plain SGD steps into the devices";
        foreach (var key in new[] { "momentum", "nesterov", "weight_decay", "beta1", "beta2", "epsilon" })
        {
            if (training.Has(key))
            {
                throw training.Error(key, $"{key} belongs to a digital optimiser; {why}", $"remove {key}, or remove analog: to train in floating point");
            }
        }

        if (options.Noise is not null || options.Method == TrainingMethod.Rtrl)
        {
            var key = options.Noise is not null ? "noise" : "method";
            throw training.Error(key, $"{key} does not combine with training on tiles, which takes method: bptt and the tiles' own noise", $"remove {key}, or remove analog:");
        }
    }

    /// <summary>RTRL's limits: a model it handles (a model file's is checked when it is loaded), no truncation, no weight noise; update_every only with it.</summary>
    private static void CheckMethod(YamlSection training, TrainingOptions options, SequenceRunSpec spec)
    {
        if (options.Method != TrainingMethod.Rtrl)
        {
            if (training.Has("update_every"))
            {
                throw training.Error("update_every", "update_every sets the online updates of RTRL; BPTT updates once per mini-batch (or truncation chunk)", "add method: rtrl, or remove update_every");
            }

            return;
        }

        if (spec.ModelFile is null && RtrlSupport.Refusal(new SequenceModelSpec(spec.Cell, 1, spec.Hidden, 1, spec.Layers) { Bidirectional = spec.Bidirectional }) is { } reason)
        {
            throw training.Error("method", reason, spec.Bidirectional ? "use method: bptt, or remove bidirectional" : "use cell: rnn_tanh, rnn_relu, lstm or gru, or method: bptt");
        }

        if (options.Truncation > 0)
        {
            throw training.Error("truncation", "truncation does not apply to method: rtrl, which carries the exact gradient over the whole sequence", "remove truncation, or use update_every to update during the sequence");
        }

        if (options.Noise is not null)
        {
            throw training.Error("noise", "weight noise is implemented for method: bptt only", "remove noise, or use method: bptt");
        }
    }

    private static (TrainingOptions Options, double Validation) ReadTraining(YamlSection t, ulong seed)
    {
        t.RejectUnknownKeys(TrainingKeys);
        var lr = t.GetDouble("learning_rate", 1e-3);
        if (!(lr > 0) || !double.IsFinite(lr))
        {
            throw t.Error("learning_rate", $"the learning rate must be positive, got {lr}", "typical values: 1e-3 (Adam), 1e-2 (SGD)");
        }

        WeightNoise? noise = null;
        if (t.TryGetSection("noise") is { } n)
        {
            n.RejectUnknownKeys("sigma", "kind");
            noise = new WeightNoise(SpecValues.NonNegative(n, "sigma", 0.05), SpecValues.Choice(n, "kind", "multiplicative", "additive", "multiplicative") == 1);
        }

        var options = new TrainingOptions
        {
            Epochs = SpecValues.Count(t, "epochs", 20),
            BatchSize = SpecValues.Count(t, "batch_size", 32),
            Optimizer = (OptimizerKind)SpecValues.Choice(t, "optimizer", "adam", "adam", "sgd"),
            LearningRate = lr,
            Momentum = SpecValues.InRange(t, "momentum", 0, 0, 0.9999),
            Nesterov = t.GetBool("nesterov", false),
            Beta1 = SpecValues.InRange(t, "beta1", 0.9, 0, 0.9999),
            Beta2 = SpecValues.InRange(t, "beta2", 0.999, 0, 0.999999),
            Epsilon = SpecValues.Positive(t, "epsilon", 1e-8),
            WeightDecay = SpecValues.NonNegative(t, "weight_decay", 0),
            ClipNorm = SpecValues.NonNegative(t, "clip_norm", 0),
            Loss = (LossKind)SpecValues.Choice(t, "loss", "mse", "mse", "cross_entropy"),
            Truncation = SpecValues.Count(t, "truncation", 0, 0),
            Patience = SpecValues.Count(t, "patience", 0, 0),
            Shuffle = t.GetBool("shuffle", true),
            Seed = (ulong)t.GetLong("seed", (long)seed),
            Noise = noise,
            Method = (TrainingMethod)SpecValues.Choice(t, "method", "bptt", "bptt", "rtrl"),
            UpdateEvery = SpecValues.Count(t, "update_every", 1),
        };
        if (t.TryGetSection("analog") is { } analog)
        {
            analog.RejectUnknownKeys([.. TileTrainingReader.Keys]);
            if (t.Has("optimizer") && options.Optimizer != OptimizerKind.Sgd)
            {
                throw t.Error("optimizer", "training on tiles (analog:) pulses plain SGD steps into the devices; Adam's per-weight step sizes have no pulse form", "use optimizer: sgd (the default with analog:)");
            }

            var tiles = TileTrainingReader.Read(analog, out _);
            options = options with { Optimizer = OptimizerKind.Sgd, InPlace = new TileSequenceUpdate(tiles, (long)options.Seed) };
        }

        return (options, SpecValues.InRange(t, "validation_fraction", options.Patience > 0 ? 0.1 : 0, 0, 0.9));
    }
}
