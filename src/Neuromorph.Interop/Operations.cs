using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Neuromorph.Circuits.Simulation;
using Neuromorph.Compute;
using Neuromorph.Crossbars;
using Neuromorph.Diagnostics;
using Neuromorph.Dynamics;
using Neuromorph.Experiments;
using Neuromorph.Experiments.Crossbar;
using Neuromorph.Experiments.Minimize;
using Neuromorph.Experiments.Netlist;
using Neuromorph.Experiments.Results;
using Neuromorph.Experiments.Shared;
using Neuromorph.Io;
using Neuromorph.Io.Yaml;
using Neuromorph.Kernels.Backends;
using Neuromorph.Optimization;
using Neuromorph.Optimization.Problems;
using Neuromorph.Optimization.Registry;

namespace Neuromorph.Interop;

/// <summary>
/// The JSON operations behind <see cref="Exports.Call"/>; each makes the library calls the matching command of
/// Neuromorph.Cli makes (simulate, run, minimize, backends) and answers with metadata as JSON and arrays as handles
/// (<c>{"array": id, "length": n}</c>) that Python copies out with <c>nm_copy</c> and frees with <c>nm_release</c>.
/// </summary>
public static class Operations
{
    /// <summary>Runs the operation named by the request's <c>op</c>.</summary>
    public static JsonObject Dispatch(JsonObject request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var op = Text(request, "op") ?? throw new UserInputException("the request has no 'op'");
        return op switch
        {
            "version" => new JsonObject { ["version"] = typeof(Operations).Assembly.GetName().Version?.ToString(), ["runtime"] = Environment.Version.ToString(), ["kinds"] = new JsonArray([.. ExperimentCatalog.All.Select(k => (JsonNode?)k.Kind)]), ["solvers"] = new JsonArray([.. SolverCatalog.Names.Select(n => (JsonNode?)n)]) },
            "simulate" => Simulate(request),
            "run" => Run(request),
            "minimize" => Minimize(request),
            "backends" => Backends(),
            "device" => DeviceTransients.Run(request),
            "handles" => new JsonObject { ["count"] = Handles.Count() },
            _ => throw new UserInputException($"unknown operation '{op}'", "use simulate, run, minimize, device, backends or version"),
        };
    }

    /// <summary><c>neuromorph simulate</c>: every analysis with its CSV columns, the measurements and the warnings.</summary>
    private static JsonObject Simulate(JsonObject request)
    {
        var path = Text(request, "path") ?? throw new UserInputException("simulate: no netlist path");
        var engine = Text(request, "engine") ?? "mna";
        var chosen = NetlistEngines.Parse(engine) is { } kind
            ? NetlistEngines.For(kind)
            : throw new UserInputException($"unknown engine '{engine}'", "use mna or ctd");
        var report = NetlistSimulation.Run(Path.GetFullPath(path), chosen);
        var analyses = new JsonArray();
        foreach (var a in report.Analyses)
        {
            var (headers, columns) = a.Table();
            var cols = new JsonArray();
            for (var c = 0; c < headers.Count; c++)
            {
                cols.Add(new JsonObject { ["name"] = headers[c], ["array"] = Handles.Add(columns[c].ToArray()), ["length"] = columns[c].Count });
            }

            analyses.Add(new JsonObject { ["name"] = a.Name, ["kind"] = a.Kind, ["steps"] = Strings(a.StepNames), ["columns"] = cols });
        }

        var measures = new JsonArray();
        foreach (var run in report.Measures)
        {
            foreach (var v in run.Values)
            {
                measures.Add(new JsonObject
                {
                    ["name"] = v.Name,
                    ["value"] = Number(v.Value),
                    ["failure"] = v.Failure,
                    ["step"] = new JsonObject([.. run.Step.Select(s => KeyValuePair.Create(s.Key, (JsonNode?)Number(s.Value)))]),
                });
            }
        }

        return new JsonObject
        {
            ["title"] = report.Netlist.Title,
            ["analyses"] = analyses,
            ["measures"] = measures,
            ["warnings"] = Strings(report.Netlist.Warnings.Select(w => w.ToString())),
        };
    }

    /// <summary><c>neuromorph run</c>: the experiment writes its files into <c>output</c>; metrics, summary and file list come back.</summary>
    private static JsonObject Run(JsonObject request)
    {
        var output = Text(request, "output") ?? throw new UserInputException("run: no output directory");
        var root = Text(request, "path") is { } path
            ? YamlSection.LoadFile(Path.GetFullPath(path))
            : YamlSection.Parse(Text(request, "text") ?? throw new UserInputException("run: give a path or the YAML text"), Path.Combine(Path.GetFullPath(Text(request, "base") ?? "."), "spec.yaml"));
        var experiment = ExperimentCatalog.Select(root);
        var dir = OutputLocation.PrepareDirectory(Path.GetFullPath(output));
        var backend = Text(request, "backend");
        using var accelerator = backend is null ? null : AcceleratorCatalog.Open(backend, ParsePrecision(Text(request, "precision")), out _);
        var seed = request["seed"] is JsonValue s ? s.GetValue<long>() : (long?)null;
        var report = experiment.Run(root, new ExperimentContext(dir, TextWriter.Null) { Accelerator = accelerator, Backend = backend?.Trim().ToLowerInvariant(), Seed = seed });
        var written = new ResultWriter().Write(report.Outputs, [], dir);
        return new JsonObject
        {
            ["kind"] = experiment.Kind,
            ["summary"] = report.Summary,
            ["metrics"] = new JsonObject([.. report.Metrics.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)Number(m.Value)))]),
            ["files"] = Strings(report.Files.Concat(written).Select(Path.GetFullPath)),
            ["warnings"] = Strings(report.Warnings.Select(w => w.ToString())),
        };
    }

    /// <summary><c>neuromorph minimize</c>: the best solution, its objective and energy, and every restart.</summary>
    private static JsonObject Minimize(JsonObject request)
    {
        var sweeps = Int(request, "sweeps") ?? 0;
        var spec = new MinimizeSpec
        {
            Problem = Path.GetFullPath(Text(request, "path") ?? throw new UserInputException("minimize: no problem path")),
            Format = Text(request, "format"),
            Solver = Text(request, "solver") ?? MinimizeSpec.DefaultSolver,
            Restarts = Int(request, "restarts") ?? 8,
            TimeLimit = Double(request, "time_limit"),
            Seed = request["seed"] is JsonValue s ? s.GetValue<ulong>() : 1UL,

            // Python always sends sweeps; 0 is automatic, as when not given
            Sweeps = sweeps == 0 ? null : sweeps,
            Target = Double(request, "target"),
            Budget = Int(request, "budget"),
            RiskAversion = Double(request, "risk_aversion"),
            Penalty = Double(request, "penalty"),
            SolverSettings = SolverSettings(request),
            Substrate = Text(request, "substrate") is { } sub && sub != "ideal" ? ReadSubstrate(sub) : null,
            Names = SettingNames.Keys,
        };
        MinimizeRules.Check(spec);
        var backend = Text(request, "backend");
        using var accelerator = backend is null ? null : AcceleratorCatalog.Open(backend, ParsePrecision(Text(request, "precision")), out _);
        var outcome = Minimization.Run(spec, new ExperimentContext(null, TextWriter.Null) { Accelerator = accelerator, Backend = backend?.Trim().ToLowerInvariant() });
        var (p, t) = (outcome.Problem, outcome.Target);
        var result = outcome.Result;
        var best = result.Best;
        var solution = best.BestSpins.Select(x => p.BinaryValues ? (x > 0 ? 1.0 : 0.0) : x).ToArray();
        var list = new JsonArray();
        foreach (var r in result.Restarts)
        {
            list.Add(new JsonObject
            {
                ["restart"] = r.Restart,
                ["energy"] = Number(r.BestEnergy),
                ["objective"] = Number(p.Objective(r.BestSpins)),
                ["seconds"] = Number(r.Seconds),
                ["finished_at"] = Number(r.FinishedAt),
                ["completed"] = r.Completed,
                ["reached_target"] = t is { } tv ? SolverResult.Reached(r.BestEnergy, p.EnergyFromObjective(tv)) : null,
            });
        }

        return new JsonObject
        {
            ["problem"] = p.Name,
            ["problem_kind"] = p.KindName,
            ["size"] = p.Size,
            ["objective_name"] = p.ObjectiveName,
            ["maximise"] = p.Maximise,
            ["binary"] = p.BinaryValues,
            ["solver"] = result.Solver,
            ["objective"] = Number(p.Objective(best.BestSpins)),
            ["energy"] = Number(best.BestEnergy),
            ["best_restart"] = best.Restart,
            ["solution"] = new JsonObject { ["array"] = Handles.Add(solution), ["length"] = solution.Length },
            ["restarts"] = list,
            ["wall_seconds"] = Number(result.WallSeconds),
            ["success_probability"] = t is { } target ? Number(result.SuccessProbability(p.EnergyFromObjective(target))) : null,
            ["coupling_deviation"] = outcome.Hardware is { } h ? Number(h.CouplingDeviation) : null,
            ["notes"] = Strings(outcome.Notes),
            ["summary"] = MinimizeReport.Summary(outcome),
        };
    }

    /// <summary>The request's solver settings: one key per setting of <see cref="SolverCatalog.Settings"/> (<c>quench_every</c>: an integer).</summary>
    private static Dictionary<string, SettingValue> SolverSettings(JsonObject request)
    {
        var values = new Dictionary<string, SettingValue>(StringComparer.Ordinal);
        foreach (var setting in SolverCatalog.Settings.OfType<CountSetting>())
        {
            if (Int(request, SettingNames.Keys.Name(setting.Name)) is { } n)
            {
                values[setting.Name] = new CountValue(n);
            }
        }

        return values;
    }

    /// <summary><c>neuromorph backends</c>: every device, usable or not, and why a backend is unavailable.</summary>
    private static JsonObject Backends()
    {
        var devices = new JsonArray();
        foreach (var e in AcceleratorCatalog.List())
        {
            var d = e.Info;
            devices.Add(new JsonObject
            {
                ["spec"] = e.Spec,
                ["name"] = d.Name,
                ["backend"] = DeviceInfo.BackendName(d.Backend),
                ["platform"] = d.Platform,
                ["version"] = d.Version,
                ["memory_bytes"] = d.GlobalMemoryBytes,
                ["compute_units"] = d.ComputeUnits,
                ["double_precision"] = d.DoublePrecision,
                ["gpu"] = d.IsGpu,
                ["unusable"] = e.Unusable,
            });
        }

        var unavailable = new JsonObject();
        foreach (var kind in new[] { BackendKind.OpenCl, BackendKind.Cuda })
        {
            if (AcceleratorCatalog.Unavailable(kind) is { } why)
            {
                unavailable[DeviceInfo.BackendName(kind)] = why;
            }
        }

        return new JsonObject { ["devices"] = devices, ["unavailable"] = unavailable };
    }

    private static CrossbarSubstrateSpec ReadSubstrate(string path)
    {
        var yaml = YamlSection.LoadFile(Path.GetFullPath(path));
        return SubstrateSpecReader.Read(yaml.TryGetSection("substrate") ?? yaml);
    }

    private static Precision? ParsePrecision(string? p) => p?.ToLowerInvariant() switch
    {
        null => null,
        "single" or "float" or "fp32" => Precision.Single,
        "double" or "fp64" => Precision.Double,
        _ => throw new UserInputException($"unknown precision '{p}'", "use single or double"),
    };

    /// <summary>A double as JSON: finite values as numbers (shortest round trip), others as "NaN", "Infinity", "-Infinity".</summary>
    private static JsonNode Number(double x) => double.IsFinite(x) ? JsonValue.Create(x) : JsonValue.Create(x.ToString(CultureInfo.InvariantCulture));

    private static JsonArray Strings(IEnumerable<string> items) => [.. items.Select(s => (JsonNode?)s)];

    private static string? Text(JsonObject o, string key) => o[key] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => throw new UserInputException($"'{key}' must be a string"),
    };

    private static int? Int(JsonObject o, string key) => o[key] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var i) => i,
        _ => throw new UserInputException($"'{key}' must be an integer"),
    };

    private static double? Double(JsonObject o, string key) => o[key] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<double>(),
        _ => throw new UserInputException($"'{key}' must be a number"),
    };
}
