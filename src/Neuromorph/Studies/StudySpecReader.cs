using System.Security.Cryptography;
using System.Text;
using Neuromorph.Diagnostics;
using Neuromorph.Io.Yaml;

namespace Neuromorph.Studies;

/// <summary>Reads a study YAML file into a <see cref="StudySpec"/>; every mistake is a located <see cref="UserInputException"/>.</summary>
public static class StudySpecReader
{
    private static readonly string[] TopKeys = ["study", "base", "parameters", "sampling", "samples", "replicates", "seed", "metrics"];
    private static readonly string[] BaseKeys = ["netlist", "experiment", "device"];
    private static readonly string[] AxisKeys = ["name", "list", "linspace", "logspace", "range", "low", "high", "log"];
    private static readonly string[] MetricKeys = ["name", "final", "at", "min", "max", "average", "rms", "cross", "value", "time", "from", "to", "threshold", "direction"];

    /// <summary>Reads and validates <paramref name="path"/>.</summary>
    public static StudySpec ReadFile(string path)
    {
        var root = YamlSection.LoadFile(path);
        return Read(root, File.ReadAllText(path));
    }

    /// <summary>Reads a parsed study; <paramref name="text"/> is the file's content, used for the fingerprint.</summary>
    public static StudySpec Read(YamlSection root, string text)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.RejectUnknownKeys(TopKeys);
        var name = root.GetString("study", Path.GetFileNameWithoutExtension(root.File));
        var baseSection = root.GetSection("base");
        baseSection.RejectUnknownKeys(BaseKeys);
        var keys = baseSection.Keys.ToList();
        if (keys.Count != 1)
        {
            throw new UserInputException(baseSection.Location, "base must name exactly one of: netlist, experiment, device", "e.g. base: { netlist: switching.cir }");
        }

        var baseKind = keys[0].ToLowerInvariant() switch { "netlist" => StudySubjectKind.Netlist, "device" => StudySubjectKind.Device, _ => StudySubjectKind.Experiment };
        var relative = baseSection.GetString(keys[0]);
        var basePath = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(root.File)) ?? ".", relative));
        if (!File.Exists(basePath))
        {
            throw new UserInputException(baseSection.LocationOf(keys[0]), $"base file '{relative}' not found", "paths are relative to the study file");
        }

        var sampling = ReadSampling(root);
        var axes = root.GetSectionList("parameters").Select(a => ReadAxis(a, sampling)).ToList();
        if (axes.Count == 0)
        {
            throw new UserInputException(root.LocationOf("parameters"), "a study needs at least one parameter to vary");
        }

        var samples = sampling == SamplingMethod.Grid ? 0 : root.GetInt("samples");
        if (sampling != SamplingMethod.Grid && samples < 1)
        {
            throw root.Error("samples", "samples must be at least 1");
        }

        var replicates = root.GetInt("replicates", 1);
        if (replicates < 1)
        {
            throw root.Error("replicates", "replicates must be at least 1");
        }

        var metrics = root.GetSectionList("metrics").Select(ReadMetric).ToList();
        if (metrics.Count == 0)
        {
            throw new UserInputException(root.LocationOf("metrics"), "a study needs at least one metric");
        }

        StudyColumns.RequireDistinct(axes, metrics);
        var fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text ?? "")))[..16].ToLowerInvariant();
        return new StudySpec(name, root.File, baseKind, basePath, axes, sampling, samples, replicates, root.GetLong("seed", 1), metrics, fingerprint);
    }

    private static SamplingMethod ReadSampling(YamlSection root) => root.GetString("sampling", "grid").ToLowerInvariant() switch
    {
        "grid" => SamplingMethod.Grid,
        "random" => SamplingMethod.Random,
        "lhs" or "latin-hypercube" => SamplingMethod.LatinHypercube,
        var s => throw root.Error("sampling", $"unknown sampling '{s}'", "use grid, random or lhs"),
    };

    private static ParameterAxis ReadAxis(YamlSection a, SamplingMethod sampling)
    {
        a.RejectUnknownKeys(AxisKeys);
        var key = a.GetString("name");
        if (sampling != SamplingMethod.Grid)
        {
            var low = a.GetDouble("low");
            var high = a.GetDouble("high");
            var log = a.GetBool("log", false);
            if (!(high > low) || (log && low <= 0))
            {
                throw a.Error("high", $"parameter '{key}' needs low < high{(log ? " and low > 0 for a log axis" : "")}");
            }

            return new ParameterAxis(key, [], low, high, log) { Location = a.LocationOf("name") };
        }

        var forms = new[] { "list", "linspace", "logspace", "range" }.Where(a.Has).ToList();
        if (forms.Count != 1)
        {
            throw new UserInputException(a.Location, $"parameter '{key}' needs exactly one of list, linspace, logspace, range", "e.g. linspace: [1k, 100k, 5] gives 5 values");
        }

        var form = forms[0];
        var raw = a.GetDoubleList(form);
        double[] values;
        try
        {
            values = form switch
            {
                "list" => raw,
                "linspace" when raw.Length == 3 => ParameterAxis.Linspace(raw[0], raw[1], CountOf(raw[2], a, form)),
                "logspace" when raw.Length == 3 => ParameterAxis.Logspace(raw[0], raw[1], CountOf(raw[2], a, form)),
                "range" when raw.Length == 3 => ParameterAxis.Range(raw[0], raw[1], raw[2]),
                _ => throw a.Error(form, $"{form} takes three numbers", form == "range" ? "range: [start, stop, step]" : $"{form}: [start, stop, count]"),
            };
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw a.Error(form, $"parameter '{key}': {ex.Message.Split(" (Parameter")[0]}");
        }

        if (values.Length == 0)
        {
            throw a.Error(form, $"parameter '{key}' has an empty range");
        }

        return new ParameterAxis(key, values, values.Min(), values.Max(), form == "logspace") { Location = a.LocationOf("name") };
    }

    private static int CountOf(double count, YamlSection a, string form)
    {
        if (count < 1 || count != Math.Floor(count))
        {
            throw a.Error(form, $"the count in {form} must be a whole number >= 1, got {count}");
        }

        return (int)count;
    }

    private static MetricSpec ReadMetric(YamlSection m)
    {
        m.RejectUnknownKeys(MetricKeys);
        var name = m.GetString("name");
        var kinds = new (string Key, MetricKind Kind)[]
        {
            ("final", MetricKind.Final), ("at", MetricKind.At), ("min", MetricKind.Min), ("max", MetricKind.Max),
            ("average", MetricKind.Average), ("rms", MetricKind.Rms), ("cross", MetricKind.Cross), ("value", MetricKind.Value),
        }.Where(k => m.Has(k.Key)).ToList();
        if (kinds.Count != 1)
        {
            throw new UserInputException(m.Location, $"metric '{name}' needs exactly one of final, at, min, max, average, rms, cross, value", "e.g. { name: x_end, final: x(m1) }");
        }

        var (key, kind) = kinds[0];
        var signal = m.GetString(key).ToLowerInvariant();
        double? Opt(string k) => m.Has(k) ? m.GetDouble(k) : null;
        var direction = m.GetString("direction", "either").ToLowerInvariant() switch
        {
            "either" => CrossDirection.Either,
            "rise" => CrossDirection.Rise,
            "fall" => CrossDirection.Fall,
            var d => throw m.Error("direction", $"unknown direction '{d}'", "use rise, fall or either"),
        };
        if (kind == MetricKind.At && !m.Has("time"))
        {
            throw new UserInputException(m.Location, $"metric '{name}' (at) needs time: ...");
        }

        if (kind == MetricKind.Cross && !m.Has("threshold"))
        {
            throw new UserInputException(m.Location, $"metric '{name}' (cross) needs threshold: ...");
        }

        return new MetricSpec(name, kind, signal, m.LocationOf(key), Opt("time"), Opt("from"), Opt("to"), Opt("threshold"), direction) { NameLocation = m.LocationOf("name") };
    }
}
