using Neuromorph.Crossbars.Training;
using Neuromorph.Devices;
using Neuromorph.Diagnostics;
using Neuromorph.Experiments.Shared;
using Neuromorph.Io.Yaml;

namespace Neuromorph.Experiments.AnalogTraining;

/// <summary>What <see cref="AnalogTrainingSpecReader"/> reads: the training spec, the data file and the split.</summary>
/// <param name="Spec">Typed training spec.</param>
/// <param name="DataPath">Full path of the data file.</param>
/// <param name="TrainSamples">The first this many samples train, the rest test.</param>
/// <param name="Scale">Features are divided by this.</param>
/// <param name="PresetName">Device preset name (for the summary).</param>
public sealed record AnalogTrainingInput(TrainingSpec Spec, string DataPath, int TrainSamples, double Scale, string PresetName);

/// <summary>Reads <c>kind: analog_training</c> files; every mistake is a located user error.</summary>
public static class AnalogTrainingSpecReader
{
    private static readonly string[] Top = ["kind", "data", "train_samples", "feature_scale", "algorithm", "network", "training", "device", "update", "tiki_taka", "seed"];
    private static readonly string[] NetworkKeys = ["hidden", "activation"];
    private static readonly string[] TrainingKeys = ["epochs", "learning_rate"];

    /// <summary>Reads the experiment; <paramref name="seedOverride"/> replaces the file's seed (studies).</summary>
    public static AnalogTrainingInput Read(YamlSection root, long? seedOverride = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.RejectUnknownKeys(Top);
        var rel = root.GetString("data", "data/digits.csv.gz");
        var dataPath = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(root.File)) ?? ".", rel));
        if (!File.Exists(dataPath))
        {
            throw root.Error(root.Has("data") ? "data" : "kind", $"data file not found: {dataPath}", "a CSV (or .csv.gz) of feature columns then the class label, relative to this file");
        }

        var trainSamples = root.GetInt("train_samples", 1400, NumberRange.AtLeast(1), "the first N samples train, the rest test");
        var scale = root.GetDouble("feature_scale", 16, NumberRange.Positive, "features are divided by this (16 for the digits)");
        var net = root.TryGetSection("network");
        net?.RejectUnknownKeys(NetworkKeys);
        var hidden = net?.GetInt("hidden", 32, NumberRange.Between(1, 4096), "hidden units") ?? 32;
        var actName = (net?.GetString("activation", "tanh") ?? "tanh").ToLowerInvariant();
        var activation = actName switch
        {
            "tanh" => HiddenActivation.Tanh,
            "sigmoid" => HiddenActivation.Sigmoid,
            _ => throw net!.Error("activation", $"unknown activation '{actName}'", "use tanh or sigmoid"),
        };

        var tr = root.TryGetSection("training");
        tr?.RejectUnknownKeys(TrainingKeys);
        var epochs = tr?.GetInt("epochs", 5, NumberRange.Between(1, 10000), "passes over the training set") ?? 5;
        var lr = tr?.GetDouble("learning_rate", 0.05, NumberRange.Positive, "SGD learning rate η") ?? 0.05;

        var tiles = TileTrainingReader.Read(root, out var presetName);
        var seed = seedOverride ?? root.GetLong("seed", 1);
        var spec = new TrainingSpec(tiles.Algorithm, tiles.Device, tiles.Update, hidden, epochs, lr, seed) { Activation = activation, TikiTaka = tiles.TikiTaka };
        return new AnalogTrainingInput(spec, dataPath, trainSamples, scale, presetName);
    }
}
