using Neuromorph.Crossbars.Training;
using Neuromorph.Devices;
using Neuromorph.Diagnostics;
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
    private static readonly string[] PhysicalKeys = ["model", "parameters", "set", "reset", "table_points", "read_voltage"];
    private static readonly string[] DeviceKeys = ["preset", "dw_min", "w_min", "w_max", "up_down", "gamma_up", "gamma_down", "a_up", "a_down", "dw_min_dtod", "bounds_dtod", "up_down_dtod", "cycle_to_cycle", .. PhysicalKeys];
    private static readonly string[] PresetOnlyKeys = ["preset", "dw_min", "up_down", "gamma_up", "gamma_down", "a_up", "a_down"];
    private static readonly string[] PulseKeys = ["amplitude", "width"];
    private static readonly string[] UpdateKeys = ["mode", "bit_length", "update_management", "half_select"];
    private static readonly string[] TikiTakaKeys = ["gamma", "transfer_every", "transfer_learning_rate", "buffer_threshold"];
    private static readonly string[] Algorithms = ["fp", "analog_sgd", "tiki_taka", "tiki_taka_v2", "mixed_precision"];
    private static readonly string[] Modes = ["stochastic", "pulse_count", "ideal"];
    private static readonly NumberRange Spread = NumberRange.Between(0, 10);

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
        var algoName = root.GetString("algorithm", "analog_sgd").ToLowerInvariant();
        var algorithm = algoName switch
        {
            "fp" or "floating_point" => TrainingAlgorithm.FloatingPoint,
            "analog_sgd" => TrainingAlgorithm.AnalogSgd,
            "tiki_taka" or "tiki_taka_v1" => TrainingAlgorithm.TikiTaka,
            "tiki_taka_v2" => TrainingAlgorithm.TikiTakaV2,
            "mixed_precision" => TrainingAlgorithm.MixedPrecision,
            _ => throw root.Error("algorithm", $"unknown algorithm '{algoName}'", Suggestions.Hint(algoName, Algorithms)),
        };

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

        var device = ReadDevice(root, out var presetName);
        var update = ReadUpdate(root);
        if (update.HalfSelect && device.Response is null)
        {
            throw root.GetSection("update").Error("half_select", "half_select needs a physical device (device: { model: ... }): a preset has no voltage to halve");
        }

        var v2 = algorithm == TrainingAlgorithm.TikiTakaV2;
        var tt = new TikiTakaSettings(Gamma: v2 ? 0 : 1);
        if (root.TryGetSection("tiki_taka") is { } t)
        {
            t.RejectUnknownKeys(TikiTakaKeys);
            if (!v2 && t.Has("buffer_threshold"))
            {
                throw t.Error("buffer_threshold", "buffer_threshold belongs to tiki_taka_v2 (its digital buffer H)", "use algorithm: tiki_taka_v2, or drop it");
            }

            tt = new TikiTakaSettings(
                t.GetDouble("gamma", tt.Gamma, NumberRange.NonNegative, "γ of W = γ·A + C"),
                t.GetInt("transfer_every", 2, NumberRange.Between(1, 1_000_000), "updates between two column transfers"),
                t.GetDouble("transfer_learning_rate", 0.1, NumberRange.Positive, "η_transfer of C[:, k] += η_transfer·A[:, k] (v2: of H[:, k])"),
                t.GetDouble("buffer_threshold", 1, NumberRange.Positive, "C gets pulses where |H| ≥ buffer_threshold·Δw_min"));
        }

        var seed = seedOverride ?? root.GetLong("seed", 1);
        var spec = new TrainingSpec(algorithm, device, update, hidden, epochs, lr, seed) { Activation = activation, TikiTaka = tt };
        return new AnalogTrainingInput(spec, dataPath, trainSamples, scale, presetName);
    }

    private static PulsedDevice ReadDevice(YamlSection root, out string presetName)
    {
        var d = root.TryGetSection("device");
        d?.RejectUnknownKeys(DeviceKeys);
        if (d is not null && d.Has("model"))
        {
            return ReadPhysicalDevice(d, out presetName);
        }

        if (d?.Keys.FirstOrDefault(k => PhysicalKeys.Contains(k, StringComparer.OrdinalIgnoreCase)) is { } stray)
        {
            throw d.Error(stray, $"'{stray}' belongs to a physical device", "give model: (a memristor model of 'neuromorph models') with set: and reset: pulses, or drop it for a preset");
        }

        presetName = (d?.GetString("preset", "constant_step") ?? "constant_step").ToLowerInvariant();
        var dwMin = d?.GetDouble("dw_min", 0.001, NumberRange.Positive, "nominal weight step of one pulse") ?? 0.001;
        var preset = PulsedDevice.Preset(presetName, dwMin)
            ?? throw d!.Error("preset", $"unknown device preset '{presetName}'", Suggestions.Hint(presetName, PulsedDevice.PresetNames));
        if (d is null)
        {
            return preset;
        }

        var (wMin, wMax) = ReadBounds(d, preset.WMin, preset.WMax);
        if (preset.Kind is DeviceResponseKind.SoftBounds or DeviceResponseKind.LinearStep && !(wMin < 0 && wMax > 0))
        {
            throw d.Error(d.Has("w_min") ? "w_min" : "w_max", $"{presetName} needs w_min < 0 < w_max (its step divides by the bounds)");
        }

        return WithSpreads(d, preset with
        {
            WMin = wMin,
            WMax = wMax,
            UpDown = d.GetDouble("up_down", 0, new NumberRange(-1, 1, LowOpen: true, HighOpen: true), "up/down asymmetry a: Δw_up = Δw_min(1 + a), Δw_down = Δw_min(1 − a)"),
            GammaUp = d.GetDouble("gamma_up", preset.GammaUp, NumberRange.Finite),
            GammaDown = d.GetDouble("gamma_down", preset.GammaDown, NumberRange.Finite),
            AUp = d.GetDouble("a_up", preset.AUp, NumberRange.NonNegative),
            ADown = d.GetDouble("a_down", preset.ADown, NumberRange.NonNegative),
        });
    }

    /// <summary>
    /// <c>device: { model: vteam, parameters: {...}, set: {amplitude, width}, reset: {...} }</c>: the model's own
    /// response to its programming pulses (<see cref="PhysicalResponse"/>).
    /// </summary>
    private static PulsedDevice ReadPhysicalDevice(YamlSection d, out string name)
    {
        if (d.Keys.FirstOrDefault(k => PresetOnlyKeys.Contains(k, StringComparer.OrdinalIgnoreCase)) is { } presetKey)
        {
            throw d.Error(presetKey, $"'{presetKey}' belongs to a preset device; a physical device's steps come from its model under its pulses", "drop it, or drop model: to use a preset");
        }

        name = d.GetString("model");
        var parameters = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        if (d.TryGetSection("parameters") is { } p)
        {
            foreach (var key in p.Keys)
            {
                parameters[key] = p.GetDouble(key);
            }
        }

        var model = MemristorCatalog.Create(name, parameters, d.LocationOf("model"));
        var set = ReadPulse(d, "set");
        var reset = ReadPulse(d, "reset");
        var (wMin, wMax) = ReadBounds(d, -1, 1);
        var points = d.GetInt("table_points", 1001, NumberRange.Between(3, 1_000_000), "states in the step table");
        var read = d.GetDouble("read_voltage", 0.1, NumberRange.Finite, "voltage the conductance is read at (nonzero)");
        if (read == 0)
        {
            throw d.Error("read_voltage", "the read voltage must be nonzero", "a small voltage below the switching thresholds, e.g. 0.1");
        }

        PhysicalResponse response;
        try
        {
            response = new PhysicalResponse(model, set, reset, wMin, wMax, points, read);
        }
        catch (ArgumentException ex)
        {
            var key = ex.Message.Contains("the reset pulse", StringComparison.Ordinal) ? "reset" : ex.Message.Contains("the set pulse", StringComparison.Ordinal) ? "set" : "model";
            throw d.Error(key, ex.Message, "see docs/analog-training.md, 'Physical devices'");
        }

        return WithSpreads(d, PulsedDevice.Physical(response));
    }

    private static ProgrammingPulse ReadPulse(YamlSection d, string key)
    {
        var p = d.TryGetSection(key)
            ?? throw d.Error("model", $"a physical device needs a '{key}:' pulse", $"{key}: {{ amplitude: <volts>, width: <seconds> }}: the pulse that {(key == "set" ? "raises" : "lowers")} the conductance");
        p.RejectUnknownKeys(PulseKeys);
        return new ProgrammingPulse(
            p.GetDouble("amplitude", NumberRange.Finite, "pulse voltage across the device (signed)"),
            p.GetDouble("width", NumberRange.Positive, "pulse duration in seconds"));
    }

    private static (double Min, double Max) ReadBounds(YamlSection d, double min, double max)
    {
        var wMin = d.GetDouble("w_min", min, NumberRange.Finite, "lower weight bound");
        var wMax = d.GetDouble("w_max", max, NumberRange.Finite, "upper weight bound");
        if (!(wMin < wMax))
        {
            throw d.Error(d.Has("w_min") ? "w_min" : "w_max", $"need w_min < w_max, got w_min = {wMin}, w_max = {wMax}");
        }

        return (wMin, wMax);
    }

    private static PulsedDevice WithSpreads(YamlSection d, PulsedDevice device) => device with
    {
        DwMinDtoD = d.GetDouble("dw_min_dtod", 0, Spread, "relative device-to-device spread of dw_min"),
        BoundsDtoD = d.GetDouble("bounds_dtod", 0, Spread, "relative device-to-device spread of w_min and w_max"),
        UpDownDtoD = d.GetDouble("up_down_dtod", 0, Spread, "device-to-device spread of up_down"),
        CycleToCycle = d.GetDouble("cycle_to_cycle", 0, Spread, "relative pulse-to-pulse noise σ of each step"),
    };

    private static PulseUpdate ReadUpdate(YamlSection root)
    {
        var u = root.TryGetSection("update");
        if (u is null)
        {
            return new PulseUpdate(UpdateMode.Stochastic);
        }

        u.RejectUnknownKeys(UpdateKeys);
        var modeName = u.GetString("mode", "stochastic").ToLowerInvariant();
        var mode = modeName switch
        {
            "stochastic" => UpdateMode.Stochastic,
            "pulse_count" => UpdateMode.PulseCount,
            "ideal" => UpdateMode.Ideal,
            _ => throw u.Error("mode", $"unknown update mode '{modeName}'", Suggestions.Hint(modeName, Modes)),
        };
        var bl = u.GetInt("bit_length", 31, NumberRange.Between(1, PulseUpdate.MaxBitLength), $"pulse stream length BL: 1 to {PulseUpdate.MaxBitLength}");
        var halfSelect = u.GetBool("half_select", false);
        if (halfSelect && mode != UpdateMode.PulseCount)
        {
            throw u.Error("half_select", "half_select (the V/2 programming scheme) needs mode: pulse_count", "the scheme programs one device at a time with a count of pulses");
        }

        return new PulseUpdate(mode, bl, u.GetBool("update_management", true)) { HalfSelect = halfSelect };
    }
}
