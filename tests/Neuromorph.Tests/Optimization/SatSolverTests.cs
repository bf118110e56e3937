using Neuromorph.Optimization;
using Neuromorph.Optimization.LocalSearch;
using Neuromorph.Optimization.Memcomputing;
using Neuromorph.Optimization.Problems;

namespace Neuromorph.Tests.Optimization;

/// <summary>CNF solvers against exhaustive search, with costs evaluated here from the clause lists.</summary>
public class SatSolverTests
{
    private static (SatFormula Formula, List<(double W, int[] Lits)> Clauses) RandomWeighted(int n, int m, int seed)
    {
        var rng = new Random(seed);
        var clauses = new List<(double, int[])>();
        for (var c = 0; c < m; c++)
        {
            var k = 1 + rng.Next(3);
            var vars = Enumerable.Range(1, n).OrderBy(_ => rng.Next()).Take(k);
            clauses.Add((1 + rng.Next(9), [.. vars.Select(v => rng.Next(2) == 0 ? v : -v)]));
        }

        var hard = 1 + clauses.Sum(c => c.Item1);
        for (var c = 0; c < 4; c++)
        {
            var vars = Enumerable.Range(1, n).OrderBy(_ => rng.Next()).Take(3);
            clauses.Add((hard, [.. vars.Select(v => rng.Next(2) == 0 ? v : -v)]));
        }

        return (new SatFormula(n, [.. clauses.Select(c => c.Item2)], [.. clauses.Select(c => c.Item1)], hard), clauses);
    }

    private static double Cost(List<(double W, int[] Lits)> clauses, int mask) =>
        clauses.Where(c => !c.Lits.Any(l => (((mask >> (Math.Abs(l) - 1)) & 1) == 1) == (l > 0))).Sum(c => c.W);

    public static TheoryData<string> Solvers() => new() { "dmm", "walksat", "annealing" };

    [Theory]
    [MemberData(nameof(Solvers))]
    public void Reaches_the_exhaustive_minimum_of_weighted_maxsat(string name)
    {
        ISatSolver solver = name switch { "dmm" => new DmmSolver(), "walksat" => new WalkSat(), _ => new ClauseAnnealing() };
        for (var seed = 1; seed <= 3; seed++)
        {
            var (f, clauses) = RandomWeighted(14, 50, seed);
            var optimum = Enumerable.Range(0, 1 << 14).Min(mask => Cost(clauses, mask));
            var r = solver.Solve(f, new SolverOptions { Restarts = 8, Sweeps = name == "dmm" ? 3000 : 300, Seed = (ulong)seed, Parallelism = 2, TargetEnergy = optimum });
            var best = r.Best.BestSpins;
            var mask = Enumerable.Range(0, 14).Sum(i => best[i] > 0 ? 1 << i : 0);
            Assert.Equal(optimum, Cost(clauses, mask), 9);
            Assert.Equal(optimum, r.Best.BestEnergy, 9);
        }
    }

    [Theory]
    [MemberData(nameof(Solvers))]
    public void Example_maxsat_file_reaches_its_brute_force_minimum(string name)
    {
        var f = DimacsReader.ReadFile(Support.RepoPaths.InRepo("circuits", "problems", "maxsat_12.wcnf"));
        var solver = SolverCatalog.CreateSat(name);
        var r = solver.Solve(f, new SolverOptions { Restarts = 8, Seed = 2, Parallelism = 2, TargetEnergy = 17 });
        Assert.Equal(17, r.Best.BestEnergy, 9); // the minimum stated in the file, found there by exhaustive search
        Assert.Equal(0, f.ViolatedHard(r.Best.BestSpins));
    }
}
