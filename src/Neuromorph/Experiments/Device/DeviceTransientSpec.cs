using Neuromorph.Devices;
using Neuromorph.Devices.Transients;
using Neuromorph.Diagnostics;
using Neuromorph.Io.Yaml;
using Neuromorph.Numerics.Ode;

namespace Neuromorph.Experiments.Device;

/// <summary>
/// One memristor's transient as a file: the model with its parameters, a series resistance, a drive and a time grid.
/// A device study varies it (<c>base: { device: file.yaml }</c>); <c>kind: device</c> (<see cref="DeviceExperiment"/>)
/// runs it once, with the same keys. Every number is addressable by a key path (<c>parameters.roff</c>,
/// <c>drive.sin.amplitude</c>, <c>drive.pwl.values[1]</c>, <c>series_resistance</c>), which is what study parameters name.
/// <code>
/// model: vteam
/// parameters: { ron: 50, roff: 1k, von: -0.2, voff: 0.02 }
/// series_resistance: 10
/// drive: { sin: { amplitude: 1, frequency: 50k } }   # or dc: 1 | pulse: {...} | pwl: { times: [...], values: [...] }
/// stop: 40u
/// steps: 4000          # sample intervals (the longest step)
/// integrator: rosenbrock   # adaptive and stiff-stable (default), or rk4: one fixed step per sample interval
/// rtol: 1e-6           # rosenbrock's relative tolerance (absolute: rtol × the state's range)
/// </code>
/// </summary>
public sealed class DeviceTransientSpec
{
    private static readonly Dictionary<string, string[]> DriveKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["pulse"] = ["v1", "v2", "delay", "rise", "fall", "width", "period"],
        ["sin"] = ["offset", "amplitude", "frequency", "delay", "damping", "phase"],
    };

    private readonly Dictionary<string, double> _values = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SourceLocation> _where = new(StringComparer.OrdinalIgnoreCase);
    private readonly int _pwlPoints;

    private static readonly string[] FileKeys = ["model", "parameters", "series_resistance", "drive", "stop", "steps", "integrator", "rtol"];

    private DeviceTransientSpec(YamlSection root, bool experiment)
    {
        root.RejectUnknownKeys(experiment ? [.. FileKeys, "kind", "experiment"] : FileKeys);
        Location = root.Location;
        ModelName = root.GetString("model");
        if (MemristorCatalog.FindByName(ModelName) is null)
        {
            throw root.Error("model", $"unknown memristor model '{ModelName}'", Suggestions.Hint(ModelName, [.. MemristorCatalog.All.Select(d => d.Name)]));
        }

        if (root.TryGetSection("parameters") is { } parameters)
        {
            foreach (var key in parameters.Keys)
            {
                Add($"parameters.{key}", parameters.GetDouble(key), parameters.LocationOf(key));
            }
        }

        Add("series_resistance", root.GetDouble("series_resistance", 0), root.LocationOf("series_resistance"));
        SeriesResistance(new Dictionary<string, double>());
        Stop = root.GetDouble("stop");
        Steps = root.GetInt("steps");
        if (!(Stop > 0) || Steps < 1)
        {
            throw root.Error("stop", $"the time grid needs stop > 0 and steps >= 1 (got stop {Stop}, steps {Steps})");
        }

        Integrator = root.GetString("integrator", "rosenbrock").ToLowerInvariant() switch
        {
            "rosenbrock" or "rosenbrock23" => LaneIntegrator.Rosenbrock23,
            "rk4" => LaneIntegrator.RungeKutta4,
            var other => throw root.Error("integrator", $"unknown integrator '{other}'", "rosenbrock (adaptive, for stiff switching; the default) or rk4 (one fixed step per sample interval)"),
        };
        RelativeTolerance = root.GetDouble("rtol", 1e-6);
        if (!(RelativeTolerance > 0 && RelativeTolerance < 1))
        {
            throw root.Error("rtol", $"rtol must lie between 0 and 1 (got {RelativeTolerance})", "e.g. rtol: 1e-6");
        }

        var drive = root.GetSection("drive");
        var kinds = drive.Keys.ToList();
        if (kinds.Count != 1)
        {
            throw new UserInputException(drive.Location, "drive must name exactly one of: dc, pulse, sin, pwl", "e.g. drive: { sin: { amplitude: 1, frequency: 50k } }");
        }

        DriveKind = kinds[0].ToLowerInvariant();
        switch (DriveKind)
        {
            case "dc":
                Add("drive.dc", drive.GetDouble("dc"), drive.LocationOf("dc"));
                break;
            case "pulse" or "sin":
                var section = drive.GetSection(DriveKind);
                section.RejectUnknownKeys(DriveKeys[DriveKind]);
                foreach (var key in DriveKeys[DriveKind])
                {
                    Add($"drive.{DriveKind}.{key}", section.GetDouble(key, 0), section.LocationOf(key));
                }

                break;
            case "pwl":
                var pwl = drive.GetSection("pwl");
                pwl.RejectUnknownKeys("times", "values");
                var times = pwl.GetDoubleList("times");
                var values = pwl.GetDoubleList("values");
                if (times.Length != values.Length || times.Length is < 1 or > DriveWaveform.MaxPoints)
                {
                    throw new UserInputException(pwl.Location, $"pwl needs as many times as values, 1 to {DriveWaveform.MaxPoints} points (got {times.Length} and {values.Length})");
                }

                _pwlPoints = times.Length;
                for (var k = 0; k < times.Length; k++)
                {
                    Add($"drive.pwl.times[{k}]", times[k], pwl.LocationOf("times"));
                    Add($"drive.pwl.values[{k}]", values[k], pwl.LocationOf("values"));
                }

                break;
            default:
                throw drive.Error(kinds[0], $"unknown drive '{kinds[0]}'", Suggestions.Hint(kinds[0], ["dc", "pulse", "sin", "pwl"]));
        }
    }

    /// <summary>The memristor model's name (any of <see cref="MemristorCatalog.All"/>: hp, team, vteam, yakopcic, knowm, ctd, threshold).</summary>
    public string ModelName { get; }

    /// <summary>The drive's kind: dc, pulse, sin or pwl.</summary>
    public string DriveKind { get; }

    /// <summary>End time in seconds.</summary>
    public double Stop { get; }

    /// <summary>Time steps (samples after t = 0).</summary>
    public int Steps { get; }

    /// <summary>How each lane is integrated (default: adaptive Rosenbrock).</summary>
    public LaneIntegrator Integrator { get; }

    /// <summary>Relative tolerance of the adaptive integrator.</summary>
    public double RelativeTolerance { get; }

    /// <summary>The time grid and integrator every lane runs on.</summary>
    public TransientGrid Grid => new(Stop, Steps, Integrator, RelativeTolerance);

    /// <summary>Where the file starts.</summary>
    public SourceLocation Location { get; }

    /// <summary>Every key path a study may vary.</summary>
    public IEnumerable<string> Keys => _values.Keys;

    /// <summary>
    /// What a lane that ended without a finite state means, for the integrator that ran it: the one message device
    /// studies and the device experiment give.
    /// </summary>
    public string DivergenceMessage => Integrator == LaneIntegrator.Rosenbrock23
        ? "the device could not be integrated: the adaptive step fell below 1e-12 of the run or the state ran away (a discontinuous or diverging state equation)"
        : "the fixed-step integration diverged (the state ran more than 100 ranges from its start: the step is too long for these parameters; use integrator: rosenbrock or more steps)";

    /// <summary>Reads a device file.</summary>
    public static DeviceTransientSpec Read(string path) => new(YamlSection.LoadFile(path), experiment: false);

    /// <summary>Parses device-file text (for tests).</summary>
    public static DeviceTransientSpec Parse(string text, string file) => new(YamlSection.Parse(text, file), experiment: false);

    /// <summary>Reads the device keys of a <c>kind: device</c> experiment file (its <c>kind:</c> key besides them).</summary>
    public static DeviceTransientSpec FromExperiment(YamlSection root)
    {
        ArgumentNullException.ThrowIfNull(root);
        return new(root, experiment: true);
    }

    /// <summary>Whether <paramref name="key"/> names a number in the file.</summary>
    public bool Has(string key) => _values.ContainsKey(key);

    /// <summary>The device for one point: the file's values with <paramref name="overrides"/>; bad values are located input errors.</summary>
    public IMemristorModel Model(IReadOnlyDictionary<string, double> overrides)
    {
        var parameters = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in _values)
        {
            if (key.StartsWith("parameters.", StringComparison.OrdinalIgnoreCase))
            {
                parameters[key["parameters.".Length..]] = Value(key, overrides);
            }
        }

        return MemristorCatalog.Create(ModelName, parameters, Location);
    }

    /// <summary>The drive for one point.</summary>
    public DriveWaveform Drive(IReadOnlyDictionary<string, double> overrides)
    {
        double V(string key) => Value($"drive.{DriveKind}{key}", overrides);
        return DriveKind switch
        {
            "dc" => DriveWaveform.Dc(V("")),
            "pulse" => DriveWaveform.Pulse(V(".v1"), V(".v2"), V(".delay"), V(".rise"), V(".fall"), V(".width"), V(".period")),
            "sin" => DriveWaveform.Sin(V(".offset"), V(".amplitude"), V(".frequency"), V(".delay"), V(".damping"), V(".phase")),
            _ => Pwl(overrides),
        };
    }

    /// <summary>R_s for one point (ohms, at least 0).</summary>
    public double SeriesResistance(IReadOnlyDictionary<string, double> overrides)
    {
        var r = Value("series_resistance", overrides);
        return r >= 0 && !double.IsPositiveInfinity(r) ? r : throw new UserInputException(_where["series_resistance"], $"series_resistance must be a finite number of ohms >= 0, got {r}", "0 drives the device directly with the source voltage");
    }

    private DriveWaveform Pwl(IReadOnlyDictionary<string, double> overrides)
    {
        var times = new double[_pwlPoints];
        var values = new double[_pwlPoints];
        for (var k = 0; k < _pwlPoints; k++)
        {
            times[k] = Value($"drive.pwl.times[{k}]", overrides);
            values[k] = Value($"drive.pwl.values[{k}]", overrides);
        }

        try
        {
            return DriveWaveform.Pwl(times, values);
        }
        catch (ArgumentException ex)
        {
            throw new UserInputException(_where["drive.pwl.times[0]"], ex.Message);
        }
    }

    private double Value(string key, IReadOnlyDictionary<string, double> overrides) =>
        overrides.TryGetValue(key, out var v) ? v : _values[key];

    private void Add(string key, double value, SourceLocation at)
    {
        _values[key] = value;
        _where[key] = at;
    }
}
