using Neuromorph.Experiments.Results;
using Neuromorph.Optimization;

namespace Neuromorph.Experiments.Minimize;

/// <summary>
/// The tables of a minimize run as columns of doubles, for <c>--table-format parquet</c>: energy, final, and states and
/// memory when a restart recorded its dynamics, with the CSV files' headers and rows. Values are not rounded; in final,
/// completed and reached_target are 1 or 0, and reached_target is NaN without a target (the CSV leaves it empty).
/// </summary>
public static class MinimizeTables
{
    /// <summary>The tables of <paramref name="result"/>.</summary>
    public static IReadOnlyList<ResultTable> Of(MinimizeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var (problem, solved, target) = (result.Problem, result.Result, result.Target);
        var points = solved.Restarts.SelectMany(r => r.Trace).ToList();
        List<string> energyHeaders = result.HardwareEnergies
            ? ["seconds", "sweep", "restart", "hardware_energy", "hardware_best_so_far"]
            : ["seconds", "sweep", "restart", "energy", "best_so_far", problem.ObjectiveName];
        List<double[]> energy =
        [
            [.. points.Select(p => p.Seconds)],
            [.. points.Select(p => (double)p.Sweep)],
            [.. points.Select(p => (double)p.Restart)],
            [.. points.Select(p => p.Energy)],
            [.. points.Select(p => p.BestSoFar)],
        ];
        if (!result.HardwareEnergies)
        {
            energy.Add([.. points.Select(p => problem.ObjectiveFromEnergy(p.Energy))]);
        }

        var targetEnergy = target is { } tv ? problem.EnergyFromObjective(tv) : (double?)null;
        var restarts = solved.Restarts;
        var tables = new List<ResultTable>
        {
            new("energy.csv", energyHeaders, energy),
            new("final.csv", ["restart", "energy", problem.ObjectiveName, "seconds", "finished_at", "completed", "reached_target"],
            [
                [.. restarts.Select(r => (double)r.Restart)],
                [.. restarts.Select(r => r.BestEnergy)],
                [.. restarts.Select(r => problem.Objective(r.BestSpins))],
                [.. restarts.Select(r => r.Seconds)],
                [.. restarts.Select(r => r.FinishedAt)],
                [.. restarts.Select(r => r.Completed ? 1.0 : 0.0)],
                [.. restarts.Select(r => targetEnergy is { } te ? (SolverResult.Reached(r.BestEnergy, te) ? 1.0 : 0.0) : double.NaN)],
            ]),
        };
        var recorded = restarts.Where(r => r.Dynamics is not null).Select(r => r.Dynamics!).ToList();
        if (recorded.Count > 0)
        {
            tables.Add(Series("states.csv", recorded, d => d.StateLabels, d => d.States));
            if (recorded[0].MemoryLabels.Count > 0)
            {
                tables.Add(Series("memory.csv", recorded, d => d.MemoryLabels, d => d.Memory));
            }
        }

        return tables;
    }

    private static ResultTable Series(string name, List<DynamicsRecord> records, Func<DynamicsRecord, IReadOnlyList<string>> labels, Func<DynamicsRecord, List<double[]>> rows)
    {
        var names = labels(records[0]);
        var n = records.Sum(d => d.Times.Count);
        var columns = Enumerable.Range(0, 3 + names.Count).Select(_ => new double[n]).ToArray();
        var k = 0;
        foreach (var d in records)
        {
            var data = rows(d);
            for (var t = 0; t < d.Times.Count; t++, k++)
            {
                columns[0][k] = d.Restart;
                columns[1][k] = d.Times[t];
                columns[2][k] = d.WallSeconds[t];
                for (var j = 0; j < names.Count; j++)
                {
                    columns[3 + j][k] = data[t][j];
                }
            }
        }

        return new ResultTable(name, ["restart", "time", "wall_seconds", .. names], columns);
    }
}
