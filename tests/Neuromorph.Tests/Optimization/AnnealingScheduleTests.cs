using Neuromorph.Optimization;
using Neuromorph.Tests.Cli;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Optimization;

/// <summary>
/// The annealing schedule's length: the shared default, <c>--sweeps</c> when given, and the long schedule of a
/// time-limited large problem, T · 2·10⁷ / (N + 2E), which depends on the problem and T only; the command says when it
/// applies.
/// </summary>
public class AnnealingScheduleTests
{
    // a ring of n spins with a chord every 7: N + 2E = n + 2(n + n/7)
    private static IsingModel Ring(int n)
    {
        var pairs = new List<(int, int, double)>();
        for (var i = 0; i < n; i++)
        {
            pairs.Add((i, (i + 1) % n, 1));
            if (i % 7 == 0)
            {
                pairs.Add((i, (i + (n / 2)) % n, -1));
            }
        }

        return IsingModel.FromPairs(n, pairs, new double[n], 0);
    }

    [Fact]
    public void Small_problems_and_runs_without_a_time_limit_keep_the_shared_default()
    {
        var small = Ring(1999);
        Assert.Equal(new SolverOptions().SweepsFor(1999), SimulatedAnnealing.DefaultSweeps(small, new SolverOptions { TimeLimitSeconds = 60 }));
        var large = Ring(5000);
        Assert.Equal(1000, SimulatedAnnealing.DefaultSweeps(large, new SolverOptions()));
        Assert.Equal(1234, SimulatedAnnealing.DefaultSweeps(large, new SolverOptions { TimeLimitSeconds = 60, Sweeps = 1234 }));
    }

    [Fact]
    public void A_time_limited_large_problem_anneals_for_t_times_2e7_over_n_plus_2e_sweeps()
    {
        var model = Ring(5000);
        var elements = 5000 + model.Neighbour.Length;
        Assert.Equal(5000 + (2 * (5000 + 715)), elements);
        Assert.Equal((int)Math.Round(60 * 2e7 / elements), SimulatedAnnealing.DefaultSweeps(model, new SolverOptions { TimeLimitSeconds = 60 }));
        Assert.Equal(1000, SimulatedAnnealing.DefaultSweeps(model, new SolverOptions { TimeLimitSeconds = 0.1 })); // never below the default
        Assert.Equal(SimulatedAnnealing.DefaultSweeps(model, new SolverOptions { TimeLimitSeconds = 60, Parallelism = 1 }),
            SimulatedAnnealing.DefaultSweeps(model, new SolverOptions { TimeLimitSeconds = 60, Parallelism = 16 }));
    }

    [Fact]
    public void The_command_says_when_the_long_schedule_applies()
    {
        using var dir = new TempDirectory("nm-anneal-long");
        var graph = Path.Combine(dir, "ring.txt");
        var lines = new List<string> { "2100 2100" };
        lines.AddRange(Enumerable.Range(1, 2100).Select(i => $"{i} {(i % 2100) + 1} 1"));
        File.WriteAllLines(graph, lines);
        var (code, stdout, err) = CliHarness.Run("minimize", graph, "--solver", "annealing", "--restarts", "1", "--sweeps", "2000", "--time-limit", "30", "-o", Path.Combine(dir, "o"));
        Assert.True(code == 0, err);
        Assert.DoesNotContain("sweeps per restart", stdout + err, StringComparison.Ordinal);
        (code, stdout, err) = CliHarness.Run("minimize", graph, "--solver", "annealing", "--restarts", "1", "--time-limit", "30", "-o", Path.Combine(dir, "p"));
        Assert.True(code == 0, err);
        Assert.Contains($"annealing: {(int)Math.Round(30 * 2e7 / 6300)} sweeps per restart, the long schedule of a time-limited problem of 2100 spins (--sweeps sets it)", stdout + err, StringComparison.Ordinal);
    }
}
