using Neuromorph.Io.Yaml;

namespace Neuromorph.Experiments.Minimize;

/// <summary>
/// <c>kind: minimize</c> (alias <c>kind: maxcut</c>): one energy-minimisation run with restarts — any problem
/// <c>neuromorph minimize</c> reads (G-set, QUBO, Ising, DIMACS CNF/WCNF, portfolio, prices), any solver with its own
/// settings, on ideal arithmetic or, with a <c>substrate:</c> section, on a memristive crossbar. Reports the best and
/// mean objective, the gap to a target, the success probability and the wall time, so a study can ask how much wire
/// resistance, variability or ADC resolution costs in cut quality. The same run serves the command line
/// (<see cref="Run(MinimizeSpec, ExperimentContext)"/>).
/// </summary>
public sealed class MinimizeExperiment : IExperiment
{
    /// <inheritdoc />
    public string Kind => "minimize";

    /// <inheritdoc />
    public IReadOnlyList<string> Aliases { get; } = ["maxcut"];

    /// <inheritdoc />
    public string Description => "Max-Cut / QUBO / Ising / portfolio / SAT minimisation with restarts, ideal or on a crossbar substrate";

    /// <inheritdoc />
    public IReadOnlyList<string> MetricNames { get; } = ["best_cut", "mean_cut", "gap_percent", "success_probability", "time_s", "coupling_error"];

    /// <inheritdoc />
    public ExperimentReport Run(YamlSection root, ExperimentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var spec = MinimizeSpecReader.Read(root);
        var result = Run(context.Seed is { } seed ? spec with { Seed = unchecked((ulong)seed) } : spec, context);
        foreach (var note in result.Notes)
        {
            context.Log.WriteLine(note);
        }

        var (problem, hardware) = (result.Problem, result.Hardware);
        var summary = $"{problem.Name}: best {problem.ObjectiveName} {result.BestObjective:G10}, mean {result.MeanObjective:G6} over {result.Result.Restarts.Count} restarts"
            + (hardware is null ? "" : $" on a crossbar (couplings off by {100 * hardware.CouplingDeviation:G3}%)");
        var writes = context.OutputDirectory is not null;
        return new ExperimentReport(Metrics(result), [], summary)
        {
            Outputs = writes ? MinimizeReport.Files(result) : [],
            Figures = writes ? MinimizeFigures.Of(result) : [],
        };
    }

    /// <summary>
    /// Runs <paramref name="spec"/> (see <see cref="Minimization.Run"/>). Without an output folder (a study point,
    /// metrics only) the restarts run one at a time, as the study runs its points in parallel.
    /// </summary>
    public MinimizeResult Run(MinimizeSpec spec, ExperimentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Minimization.Run(spec, context, context.OutputDirectory is null ? 1 : null);
    }

    /// <summary>The metrics a study reads, by the names of <see cref="MetricNames"/>.</summary>
    public static IReadOnlyDictionary<string, double> Metrics(MinimizeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new Dictionary<string, double>
        {
            ["best_cut"] = result.BestObjective,
            ["mean_cut"] = result.MeanObjective,
            ["gap_percent"] = result.GapPercent,
            ["success_probability"] = result.SuccessProbability,
            ["time_s"] = result.Result.WallSeconds,
            ["coupling_error"] = result.Hardware?.CouplingDeviation ?? 0,
        };
    }
}
