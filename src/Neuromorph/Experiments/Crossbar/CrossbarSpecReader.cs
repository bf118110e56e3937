using Neuromorph.Crossbars;
using Neuromorph.Devices;
using Neuromorph.Diagnostics;
using Neuromorph.Experiments.Shared;
using Neuromorph.Io;
using Neuromorph.Io.Yaml;
using Neuromorph.Numerics;
using Neuromorph.Units;
using YamlDotNet.RepresentationModel;

namespace Neuromorph.Experiments.Crossbar;

/// <summary>Reads <c>kind: crossbar</c> files; every mistake is a located user error naming the row and column where it applies.</summary>
public static class CrossbarSpecReader
{
    private static readonly string[] Top = ["kind", "array", "inputs", "inputs_csv", "nonidealities", "seed", "outputs", "solver"];
    private static readonly string[] SolverKeys = ["method", "tolerance", "max_iterations", "preconditioner"];
    private static readonly string[] VariabilityKeys = ["on", "distribution", "sigma"];
    private static readonly string[] ArrayKeys = ["conductances", "resistances", "conductances_csv", "resistances_csv", "weights", "weights_csv", "mapping", "wire_resistance", "word_wire_resistance", "bit_wire_resistance", "source_resistance", "sink_resistance", "access_resistance", "programming"];
    private static readonly string[] MappingKeys = ["scheme", "g_min", "g_max", "levels", "w_max"];
    private static readonly string[] ProgrammingKeys = ["method", "model", "parameters", "pulse_amplitude", "pulse_width", "read_voltage", "tolerance", "max_pulses"];
    private static readonly string[] NonIdealKeys = ["variability", "distribution", "programming_noise", "preset", "stuck_lrs", "stuck_hrs", "drift_nu", "drift_time", "drift_t0", "read_noise", "dac_bits", "dac_range", "adc_bits", "adc_range", "nonlinearity"];

    /// <summary>Converter widths: 0 (ideal) up to the widest a double resolves exactly.</summary>
    private static readonly NumberRange ConverterBits = NumberRange.Between(0, DataConverter.MaxBits);

    /// <summary>Relative spreads σ (variability, read noise): beyond 10 (1000 %) a draw overflows or means nothing.</summary>
    private static readonly NumberRange RelativeSpread = NumberRange.Between(0, 10);

    private static readonly string BitsHint = $"converter resolution in bits: 1 to {DataConverter.MaxBits}, or 0 for an ideal converter";

    /// <summary>Reads the experiment; <paramref name="seedOverride"/> replaces the file's seed (studies).</summary>
    public static CrossbarSpec Read(YamlSection root, long? seedOverride = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.RejectUnknownKeys(Top);
        var a = root.GetSection("array");
        a.RejectUnknownKeys(ArrayKeys);
        var forms = new[] { "conductances", "resistances", "conductances_csv", "resistances_csv", "weights", "weights_csv" }.Where(a.Has).ToList();
        if (forms.Count != 1)
        {
            throw new UserInputException(a.Location, "array needs exactly one of conductances, resistances, weights (inline or _csv)", "e.g. resistances: [[10k, 20k], [15k, 5k]]");
        }

        var form = forms[0];
        var matrix = form.EndsWith("_csv", StringComparison.Ordinal) ? ReadCsv(a, form) : a.GetMatrix(form);
        if (matrix.Length == 0 || matrix[0].Length == 0)
        {
            throw a.Error(form, "the matrix is empty");
        }

        double[,]? weights = null;
        WeightMapping? mapping = null;
        var levels = 0;
        double[,] target;
        if (form.StartsWith("weights", StringComparison.Ordinal))
        {
            weights = To2D(matrix);
            var map = a.TryGetSection("mapping");
            map?.RejectUnknownKeys(MappingKeys);
            var scheme = (map?.GetString("scheme", "differential") ?? "differential").ToLowerInvariant() switch
            {
                "differential" => MappingScheme.Differential,
                "offset" => MappingScheme.Offset,
                var s => throw map!.Error("scheme", $"unknown mapping scheme '{s}'", "use differential or offset"),
            };
            var gMin = map?.GetDouble("g_min", 1e-6, NumberRange.NonNegative, "the lowest conductance in siemens") ?? 1e-6;
            var gMax = map?.GetDouble("g_max", 100e-6, NumberRange.Positive, "the highest conductance in siemens") ?? 100e-6;
            if (!(gMax > gMin) || gMin < 0)
            {
                throw new UserInputException(map?.LocationOf("g_min") ?? a.Location, $"need 0 <= g_min < g_max (got g_min = {gMin}, g_max = {gMax})");
            }

            levels = map?.GetInt("levels", 0, NumberRange.NonNegative, "conductance levels: at least 2, or 0 for continuous") ?? 0;
            if (levels is 1 or < 0)
            {
                throw new UserInputException(map!.LocationOf("levels"), $"levels must be at least 2 (or 0 for continuous), got {levels}");
            }

            var wMax = map?.GetDouble("w_max", 0, NumberRange.NonNegative, "the weight magnitude mapped to g_max; 0 or absent = the largest |weight|") ?? 0;
            if (wMax <= 0)
            {
                wMax = matrix.SelectMany(r => r).Max(Math.Abs);
            }

            mapping = new WeightMapping(scheme, gMin, gMax, wMax, weights.GetLength(1));
            target = mapping.Map(weights);
        }
        else
        {
            var resist = form.StartsWith("resistances", StringComparison.Ordinal);
            target = new double[matrix.Length, matrix[0].Length];
            for (var i = 0; i < matrix.Length; i++)
            {
                for (var j = 0; j < matrix[i].Length; j++)
                {
                    var x = matrix[i][j];
                    if (resist ? !(x > 0) : !(x >= 0))
                    {
                        throw a.Error(form, $"{(resist ? "resistance" : "conductance")} at row {i + 1}, column {j + 1} is {x}", resist ? "resistances must be positive" : "conductances must not be negative");
                    }

                    target[i, j] = resist ? 1 / x : x;
                }
            }
        }

        const string Ohms = "a resistance in ohms";
        var wire = a.GetDouble("wire_resistance", 0, NumberRange.NonNegative, "ohms per wire segment");
        var word = a.GetDouble("word_wire_resistance", wire, NumberRange.NonNegative, "ohms per word-wire segment");
        var bit = a.GetDouble("bit_wire_resistance", wire, NumberRange.NonNegative, "ohms per bit-wire segment");
        double? src = a.Has("source_resistance") ? a.GetDouble("source_resistance", NumberRange.NonNegative, Ohms) : null;
        double? sink = a.Has("sink_resistance") ? a.GetDouble("sink_resistance", NumberRange.NonNegative, Ohms) : null;

        var inputs = root.Has("inputs_csv") ? ReadCsv(root, "inputs_csv") : root.GetMatrix("inputs");
        var rows = target.GetLength(0);
        for (var k = 0; k < inputs.Length; k++)
        {
            if (inputs[k].Length != rows)
            {
                throw new UserInputException(root.LocationOf(root.Has("inputs_csv") ? "inputs_csv" : "inputs"), $"input vector {k + 1} has {inputs[k].Length} values, the array has {rows} rows", "one voltage per word line (row)");
            }
        }

        var ni = NonIdealitiesReader.Read(root.TryGetSection("nonidealities"));
        var outputs = root.TryGetSection("outputs");
        double? access = a.Has("access_resistance") ? a.GetDouble("access_resistance", NumberRange.NonNegative, "the access transistor's on-resistance in ohms") : null;

        Func<IMemristorModel>? device = null;
        WriteVerifySettings? wv = null;
        if (a.TryGetSection("programming") is { } prog)
        {
            prog.RejectUnknownKeys(ProgrammingKeys);
            var method = prog.GetString("method", "direct").ToLowerInvariant();
            if (method == "write_verify")
            {
                var model = prog.GetString("model");
                var parameters = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
                if (prog.TryGetSection("parameters") is { } ps)
                {
                    foreach (var k in ps.Keys)
                    {
                        parameters[k] = ps.GetDouble(k);
                    }
                }

                var where = prog.LocationOf("model");
                MemristorCatalog.Create(model, parameters, where); // validates once, with location
                device = () => MemristorCatalog.Create(model, parameters, where);
                wv = new WriteVerifySettings(
                    prog.GetDouble("pulse_amplitude", 1, NumberRange.Positive, "the pulse height in volts"),
                    prog.GetDouble("pulse_width", 1e-6, NumberRange.Positive, "the first pulse's width in seconds"),
                    prog.GetDouble("read_voltage", 0.1, NumberRange.Positive, "the verify read voltage in volts"),
                    prog.GetDouble("tolerance", 0.02, new NumberRange(0, 1, LowOpen: true, HighOpen: true), "a relative tolerance such as 0.02"),
                    prog.GetInt("max_pulses", 200, NumberRange.AtLeast(1), "the pulse budget per device"));
            }
            else if (method != "direct")
            {
                throw prog.Error("method", $"unknown programming method '{method}'", "use direct or write_verify");
            }
        }

        return new CrossbarSpec(target, mapping, weights, levels, word, bit, src, sink, inputs, ni, seedOverride ?? root.GetLong("seed", 1), outputs?.GetBool("device_currents", true) ?? true)
        {
            AccessResistance = access,
            Device = device,
            WriteVerify = wv,
            Solver = ReadSolver(root),
        };
    }

    /// <summary>Reads <c>solver: auto | direct | iterative</c> or <c>solver: { method, tolerance, max_iterations, preconditioner }</c>.</summary>
    public static NodalSolverOptions ReadSolver(YamlSection root)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (!root.Has("solver"))
        {
            return new NodalSolverOptions();
        }

        YamlSection? s = root.Find("solver") is YamlScalarNode ? null : root.GetSection("solver");
        s?.RejectUnknownKeys(SolverKeys);
        var method = (s is null ? root.GetString("solver") : s.GetString("method", "auto")).ToLowerInvariant() switch
        {
            "auto" => NodalSolverMethod.Auto,
            "direct" => NodalSolverMethod.Direct,
            "iterative" => NodalSolverMethod.Iterative,
            var m => throw (s is null ? root.Error("solver", $"unknown solver '{m}'", "use auto, direct or iterative") : s.Error("method", $"unknown solver method '{m}'", "use auto, direct or iterative")),
        };
        if (s is null)
        {
            return new NodalSolverOptions { Method = method };
        }

        var defaults = new NodalSolverOptions();
        var tolerance = s.GetDouble("tolerance", defaults.Tolerance);
        if (!(tolerance is > 0 and < 1))
        {
            throw s.Error("tolerance", $"the solver tolerance must be in (0, 1), got {tolerance}", "a relative residual such as 1e-12");
        }

        var maxIterations = s.GetInt("max_iterations", defaults.MaxIterations);
        if (maxIterations < 1)
        {
            throw s.Error("max_iterations", $"max_iterations must be at least 1, got {maxIterations}");
        }

        var preconditioner = s.GetString("preconditioner", "line").ToLowerInvariant() switch
        {
            "line" => CrossbarPreconditioner.LineGaussSeidel,
            "line_jacobi" => CrossbarPreconditioner.LineJacobi,
            "ic0" => CrossbarPreconditioner.IncompleteCholesky,
            "jacobi" => CrossbarPreconditioner.Jacobi,
            var p => throw s.Error("preconditioner", $"unknown preconditioner '{p}'", "use line (the default), line_jacobi, ic0 or jacobi"),
        };
        return new NodalSolverOptions { Method = method, Tolerance = tolerance, MaxIterations = maxIterations, Preconditioner = preconditioner };
    }

    private static double[,] To2D(double[][] m)
    {
        var r = new double[m.Length, m[0].Length];
        for (var i = 0; i < m.Length; i++)
        {
            for (var j = 0; j < m[i].Length; j++)
            {
                r[i, j] = m[i][j];
            }
        }

        return r;
    }

    /// <summary>A numeric CSV (no header, plain numbers: <see cref="CsvMatrix"/>) named by <paramref name="key"/>, relative to the YAML file; ragged or non-numeric cells are located errors.</summary>
    private static double[][] ReadCsv(YamlSection s, string key)
    {
        var rel = s.GetString(key);
        var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(s.File)) ?? ".", rel));
        if (!File.Exists(path))
        {
            throw s.Error(key, $"file '{rel}' not found", "paths are relative to the experiment file");
        }

        return CsvMatrix.Read(path);
    }
}
