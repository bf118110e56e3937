using System.Globalization;
using Neuromorph.Dynamics;
using Neuromorph.Experiments.Results;
using Neuromorph.Io.Yaml;

namespace Neuromorph.Experiments.Ctd;

/// <summary>
/// <c>kind: ctd</c>: integrates the Caravelli–Traversa–Di Ventra equation on a graph (lattice, random, edge list) or a
/// dense Ω (given, or a random projector), with the state kept in [0, 1], and records the Lyapunov function
/// (<see cref="CtdRun"/>). Writes <c>trajectory.csv</c> (time, mean, min, max and the chosen states), <c>energy.csv</c>,
/// <c>final_state.csv</c>, <c>qubo.csv</c> with a QUBO search, and the figures of <see cref="CtdFigures"/>.
/// </summary>
public sealed class CtdExperiment : Experiment<CtdExperimentSpec>
{
    /// <inheritdoc />
    public override string Kind => "ctd";

    /// <inheritdoc />
    public override string Description => "Caravelli-Traversa-Di Ventra memristor-network dynamics with their Lyapunov function";

    /// <inheritdoc />
    public override IReadOnlyList<string> MetricNames { get; } = ["final_energy", "mean_final_state", "t_end", "best_qubo_energy", "time_to_best"];

    /// <inheritdoc />
    public override CtdExperimentSpec Read(YamlSection root, long? seed = null)
    {
        var (spec, shown) = CtdSpecReader.Read(root, seed);
        return new CtdExperimentSpec(spec, shown);
    }

    /// <inheritdoc />
    public override ExperimentReport Run(CtdExperimentSpec experiment, ExperimentContext context)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(context);
        var (spec, shownStates) = (experiment.Run, experiment.ShownStates);
        var run = CtdRun.Run(spec, context.Accelerator, context.Progress);
        if (run.AcceleratedOn is { } device)
        {
            context.Log.WriteLine($"ctd: dense Ω rates on {device}");
        }

        var result = run.Trajectory;
        var energy = run.Energy;
        var final = result.Final;
        var size = spec.Network.Size;
        var metrics = new Dictionary<string, double>
        {
            ["final_energy"] = energy[^1],
            ["mean_final_state"] = final.Average(),
            ["t_end"] = result.FinalTime,
            ["best_qubo_energy"] = double.NaN,
            ["time_to_best"] = double.NaN,
        };
        var files = new List<ResultFile>();
        if (context.OutputDirectory is not null)
        {
            files.AddRange(Trajectory(result.Times, result.States, energy, final, shownStates));
        }

        if (run.Restarts is { } runs)
        {
            var best = runs.MinBy(r => r.Energy)!;
            metrics["best_qubo_energy"] = best.Energy;
            metrics["time_to_best"] = runs.Where(r => r.Energy <= best.Energy + 1e-12).Min(r => r.WallSeconds);
            if (context.OutputDirectory is not null)
            {
                files.Add(new ResultText("qubo.csv", "restart,energy,wall_s,bits\n" + string.Concat(runs.OrderBy(r => r.Index).Select(r =>
                    string.Create(CultureInfo.InvariantCulture, $"{r.Index},{r.Energy:R},{r.WallSeconds:0.######},{new string([.. r.Bits.Select(b => b ? '1' : '0')])}\n")))));
            }
        }

        var how = run.Circuit is { } circuit ? $" ({(circuit.Analysis == CircuitAnalysis.Loop ? "loop" : "nodal")} analysis, {circuit.Unknowns} unknown{(circuit.Unknowns == 1 ? "" : "s")})" : "";
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"CTD network, {size} memristors{how}, convention {spec.Parameters.Convention}: t = {result.FinalTime:G4} s ({result.Stop}), mean x {final.Average():G4}, L {energy[0]:G5} -> {energy[^1]:G5}, {result.Statistics.Steps} steps");
        if (!double.IsNaN(metrics["best_qubo_energy"]))
        {
            summary += string.Create(CultureInfo.InvariantCulture, $"; QUBO (binary limit of L): best energy {metrics["best_qubo_energy"]:G6} after {metrics["time_to_best"]:0.###} s");
        }

        return new ExperimentReport(metrics, [], summary)
        {
            Outputs = files,
            Figures = context.OutputDirectory is null ? [] : CtdFigures.Of(result.Times, result.States, energy, shownStates, run.Restarts?.Select(r => r.Energy).ToList(), spec.Bounds == CtdBoundMode.Projected),
        };
    }

    private static ResultTable[] Trajectory(IReadOnlyList<double> times, IReadOnlyList<double[]> states, double[] energy, double[] final, int[] shownStates)
    {
        var headers = new List<string> { "time", "mean", "min", "max" };
        headers.AddRange(shownStates.Select(i => $"x{i}"));
        var cols = new List<IReadOnlyList<double>> { times.ToArray(), states.Select(s => s.Average()).ToArray(), states.Select(s => s.Min()).ToArray(), states.Select(s => s.Max()).ToArray() };
        cols.AddRange(shownStates.Select(i => (IReadOnlyList<double>)states.Select(s => s[i]).ToArray()));
        return
        [
            new ResultTable("trajectory.csv", headers, cols),
            new ResultTable("energy.csv", ["time", "lyapunov"], [times.ToArray(), energy]),
            new ResultTable("final_state.csv", ["memristor", "x"], [Enumerable.Range(0, final.Length).Select(i => (double)i).ToArray(), final]),
        ];
    }
}
