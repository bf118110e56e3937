using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Neuromorph.Devices;
using Neuromorph.Devices.Transients;
using Neuromorph.Diagnostics;
using Neuromorph.Experiments.Device;
using Neuromorph.Io.Yaml;

namespace Neuromorph.Interop;

/// <summary>
/// The <c>device</c> operation behind Python's <c>device_transient</c>: one memristor file (the keys of a
/// <c>kind: device</c> experiment or a device study's device file) integrated at a batch of points, each point the
/// file with some numbers replaced (key paths as device studies name them: <c>parameters.roff</c>,
/// <c>drive.sin.amplitude</c>, <c>series_resistance</c>). Each point runs <see cref="MemristorTransient"/>, the
/// integration <c>kind: device</c> runs, so a point equals that experiment on the same file with the same values.
/// Points run in parallel on the host's cores; every model and drive is built first, in point order, so a bad value
/// is reported for the first point that has it.
/// </summary>
internal static class DeviceTransients
{
    /// <summary>
    /// Request: <c>text</c> (YAML or JSON of the device keys), <c>base</c> (folder for relative paths),
    /// <c>sweep</c> (<c>{key path: [values]}</c>, every list of one length, the batch). Answer: <c>points</c>,
    /// <c>samples</c> (the most any point took), <c>counts</c> (each point's samples: the adaptive integrator records
    /// every step it takes, so points differ), <c>time</c> and the signals <c>v, i, x, vm, r</c> as array handles
    /// (point-major, points × samples, NaN after a point's last sample), <c>completed</c> per point, <c>model</c>, <c>message</c> (what an unfinished point means).
    /// </summary>
    public static JsonObject Run(JsonObject request)
    {
        var text = request["text"] is JsonValue t && t.GetValueKind() == JsonValueKind.String
            ? t.GetValue<string>()
            : throw new UserInputException("device: give the device file's keys as 'text'");
        var baseDir = request["base"] is JsonValue b && b.GetValueKind() == JsonValueKind.String ? b.GetValue<string>() : ".";
        var root = YamlSection.Parse(text, Path.Combine(Path.GetFullPath(baseDir), "device.yaml"));
        var spec = root.Has("kind") ? DeviceTransientSpec.FromExperiment(root) : DeviceTransientSpec.Parse(text, Path.Combine(Path.GetFullPath(baseDir), "device.yaml"));
        var (names, values, points) = Sweep(request["sweep"], spec);

        var models = new IMemristorModel[points];
        var drives = new DriveWaveform[points];
        var series = new double[points];
        for (var k = 0; k < points; k++)
        {
            var overrides = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
            for (var n = 0; n < names.Length; n++)
            {
                overrides[names[n]] = values[n][k];
            }

            models[k] = spec.Model(overrides);
            drives[k] = spec.Drive(overrides);
            series[k] = spec.SeriesResistance(overrides);
        }

        var grid = spec.Grid;
        var waveforms = new MemristorWaveform[points];
        Parallel.For(0, points, k => waveforms[k] = MemristorTransient.Run(models[k], drives[k], series[k], grid));

        var samples = waveforms.Max(w => w.Count);
        double[] Signal(Func<MemristorWaveform, IReadOnlyList<double>> pick)
        {
            var all = new double[(long)points * samples];
            Array.Fill(all, double.NaN);
            for (var k = 0; k < points; k++)
            {
                var s = pick(waveforms[k]);
                for (var j = 0; j < s.Count; j++)
                {
                    all[(long)k * samples + j] = s[j];
                }
            }

            return all;
        }

        JsonObject Ref(double[] a) => new() { ["array"] = Handles.Add(a), ["length"] = a.LongLength };
        return new JsonObject
        {
            ["model"] = spec.ModelName,
            ["points"] = points,
            ["samples"] = samples,
            ["counts"] = new JsonArray([.. waveforms.Select(w => (JsonNode?)w.Count)]),
            ["time"] = Ref(Signal(w => w.Time)),
            ["v"] = Ref(Signal(w => w.Drive)),
            ["i"] = Ref(Signal(w => w.Current)),
            ["x"] = Ref(Signal(w => w.State)),
            ["vm"] = Ref(Signal(w => w.DeviceVoltage)),
            ["r"] = Ref(Signal(w => w.Resistance)),
            ["completed"] = new JsonArray([.. waveforms.Select(w => (JsonNode?)w.Completed)]),
            ["message"] = spec.DivergenceMessage,
        };
    }

    /// <summary>The swept key paths, their values and the batch size (1 without a sweep).</summary>
    private static (string[] Names, double[][] Values, int Points) Sweep(JsonNode? node, DeviceTransientSpec spec)
    {
        if (node is null)
        {
            return ([], [], 1);
        }

        var sweep = node as JsonObject ?? throw new UserInputException("device: 'sweep' must map key paths to lists of numbers");
        var names = new List<string>();
        var values = new List<double[]>();
        foreach (var (key, list) in sweep)
        {
            if (!spec.Has(key))
            {
                throw new UserInputException(
                    $"device: the file has no number at '{key}'",
                    $"sweep a key path of the file: {string.Join(", ", spec.Keys.Take(12))}{(spec.Keys.Count() > 12 ? ", ..." : "")}");
            }

            var array = list as JsonArray ?? throw new UserInputException($"device: sweep '{key}' must be a list of numbers");
            values.Add([.. array.Select(v => v is JsonValue j && j.GetValueKind() == JsonValueKind.Number
                ? j.GetValue<double>()
                : throw new UserInputException($"device: sweep '{key}' holds '{v?.ToJsonString()}', not a number"))]);
            names.Add(key);
        }

        var points = values.Count == 0 ? 1 : values[0].Length;
        if (values.Any(v => v.Length != points) || points == 0)
        {
            throw new UserInputException(
                string.Create(CultureInfo.InvariantCulture, $"device: the sweep's lists have lengths {string.Join(", ", values.Select(v => v.Length))}"),
                "give every swept key the same number of values (at least one)");
        }

        return ([.. names], [.. values], points);
    }
}
