using Neuromorph.Crossbars.Training;
using Neuromorph.Devices;
using Neuromorph.Diagnostics;
using Neuromorph.Io.Yaml;

namespace Neuromorph.Experiments.Shared;

/// <summary>
/// Reads how weights are trained on crossbar tiles from a section's <c>algorithm</c>, <c>device</c>, <c>update</c>
/// and <c>tiki_taka</c> keys (the top of a <c>kind: analog_training</c> file, or a sequence model's
/// <c>training: analog:</c>); every mistake is a located user error.
/// </summary>
public static class TileTrainingReader
{
    private static readonly string[] PhysicalKeys = ["model", "parameters", "set", "reset", "table_points", "read_voltage"];
    private static readonly string[] DeviceKeys = ["preset", "dw_min", "w_min", "w_max", "up_down", "gamma_up", "gamma_down", "a_up", "a_down", "piecewise_up", "piecewise_down", "dw_min_dtod", "bounds_dtod", "up_down_dtod", "cycle_to_cycle", .. PhysicalKeys];
    private static readonly string[] PresetOnlyKeys = ["preset", "dw_min", "up_down", "gamma_up", "gamma_down", "a_up", "a_down", "piecewise_up", "piecewise_down"];
    private static readonly string[] PulseKeys = ["amplitude", "width"];
    private static readonly string[] UpdateKeys = ["mode", "bit_length", "update_management", "bl_management", "half_select", "wire_resistance"];
    private static readonly string[] TikiTakaKeys = ["gamma", "transfer_every", "transfer_learning_rate", "buffer_threshold", "zero_shift"];
    private static readonly string[] Algorithms = ["fp", "analog_sgd", "tiki_taka", "tiki_taka_v2", "mixed_precision"];
    private static readonly string[] Modes = ["stochastic", "pulse_count", "ideal"];
    private static readonly NumberRange Spread = NumberRange.Between(0, 10);

    /// <summary>The keys this reader takes.</summary>
    public static IReadOnlyList<string> Keys { get; } = ["algorithm", "device", "update", "tiki_taka"];

    /// <summary>Reads the tile training of <paramref name="root"/>; <paramref name="presetName"/> names the device (for summaries).</summary>
    public static TileTraining Read(YamlSection root, out string presetName)
    {
        ArgumentNullException.ThrowIfNull(root);
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

        var device = ReadDevice(root, out presetName);
        var update = ReadUpdate(root);
        if (update.HalfSelect && device.Response is null)
        {
            throw root.GetSection("update").Error("half_select", "half_select needs a physical device (device: { model: ... }): a preset has no voltage to halve");
        }

        if (update.WireResistance > 0 && device.Response is null)
        {
            throw root.GetSection("update").Error("wire_resistance", "wire_resistance needs a physical device (device: { model: ... }): the wired array is solved with the model's own currents");
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
                t.GetDouble("buffer_threshold", 1, NumberRange.Positive, "C gets pulses where |H| ≥ buffer_threshold·Δw_min"),
                t.GetInt("zero_shift", 0, NumberRange.Between(0, 10_000_000), "up/down pulse pairs that drive A to its symmetry point before training (0: off)"));
        }

        return new TileTraining(algorithm, device, update, tt);
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
        PulsedDevice shape;
        if (DevicePresets.Find(presetName) is { } published)
        {
            // a published preset: its file's device block, read as this one is, gives the defaults of every key here
            published.Device.RejectUnknownKeys(DeviceKeys);
            var fileShape = published.Device.GetString("preset").ToLowerInvariant();
            shape = ReadPreset(published.Device, PulsedDevice.Preset(fileShape)
                ?? throw published.Device.Error("preset", $"unknown device preset '{fileShape}'", Suggestions.Hint(fileShape, PulsedDevice.PresetNames)), fileShape);
        }
        else
        {
            shape = PulsedDevice.Preset(presetName)
                ?? throw d!.Error("preset", $"unknown device preset '{presetName}'", Suggestions.Hint(presetName, [.. PulsedDevice.PresetNames, .. DevicePresets.Names]));
        }

        return ReadPreset(d, shape, presetName);
    }

    /// <summary>The keys of a preset device in <paramref name="d"/>, each defaulting to <paramref name="shape"/>'s value.</summary>
    private static PulsedDevice ReadPreset(YamlSection? d, PulsedDevice shape, string presetName)
    {
        var dwMin = d?.GetDouble("dw_min", shape.DwMin, NumberRange.Positive, "nominal weight step of one pulse") ?? shape.DwMin;
        var preset = shape with { DwMin = dwMin };
        if (d is null)
        {
            return preset;
        }

        var (wMin, wMax) = ReadBounds(d, preset.WMin, preset.WMax);
        if (preset.Kind is DeviceResponseKind.SoftBounds or DeviceResponseKind.LinearStep && !(wMin < 0 && wMax > 0))
        {
            throw d.Error(d.Has("w_min") ? "w_min" : "w_max", $"{presetName} needs w_min < 0 < w_max (its step divides by the bounds)");
        }

        foreach (var key in (string[])["piecewise_up", "piecewise_down"])
        {
            if (d.Has(key) && preset.Kind != DeviceResponseKind.PiecewiseStep)
            {
                throw d.Error(key, $"'{key}' belongs to preset: piecewise_step", $"{presetName} has its own step shape; use preset: piecewise_step for a tabulated one");
            }

            if (d.Has(key) && d.GetDoubleList(key) is { } values && (values.Length < 2 || values.Any(v => !(v >= 0) || double.IsInfinity(v))))
            {
                throw d.Error(key, $"'{key}' needs at least two values, none negative", "the step factor at evenly spaced weights from w_min to w_max, e.g. [1.2, 1.0, 0.6, 0.2]");
            }
        }

        return WithSpreads(d, preset with
        {
            PiecewiseUp = d.Has("piecewise_up") ? d.GetDoubleList("piecewise_up") : preset.PiecewiseUp,
            PiecewiseDown = d.Has("piecewise_down") ? d.GetDoubleList("piecewise_down") : preset.PiecewiseDown,
            WMin = wMin,
            WMax = wMax,
            UpDown = d.GetDouble("up_down", preset.UpDown, new NumberRange(-1, 1, LowOpen: true, HighOpen: true), "up/down asymmetry a: Δw_up = Δw_min(1 + a), Δw_down = Δw_min(1 − a)"),
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
        DwMinDtoD = d.GetDouble("dw_min_dtod", device.DwMinDtoD, Spread, "relative device-to-device spread of dw_min"),
        BoundsDtoD = d.GetDouble("bounds_dtod", device.BoundsDtoD, Spread, "relative device-to-device spread of w_min and w_max"),
        UpDownDtoD = d.GetDouble("up_down_dtod", device.UpDownDtoD, Spread, "device-to-device spread of up_down"),
        CycleToCycle = d.GetDouble("cycle_to_cycle", device.CycleToCycle, Spread, "relative pulse-to-pulse noise σ of each step"),
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
        if (halfSelect && mode == UpdateMode.Ideal)
        {
            throw u.Error("half_select", "half_select (the V/2 programming scheme) needs mode: pulse_count or stochastic", "an ideal update has no pulses to half-select");
        }

        var blManagement = u.GetBool("bl_management", false);
        if (blManagement && mode != UpdateMode.Stochastic)
        {
            throw u.Error("bl_management", "bl_management (aihwkit's update BL management) adapts the stochastic streams' length", "use it with mode: stochastic");
        }

        var wire = u.GetDouble("wire_resistance", 0, NumberRange.NonNegative, "resistance of one wire segment between crosspoints (Ω, ≥ 0)");
        if (wire > 0 && !(halfSelect && mode == UpdateMode.Stochastic))
        {
            throw u.Error("wire_resistance", "wire_resistance (training through the wired array) runs the stochastic V/2 update slot by slot", "use it with mode: stochastic and half_select: true");
        }

        return new PulseUpdate(mode, bl, u.GetBool("update_management", true)) { HalfSelect = halfSelect, BitLengthManagement = blManagement, WireResistance = wire };
    }
}
