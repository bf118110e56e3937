using System.Diagnostics;
using System.Globalization;
using Neuromorph.Optimization;
using Neuromorph.Optimization.LocalSearch;
using Neuromorph.Optimization.Memcomputing;
using Neuromorph.Optimization.Problems;

namespace Neuromorph.Benchmarks.Optimization;

/// <summary>
/// Time to solution on planted random 3-SAT at clause ratio 4.26 against N, for the digital memcomputing machine and
/// WalkSAT (and optionally annealing on the clause energy): one restart per instance, single-threaded, capped per
/// instance; prints one CSV row per run, then the median per N and the power-law fit median ∝ N^a over the sizes where
/// more than half the instances were solved (least squares on log-log).
/// Usage: sat-scaling N1,N2,... INSTANCES CAP_SECONDS [SOLVERS=dmm,walksat]
/// </summary>
public static class SatScaling
{
    /// <summary>Runs the benchmark.</summary>
    public static void Run(int[] sizes, int instances, double cap, string[] solvers)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine("solver,n,instance,solved,steps,seconds");
        var medians = new Dictionary<string, List<(int N, double Seconds, double Steps)>>();
        foreach (var name in solvers)
        {
            medians[name] = [];
            foreach (var n in sizes)
            {
                var runs = new List<(bool Solved, double Steps, double Seconds)>();
                for (var k = 0; k < instances; k++)
                {
                    var f = RandomSat.Generate(n, 4.26, (ulong)((1_000_003 * n) + k), 3, new sbyte[n]);
                    ISatSolver solver = name switch
                    {
                        "dmm" => new DmmSolver(),
                        "walksat" => new WalkSat(),
                        _ => new ClauseAnnealing(),
                    };
                    var clock = Stopwatch.StartNew();
                    var r = solver.Solve(f, new SolverOptions { Restarts = 1, Parallelism = 1, Seed = (ulong)k + 1, TimeLimitSeconds = cap, TargetEnergy = 0, Sweeps = name == "annealing" ? 2000 : 0 });
                    var seconds = clock.Elapsed.TotalSeconds;
                    var best = r.Restarts[0];
                    var solved = best.BestEnergy == 0 && f.UnsatisfiedCount(best.BestSpins) == 0;

                    // steps: DMM integration steps; WalkSAT and annealing: sweeps of N flips (attempts) each
                    var steps = name == "dmm" ? best.Trace[^1].Sweep : (double)best.Trace[^1].Sweep * n;
                    runs.Add((solved, steps, seconds));
                    Console.WriteLine(string.Create(c, $"{name},{n},{k},{(solved ? 1 : 0)},{steps},{seconds:F4}"));
                }

                // unsolved runs count as longer than any solved one (they are right-censored at the cap)
                var ordered = runs.OrderBy(x => x.Solved ? 0 : 1).ThenBy(x => x.Seconds).ToList();
                var solvedCount = runs.Count(x => x.Solved);
                if (solvedCount * 2 > runs.Count)
                {
                    var bySeconds = runs.Where(x => x.Solved).Select(x => x.Seconds).Concat(Enumerable.Repeat(double.PositiveInfinity, runs.Count - solvedCount)).Order().ToList();
                    var bySteps = runs.Where(x => x.Solved).Select(x => x.Steps).Concat(Enumerable.Repeat(double.PositiveInfinity, runs.Count - solvedCount)).Order().ToList();
                    medians[name].Add((n, Median(bySeconds), Median(bySteps)));
                }

                Console.Error.WriteLine(string.Create(c, $"# {name} N={n}: solved {solvedCount}/{runs.Count}, median {(solvedCount * 2 > runs.Count ? medians[name][^1].Seconds.ToString("G4", c) : "-")} s"));
            }
        }

        Console.WriteLine();
        Console.WriteLine("# solver, N, median seconds, median steps");
        foreach (var (name, rows) in medians)
        {
            foreach (var row in rows)
            {
                Console.WriteLine(string.Create(c, $"# {name},{row.N},{row.Seconds:G4},{row.Steps:G4}"));
            }

            if (rows.Count >= 2)
            {
                Console.WriteLine(string.Create(c, $"# {name}: median time ~ N^{Slope(rows.Select(r => ((double)r.N, r.Seconds))):F2}, median steps ~ N^{Slope(rows.Select(r => ((double)r.N, r.Steps))):F2} (sizes {rows[0].N}..{rows[^1].N})"));
            }
        }
    }

    private static double Median(List<double> sorted) => sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : 0.5 * (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]);

    private static double Slope(IEnumerable<(double X, double Y)> points)
    {
        var p = points.Where(q => q.Y > 0 && double.IsFinite(q.Y)).Select(q => (Math.Log(q.X), Math.Log(q.Y))).ToList();
        var mx = p.Average(q => q.Item1);
        var my = p.Average(q => q.Item2);
        return p.Sum(q => (q.Item1 - mx) * (q.Item2 - my)) / p.Sum(q => (q.Item1 - mx) * (q.Item1 - mx));
    }
}
