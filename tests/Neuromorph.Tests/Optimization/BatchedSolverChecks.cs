using System.Diagnostics;
using Neuromorph.Optimization;

namespace Neuromorph.Tests.Optimization;

/// <summary>What the tests of the batched device solvers (dmm, memory-ising) share: integer models and the time-limit check.</summary>
internal static class BatchedSolverChecks
{
    /// <summary>
    /// ±1 couplings (each pair with probability <paramref name="density"/>) and, with <paramref name="fields"/>, integer
    /// fields in [−2, 2]: read-out energies are integers, so a device path's recounted energy and a CPU path's incremental
    /// one agree exactly and their trajectories stay bit for bit the same.
    /// </summary>
    public static IsingModel IntegerModel(int n, double density, bool fields, int seed)
    {
        var rng = new Random(seed);
        var pairs = new List<(int, int, double)>();
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                if (rng.NextDouble() < density)
                {
                    pairs.Add((i, j, rng.NextDouble() < 0.5 ? -1 : 1));
                }
            }
        }

        double[] linear = [.. Enumerable.Range(0, n).Select(_ => fields ? rng.Next(-2, 3) : 0.0)];
        return IsingModel.FromPairs(n, pairs, linear, 1);
    }

    /// <summary>
    /// <paramref name="solver"/> with far more steps than 0.3 s allows stops within 5 s, returns every restart of the first
    /// batch as not completed, and each answer is a one-flip minimum (the host quench ran).
    /// </summary>
    public static void StopsAtTheTimeLimitWithQuenchedAnswers(ISpinSolver solver, IsingModel model, int restarts)
    {
        var watch = Stopwatch.StartNew();
        var r = solver.Solve(model, new SolverOptions { Restarts = restarts, Sweeps = 10_000_000, TimeLimitSeconds = 0.3 });
        Assert.True(watch.Elapsed.TotalSeconds < 5, $"took {watch.Elapsed.TotalSeconds} s");
        Assert.Equal(restarts, r.Restarts.Count);
        Assert.All(r.Restarts, x => Assert.False(x.Completed));
        var field = new double[model.Size];
        foreach (var restart in r.Restarts)
        {
            var spins = (sbyte[])restart.BestSpins.Clone();
            model.LocalFields(spins, field);
            model.Descend(spins, field);
            Assert.Equal(restart.BestSpins, spins);
        }
    }
}
