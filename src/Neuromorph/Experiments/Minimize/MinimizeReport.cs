using System.Globalization;
using System.Text;
using Neuromorph.Experiments.Results;
using Neuromorph.Io;
using Neuromorph.Optimization;
using Neuromorph.Optimization.Problems;

namespace Neuromorph.Experiments.Minimize;

/// <summary>
/// The outputs of a minimisation run as data (<see cref="ResultFile"/>s, which <see cref="ResultWriter"/> writes
/// atomically at the edge): energy.csv (energy against time per restart, with the
/// best so far), final.csv (each restart's final energy and objective), solution.txt (one variable per line, objective
/// checked by the problem's own evaluator), summary.txt (the printed text), states.csv and memory.csv (device states and
/// memory variables over time, for solvers that record them). The pictures of the same data are
/// <see cref="MinimizeFigures"/>, which the caller renders; column meanings are in docs/minimize.md.
/// </summary>
public static class MinimizeReport
{
    /// <summary>Builds the summary text. <paramref name="target"/> is in user objective units (cut for Max-Cut).</summary>
    public static string Summary(IProblem problem, SolverResult result, double? target)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(result);
        var c = CultureInfo.InvariantCulture;
        var best = result.Best;
        var objective = problem.Objective(best.BestSpins);
        var sb = new StringBuilder();
        sb.AppendLine(c, $"problem: {problem.Name} ({problem.KindName}, N = {problem.Size}, terms = {problem.TermCount})");
        sb.AppendLine(c, $"solver: {result.Solver}, restarts completed: {result.Restarts.Count}, wall time: {result.WallSeconds:F3} s");
        sb.AppendLine(c, $"best {problem.ObjectiveName}: {objective:G10} (restart {best.Restart}, model energy {best.BestEnergy:G10})");
        if (problem.DescribeSolution(best.BestSpins) is { } extra)
        {
            sb.AppendLine(extra);
        }

        if (target is { } t)
        {
            var gap = problem.Maximise ? t - objective : objective - t;
            var targetEnergy = problem.EnergyFromObjective(t);
            var p = result.SuccessProbability(targetEnergy);

            // a gap relative to a zero target is undefined: the absolute gap only
            sb.AppendLine(t != 0
                ? string.Create(c, $"target: {t:G10}, gap: {gap:G10} ({100 * gap / Math.Abs(t):F3} %)")
                : string.Create(c, $"target: {t:G10}, gap: {gap:G10}"));
            var counted = result.Counted;
            sb.AppendLine(c, $"success probability: {p:F3} ({counted.Count(r => SolverResult.Reached(r.BestEnergy, targetEnergy))}/{counted.Count} completed restarts)");
            sb.AppendLine(result.WallSecondsToTarget is { } ttt ? string.Create(c, $"time to target: {ttt:F3} s") : "time to target: not reached");
            var perRun = counted.Count > 0 ? counted.Average(r => r.Seconds) : 0;
            if (p > 0 && p < 1)
            {
                sb.AppendLine(c, $"time to solution (99 %): {perRun * Math.Log(0.01) / Math.Log(1 - p):F3} s (per-restart time {perRun:F3} s)");
            }
            else if (p >= 1)
            {
                sb.AppendLine(c, $"time to solution (99 %): {perRun:F3} s (every restart succeeded)");
            }
        }

        return sb.ToString();
    }

    /// <summary>The summary text of <paramref name="result"/>.</summary>
    public static string Summary(MinimizeResult result) =>
        Summary((result ?? throw new ArgumentNullException(nameof(result))).Problem, result.Result, result.Target);

    /// <summary>
    /// The output files of <paramref name="result"/>, as data for <see cref="Results.ResultWriter"/>: energy.csv,
    /// final.csv, solution.txt, summary.txt, and states.csv and memory.csv when a restart recorded its dynamics. On a
    /// crossbar (<see cref="MinimizeResult.HardwareEnergies"/>) the traces are energies of the hardware's couplings, not
    /// of the problem: energy.csv then names its columns hardware_energy and hardware_best_so_far and has no objective
    /// column (each restart's answer scored on the true problem is in final.csv). With <see cref="TableFormat.Parquet"/>
    /// the four tables are column tables at full precision (<see cref="MinimizeTables"/>).
    /// </summary>
    public static IReadOnlyList<ResultFile> Files(MinimizeResult result, TableFormat tables = TableFormat.Csv)
    {
        ArgumentNullException.ThrowIfNull(result);
        var (problem, solved, target) = (result.Problem, result.Result, result.Target);
        var files = new List<ResultFile>
        {
            new ResultStream("energy.csv", w => WriteEnergy(w, problem, solved, result.HardwareEnergies)),
            new ResultStream("final.csv", w => WriteFinal(w, problem, solved, target)),
            new ResultStream("solution.txt", w => WriteSolution(w, problem, solved)),
            new ResultText("summary.txt", Summary(problem, solved, target)),
        };
        var recorded = solved.Restarts.Where(r => r.Dynamics is not null).Select(r => r.Dynamics!).ToList();
        if (recorded.Count > 0)
        {
            files.Add(new ResultStream("states.csv", w => WriteSeries(w, recorded, d => d.StateLabels, d => d.States)));
            if (recorded[0].MemoryLabels.Count > 0)
            {
                files.Add(new ResultStream("memory.csv", w => WriteSeries(w, recorded, d => d.MemoryLabels, d => d.Memory)));
            }
        }

        // Parquet: the same tables as columns of doubles at full precision (the CSV rounds to 8 or 12 digits)
        return tables == TableFormat.Parquet
            ? [.. MinimizeTables.Of(result), .. files.Where(f => !f.Name.EndsWith(".csv", StringComparison.Ordinal))]
            : files;
    }

    private static void WriteEnergy(TextWriter w, IProblem problem, SolverResult result, bool hardwareEnergies)
    {
        var c = CultureInfo.InvariantCulture;
        w.WriteLine(hardwareEnergies ? "seconds,sweep,restart,hardware_energy,hardware_best_so_far" : $"seconds,sweep,restart,energy,best_so_far,{problem.ObjectiveName}");
        foreach (var r in result.Restarts)
        {
            foreach (var pt in r.Trace)
            {
                w.WriteLine(hardwareEnergies
                    ? string.Create(c, $"{pt.Seconds:G8},{pt.Sweep},{pt.Restart},{pt.Energy:G12},{pt.BestSoFar:G12}")
                    : string.Create(c, $"{pt.Seconds:G8},{pt.Sweep},{pt.Restart},{pt.Energy:G12},{pt.BestSoFar:G12},{problem.ObjectiveFromEnergy(pt.Energy):G12}"));
            }
        }
    }

    private static void WriteFinal(TextWriter w, IProblem problem, SolverResult result, double? target)
    {
        var c = CultureInfo.InvariantCulture;
        var targetEnergy = target is { } tv ? problem.EnergyFromObjective(tv) : (double?)null;
        w.WriteLine($"restart,energy,{problem.ObjectiveName},seconds,finished_at,completed,reached_target");
        foreach (var r in result.Restarts)
        {
            var reached = targetEnergy is { } te ? (SolverResult.Reached(r.BestEnergy, te) ? "1" : "0") : "";
            w.WriteLine(string.Create(c, $"{r.Restart},{r.BestEnergy:G12},{problem.Objective(r.BestSpins):G12},{r.Seconds:G8},{r.FinishedAt:G8},{(r.Completed ? 1 : 0)},{reached}"));
        }
    }

    private static void WriteSolution(TextWriter w, IProblem problem, SolverResult result)
    {
        var c = CultureInfo.InvariantCulture;
        var best = result.Best;
        w.WriteLine(string.Create(c, $"# {problem.Name}: {problem.ObjectiveName} = {problem.Objective(best.BestSpins):G12}; one line per variable: index (1-based) and value"));
        for (var i = 0; i < best.BestSpins.Length; i++)
        {
            var v = problem.BinaryValues ? (best.BestSpins[i] > 0 ? 1 : 0) : best.BestSpins[i];
            w.WriteLine(string.Create(c, $"{i + 1} {v}"));
        }
    }

    private static void WriteSeries(TextWriter w, List<DynamicsRecord> records, Func<DynamicsRecord, IReadOnlyList<string>> labels, Func<DynamicsRecord, List<double[]>> rows)
    {
        var c = CultureInfo.InvariantCulture;
        w.WriteLine($"restart,time,wall_seconds,{string.Join(',', labels(records[0]))}");
        foreach (var d in records)
        {
            var data = rows(d);
            for (var k = 0; k < d.Times.Count; k++)
            {
                w.Write(string.Create(c, $"{d.Restart},{d.Times[k]:G8},{d.WallSeconds[k]:G8}"));
                foreach (var x in data[k])
                {
                    w.Write(string.Create(c, $",{x:G6}"));
                }

                w.WriteLine();
            }
        }
    }

    /// <summary>Reads a solution.txt back into spins (for checking against the evaluator).</summary>
    public static sbyte[] ReadSolution(string path, int size, bool binary)
    {
        var s = new sbyte[size];
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith('#') || line.Length == 0)
            {
                continue;
            }

            var tok = line.Split(' ');
            var i = int.Parse(tok[0], CultureInfo.InvariantCulture) - 1;
            var v = int.Parse(tok[1], CultureInfo.InvariantCulture);
            s[i] = binary ? (sbyte)(v == 1 ? 1 : -1) : (sbyte)v;
        }

        return s;
    }
}
