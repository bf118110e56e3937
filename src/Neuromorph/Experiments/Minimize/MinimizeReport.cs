using System.Globalization;
using System.Text;
using Neuromorph.Io;
using Neuromorph.Optimization;
using Neuromorph.Plotting;

namespace Neuromorph.Experiments.Minimize;

/// <summary>
/// Writes the outputs of a minimisation run: energy.csv (trace), solution.txt (one spin per line, and the
/// objective checked by <see cref="CutEvaluator"/>), summary.txt (same text as printed) and energy.svg.
/// All files are written atomically.
/// </summary>
public static class MinimizeReport
{
    /// <summary>Builds the summary text. <paramref name="target"/> is in user objective units (cut for Max-Cut).</summary>
    public static string Summary(OptimizationProblem problem, SolverResult result, double? target)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(result);
        var c = CultureInfo.InvariantCulture;
        var best = result.Best;
        var objective = problem.Objective(best.BestSpins);
        var sb = new StringBuilder();
        sb.AppendLine(c, $"problem: {problem.Name} ({problem.Kind}, N = {problem.Size}, terms = {problem.Terms.Count})");
        sb.AppendLine(c, $"solver: {result.Solver}, restarts completed: {result.Restarts.Count}, wall time: {result.WallSeconds:F3} s");
        sb.AppendLine(c, $"best {problem.ObjectiveName}: {objective:G10} (restart {best.Restart}, model energy {best.BestEnergy:G10})");
        if (target is { } t)
        {
            var gap = problem.Maximise ? t - objective : objective - t;
            var rel = t != 0 ? 100 * gap / Math.Abs(t) : 0;
            var targetEnergy = problem.Maximise ? -t : t;
            var p = result.SuccessProbability(targetEnergy);
            sb.AppendLine(c, $"target: {t:G10}, gap: {gap:G10} ({rel:F3} %)");
            var counted = result.Counted;
            sb.AppendLine(c, $"success probability: {p:F3} ({counted.Count(r => SolverResult.Reached(r.BestEnergy, targetEnergy))}/{counted.Count} completed restarts)");
            if (result.WallSecondsToTarget is { } ttt)
            {
                sb.AppendLine(c, $"time to target: {ttt:F3} s");
            }
            else
            {
                sb.AppendLine("time to target: not reached");
            }
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

    /// <summary>Writes all output files into <paramref name="outputDir"/> (created if missing).</summary>
    public static void Write(OptimizationProblem problem, SolverResult result, double? target, string outputDir)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(result);
        Directory.CreateDirectory(outputDir);
        var c = CultureInfo.InvariantCulture;
        var sign = problem.Maximise ? -1.0 : 1.0;
        AtomicFile.Write(Path.Combine(outputDir, "energy.csv"), w =>
        {
            w.WriteLine($"seconds,sweep,restart,energy,best_so_far,{problem.ObjectiveName}");
            foreach (var r in result.Restarts)
            {
                foreach (var pt in r.Trace)
                {
                    w.WriteLine(string.Create(c, $"{pt.Seconds:G8},{pt.Sweep},{pt.Restart},{pt.Energy:G12},{pt.BestSoFar:G12},{sign * pt.Energy:G12}"));
                }
            }
        });
        var best = result.Best;
        AtomicFile.Write(Path.Combine(outputDir, "solution.txt"), w =>
        {
            w.WriteLine(string.Create(c, $"# {problem.Name}: {problem.ObjectiveName} = {problem.Objective(best.BestSpins):G12}; one line per variable: index (1-based) and value"));
            for (var i = 0; i < best.BestSpins.Length; i++)
            {
                var v = problem.Kind == ProblemKind.Qubo ? (best.BestSpins[i] > 0 ? 1 : 0) : best.BestSpins[i];
                w.WriteLine(string.Create(c, $"{i + 1} {v}"));
            }
        });
        AtomicFile.WriteAllText(Path.Combine(outputDir, "summary.txt"), Summary(problem, result, target));
        var plot = new LinePlot
        {
            Title = $"{problem.Name}: {result.Solver}",
            X = new Axis("time", "s"),
            Y = new Axis("best energy so far"),
        };
        foreach (var r in result.Restarts.Take(8))
        {
            plot.Add(new Series($"restart {r.Restart}", r.Trace.Select(p => p.Seconds).ToList(), r.Trace.Select(p => p.BestSoFar).ToList()));
        }

        plot.Save(Path.Combine(outputDir, "energy.svg"));
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
