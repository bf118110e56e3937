using Neuromorph.Experiments.Crossbar;
using Neuromorph.Io.Yaml;
using Neuromorph.Optimization.Problems;
using Neuromorph.Optimization;

namespace Neuromorph.Experiments.Minimize;

/// <summary>
/// <c>kind: maxcut</c>: one energy-minimisation run (Max-Cut, QUBO or Ising file) with restarts, on ideal arithmetic
/// or, with a <c>substrate:</c> section, on a memristive crossbar (<see cref="HardwareIsing"/>). Reports the best
/// and mean objective, the gap to a target, the success probability and the wall time, so a study can ask how much
/// wire resistance, variability or ADC resolution costs in cut quality.
/// </summary>
public sealed class MaxCutExperiment : IExperiment
{
    private static readonly string[] Keys = ["kind", "experiment", "problem", "format", "solver", "restarts", "sweeps", "seed", "target", "time_limit", "substrate"];

    /// <inheritdoc />
    public string Kind => "maxcut";

    /// <inheritdoc />
    public string Description => "Max-Cut / QUBO / Ising minimisation with restarts, ideal or on a crossbar substrate";

    /// <inheritdoc />
    public IReadOnlyList<string> MetricNames { get; } = ["best_cut", "mean_cut", "gap_percent", "success_probability", "time_s", "coupling_error"];

    /// <inheritdoc />
    public ExperimentReport Run(YamlSection root, ExperimentContext context)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(context);
        root.RejectUnknownKeys(Keys);
        var rel = root.GetString("problem");
        var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(root.File)) ?? ".", rel));
        if (!File.Exists(path))
        {
            throw root.Error("problem", $"problem file '{rel}' not found (looked in {path})", "paths are relative to the experiment file");
        }

        if (!ProblemReader.TryParseFormat(root.GetString("format", ""), out var kind))
        {
            throw root.Error("format", $"unknown format '{root.GetString("format")}'", "use gset, qubo or ising");
        }

        var problem = ProblemReader.ReadFile(path, kind);
        var seed = context.Seed ?? root.GetLong("seed", 1);
        var restarts = root.GetInt("restarts", 8);
        if (restarts < 1)
        {
            throw root.Error("restarts", $"restarts must be at least 1, got {restarts}");
        }

        double? target = root.Has("target") ? root.GetDouble("target") : null;
        var sweeps = root.GetInt("sweeps", 0);
        if (sweeps < 0)
        {
            throw root.Error("sweeps", $"sweeps must be at least 0 (0: automatic), got {sweeps}");
        }

        var timeLimit = root.GetDouble("time_limit", 0);
        if (!(timeLimit >= 0))
        {
            throw root.Error("time_limit", $"time_limit must be at least 0 seconds (0: none), got {timeLimit}");
        }

        var options = new SolverOptions
        {
            Restarts = restarts,
            Sweeps = sweeps,
            Seed = (ulong)seed,
            TimeLimitSeconds = timeLimit,
            TargetEnergy = target is { } t ? (problem.Maximise ? -t : t) : null,
            Parallelism = context.OutputDirectory is null ? 1 : Environment.ProcessorCount,
        };
        var request = new MinimizeRequest(problem, root.GetString("solver", "hopfield"), options)
        {
            Substrate = root.TryGetSection("substrate") is { } sub ? SubstrateSpecReader.Read(sub) : null,
            Accelerator = context.Accelerator,
            BackendNamed = context.Backend is { } b && b != "auto",
            SolverLocation = root.LocationOf("solver"),
        };
        var outcome = Minimization.Run(request, context.CancellationToken);
        foreach (var note in outcome.Notes)
        {
            context.Log.WriteLine(note);
        }

        var (result, hardware) = (outcome.Result, outcome.Hardware);
        var objectives = result.Restarts.Select(r => problem.ObjectiveFromEnergy(r.BestEnergy)).ToList();
        var best = problem.ObjectiveFromEnergy(result.Best.BestEnergy);
        var metrics = new Dictionary<string, double>
        {
            ["best_cut"] = best,
            ["mean_cut"] = objectives.Average(),
            ["gap_percent"] = target is { } tg && tg != 0 ? 100 * (problem.Maximise ? tg - best : best - tg) / Math.Abs(tg) : double.NaN,
            ["success_probability"] = options.TargetEnergy is { } te ? result.SuccessProbability(te) : double.NaN,
            ["time_s"] = result.WallSeconds,
            ["coupling_error"] = hardware?.CouplingDeviation ?? 0,
        };
        var files = new List<string>();
        if (context.OutputDirectory is { } dir)
        {
            MinimizeReport.Write(problem, result, target, dir, hardwareEnergies: hardware is not null);
            files.AddRange(Directory.GetFiles(dir));
        }

        var summary = $"{problem.Name}: best {problem.ObjectiveName} {best:G10}, mean {objectives.Average():G6} over {result.Restarts.Count} restarts"
            + (hardware is null ? "" : $" on a crossbar (couplings off by {100 * hardware.CouplingDeviation:G3}%)");
        return new ExperimentReport(metrics, files, summary)
        {
            Figures = context.OutputDirectory is null ? [] : MinimizeFigures.Of(problem, result, target, hardwareEnergies: hardware is not null),
        };
    }
}
