using Neuromorph.Numerics.Randomness;
using Neuromorph.Optimization.Problems;
using Neuromorph.Optimization;

namespace Neuromorph.Tests.Optimization;

/// <summary>Solvers against exhaustive enumeration of all 2^N assignments (N &lt;= 16), with objectives evaluated from the raw terms here.</summary>
public class BruteForceTests
{
    private static OptimizationProblem Random(ProblemKind kind, int n, double density, int seed)
    {
        var rng = new RandomStream(seed);
        var terms = new List<Term>();
        for (var i = 0; i < n; i++)
        {
            if (kind != ProblemKind.MaxCut && rng.NextDouble() < 0.5)
            {
                terms.Add(new Term(i, i, Math.Round((rng.NextDouble() * 4) - 2, 2)));
            }

            for (var j = i + 1; j < n; j++)
            {
                if (rng.NextDouble() < density)
                {
                    var w = kind == ProblemKind.MaxCut ? (rng.Next(2) == 0 ? -1.0 : 1.0) : Math.Round((rng.NextDouble() * 4) - 2, 2);
                    terms.Add(new Term(i, j, w));
                }
            }
        }

        return new OptimizationProblem(kind, "rand", n, terms);
    }

    // Independent objective, written from the definitions (not via CutEvaluator or the Ising model).
    private static double Objective(OptimizationProblem p, int mask)
    {
        int S(int i) => ((mask >> i) & 1) == 1 ? 1 : -1;
        var v = 0.0;
        foreach (var t in p.Terms)
        {
            v += p.Kind switch
            {
                ProblemKind.MaxCut => t.Weight * (1 - (S(t.I) * S(t.J))) / 2,
                ProblemKind.Qubo => t.Weight * ((S(t.I) + 1) / 2) * ((S(t.J) + 1) / 2),
                _ => t.I == t.J ? -t.Weight * S(t.I) : -t.Weight * S(t.I) * S(t.J),
            };
        }

        return v;
    }

    private static double Optimum(OptimizationProblem p)
    {
        var best = p.Maximise ? double.MinValue : double.MaxValue;
        for (var m = 0; m < 1 << p.Size; m++)
        {
            var v = Objective(p, m);
            best = p.Maximise ? Math.Max(best, v) : Math.Min(best, v);
        }

        return best;
    }

    public static TheoryData<string, ProblemKind, int> Cases()
    {
        var d = new TheoryData<string, ProblemKind, int>();
        foreach (var s in new[] { "annealing", "hopfield", "continuous-hopfield", "dmm", "memory-ising" })
        {
            d.Add(s, ProblemKind.MaxCut, 16);
            d.Add(s, ProblemKind.Qubo, 14);
            d.Add(s, ProblemKind.Ising, 15);
        }

        return d;
    }

    [Trait("Category", "slow")]
    [Theory]
    [MemberData(nameof(Cases))]
    public void Solver_reaches_the_exhaustive_optimum(string solver, ProblemKind kind, int n)
    {
        ISpinSolver s = solver switch
        {
            "annealing" => new SimulatedAnnealing(),
            "hopfield" => new HopfieldMachine(),
            "dmm" => new Neuromorph.Optimization.Memcomputing.DmmSolver(),
            "memory-ising" => new Neuromorph.Optimization.Memcomputing.MemoryIsingSolver(),
            _ => new ContinuousHopfieldSolver(),
        };
        for (var seed = 1; seed <= 3; seed++)
        {
            var p = Random(kind, n, 0.5, seed + (int)kind * 10);
            var opt = Optimum(p);
            var r = s.Solve(p.Model, new SolverOptions { Restarts = 8, Sweeps = solver is "dmm" or "memory-ising" ? 2000 : 300, Seed = (ulong)seed, Parallelism = 1 });
            var best = r.Best;
            Assert.Equal(opt, p.Objective(best.BestSpins), 9);
            Assert.Equal(opt, p.ObjectiveFromEnergy(best.BestEnergy), 9);
        }
    }

    [Fact]
    public void Model_energy_matches_the_direct_objective_for_every_assignment()
    {
        foreach (var kind in new[] { ProblemKind.MaxCut, ProblemKind.Qubo, ProblemKind.Ising })
        {
            var p = Random(kind, 8, 0.6, 42);
            for (var m = 0; m < 256; m++)
            {
                var s = Enumerable.Range(0, 8).Select(i => ((m >> i) & 1) == 1 ? (sbyte)1 : (sbyte)-1).ToArray();
                Assert.Equal(Objective(p, m), p.ObjectiveFromEnergy(p.Model.Energy(s)), 9);
                Assert.Equal(Objective(p, m), p.Objective(s), 9);
            }
        }
    }
}
