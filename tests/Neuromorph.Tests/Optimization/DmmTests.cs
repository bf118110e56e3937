using Neuromorph.Numerics.Ode;
using Neuromorph.Optimization;
using Neuromorph.Optimization.Memcomputing;
using Neuromorph.Optimization.Problems;

namespace Neuromorph.Tests.Optimization;

/// <summary>The digital memcomputing machine: equilibria, memory bounds, integration accuracy, solutions.</summary>
public class DmmTests
{
    // Independent clause check: literal l (1-based, signed) is true when the sign of s at |l| - 1 matches.
    private static bool Satisfies(SatFormula f, ReadOnlySpan<sbyte> s)
    {
        for (var m = 0; m < f.ClauseCount; m++)
        {
            var ok = false;
            for (var k = f.ClauseStart[m]; k < f.ClauseStart[m + 1]; k++)
            {
                ok |= (f.Polarity[k] > 0) == (s[f.Variable[k]] > 0);
            }

            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static sbyte[] Corner(int mask, int n) => [.. Enumerable.Range(0, n).Select(i => ((mask >> i) & 1) == 1 ? (sbyte)1 : (sbyte)-1)];

    [Fact]
    public void Equilibria_at_the_corners_are_exactly_the_solutions()
    {
        const int n = 8;
        var f = RandomSat.Generate(n, 3.0, 11, 3, new sbyte[n]);
        var p = new DmmParameters();
        var m = f.ClauseCount;
        var drive = Enumerable.Repeat(1.0, m).ToArray();
        double[] dv = new double[n], dxs = new double[m], dxl = new double[m], c = new double[m];
        var rng = new Random(5);
        var solutions = 0;
        for (var mask = 0; mask < 1 << n; mask++)
        {
            var s = Corner(mask, n);
            var v = s.Select(x => (double)x).ToArray();

            // memories at rest (x_s = 0, x_l = 1)
            DmmEquations.Rates(f, drive, f.Weight, p, v, new double[m], Enumerable.Repeat(1.0, m).ToArray(), dv, dxs, dxl, c);
            var inward = Enumerable.Range(0, n).Any(i => dv[i] * v[i] < 0);
            if (Satisfies(f, s))
            {
                solutions++;

                // a fixed point of the bounded flow: voltages do not move, memories press on their lower bounds
                Assert.All(dv, d => Assert.Equal(0, d, 12));
                Assert.All(dxs, d => Assert.True(d <= 0));
                Assert.All(dxl, d => Assert.True(d < 0));

                // and for any memory state no voltage is pushed inwards
                for (var trial = 0; trial < 5; trial++)
                {
                    var xs = Enumerable.Range(0, m).Select(_ => rng.NextDouble()).ToArray();
                    var xl = Enumerable.Range(0, m).Select(_ => 1 + (100 * rng.NextDouble())).ToArray();
                    DmmEquations.Rates(f, drive, f.Weight, p, v, xs, xl, dv, dxs, dxl, c);
                    Assert.All(Enumerable.Range(0, n), i => Assert.True(dv[i] * v[i] >= -1e-12));
                }
            }
            else
            {
                // an unsatisfied clause drives one of its literals inwards, and its long-term memory grows
                Assert.True(inward, $"corner {mask} violates a clause but no voltage moves");
                Assert.Contains(dxl, d => d > 0);
            }
        }

        Assert.True(solutions > 0, "the planted formula has at least one solution");
    }

    [Trait("Category", "slow")]
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Memory_variables_stay_in_their_bounds(bool frustrated)
    {
        // unsatisfiable random 3-SAT at ratio 8 (frustrated: every memory keeps working) or satisfiable at 4.26
        var f = RandomSat.Generate(60, frustrated ? 8 : 4.26, 3, 3, frustrated ? null : new sbyte[60]);
        var p = frustrated ? new DmmParameters { LongMemoryMax = 30, Zeta = 2, MaxVoltageChange = 0.25, MinStep = 1e-6 } : new DmmParameters();
        var b = new DmmBatch(f, p, 2);
        var cap = frustrated ? 30 : 1e4 * f.ClauseCount;
        Assert.Equal(cap, b.LongMemoryMax);
        double xlMax = 0;
        for (var k = 0; k < 2; k++)
        {
            b.Initialise(k, (ulong)k + 1);
            for (var step = 0; step < 3000; step++)
            {
                b.Rates(k);
                b.Advance(k);
                foreach (var x in b.ShortMemory(k))
                {
                    Assert.InRange(x, 0, 1);
                }

                foreach (var x in b.LongMemory(k))
                {
                    Assert.InRange(x, 1, cap);
                    xlMax = Math.Max(xlMax, x);
                }

                foreach (var x in b.Voltages(k))
                {
                    Assert.InRange(x, -1, 1);
                }
            }
        }

        if (frustrated)
        {
            Assert.Equal(cap, xlMax); // the bound is reached, so it was tested
        }
    }

    [Fact]
    public void Forward_euler_converges_at_first_order_to_the_dormand_prince_trajectory()
    {
        var f = RandomSat.Generate(12, 4.0, 9, 3, new sbyte[12]);
        int n = f.Variables, m = f.ClauseCount;
        var p = new DmmParameters();
        var drive = Enumerable.Repeat(1.0, m).ToArray();
        var start = new DmmBatch(f, p, 1);
        start.Initialise(0, 17);
        double[] y0 = [.. start.Voltages(0).ToArray(), .. start.ShortMemory(0).ToArray(), .. start.LongMemory(0).ToArray()];
        const double t1 = 0.5;

        // reference: the same right-hand side through the ODE library at a tight tolerance, with the same boxes
        var c = new double[m];
        OdeFunction rhs = (t, y, d) => DmmEquations.Rates(f, drive, f.Weight, p, y[..n], y.Slice(n, m), y.Slice(n + m, m), d[..n], d.Slice(n, m), d.Slice(n + m, m), c);
        double[] lower = [.. Enumerable.Repeat(-1.0, n), .. Enumerable.Repeat(0.0, m), .. Enumerable.Repeat(1.0, m)];
        double[] upper = [.. Enumerable.Repeat(1.0, n), .. Enumerable.Repeat(1.0, m), .. Enumerable.Repeat(1e4 * m, m)];
        var reference = new DormandPrince54().Integrate(rhs, 0, y0, t1, new OdeOptions { RelTol = 1e-10, AbsTol = 1e-12, Lower = lower, Upper = upper }).Final;

        double Error(double h)
        {
            var b = new DmmBatch(f, p with { MinStep = h, MaxStep = h }, 1);
            b.Initialise(0, 17);
            var steps = (int)Math.Round(t1 / h);
            for (var k = 0; k < steps; k++)
            {
                b.Rates(0);
                b.Advance(0);
            }

            Assert.Equal(t1, b.Time[0], 9);
            return b.Voltages(0).ToArray().Select((v, i) => Math.Abs(v - reference[i])).Max();
        }

        var e1 = Error(1e-3);
        var e2 = Error(5e-4);
        Assert.True(e2 < 2e-3, $"error {e2} at h = 5e-4");
        Assert.InRange(e1 / e2, 1.6, 2.5); // first order: halving the step halves the error
    }

    [Fact]
    public void Solves_planted_3sat_and_every_answer_satisfies_each_clause()
    {
        var solver = new DmmSolver();
        foreach (var n in new[] { 20, 50, 100 })
        {
            for (var inst = 0; inst < 4; inst++)
            {
                var f = RandomSat.Generate(n, 4.26, (ulong)((100 * n) + inst), 3, new sbyte[n]);
                var r = solver.Solve(f, new SolverOptions { Restarts = 2, Seed = (ulong)inst + 1, Parallelism = 2, TargetEnergy = 0 });
                Assert.All(r.Restarts, x => Assert.True(Satisfies(f, x.BestSpins), $"N = {n}, instance {inst}: restart {x.Restart} not a solution"));
                Assert.Equal(1.0, r.SuccessProbability(0));
            }
        }
    }

    [Fact]
    public void Ising_encoding_is_exact_for_every_assignment()
    {
        var rng = new Random(3);
        var pairs = new List<(int, int, double)>();
        for (var i = 0; i < 10; i++)
        {
            for (var j = i + 1; j < 10; j++)
            {
                if (rng.NextDouble() < 0.5)
                {
                    pairs.Add((i, j, Math.Round((rng.NextDouble() * 4) - 2, 2)));
                }
            }
        }

        var model = IsingModel.FromPairs(10, pairs, [.. Enumerable.Range(0, 10).Select(_ => Math.Round((rng.NextDouble() * 2) - 1, 2))], 0.7);
        var enc = IsingClauses.From(model);
        var f = enc.Formula;
        for (var mask = 0; mask < 1024; mask++)
        {
            var s = Corner(mask, 10);
            var unsat = 0.0;
            for (var m = 0; m < f.ClauseCount; m++)
            {
                var ok = false;
                for (var k = f.ClauseStart[m]; k < f.ClauseStart[m + 1]; k++)
                {
                    ok |= (f.Polarity[k] > 0) == (s[f.Variable[k]] > 0);
                }

                unsat += ok ? 0 : f.Weight[m];
            }

            // E(s) from the pair list directly
            var e = 0.7 + pairs.Sum(t => t.Item3 * s[t.Item1] * s[t.Item2]) + Enumerable.Range(0, 10).Sum(i => model.Linear[i] * s[i]);
            Assert.Equal(e, enc.Energy(unsat), 9);
        }
    }

    [Fact]
    public void Periodic_quench_never_loses_to_the_plain_read_out_and_ends_in_a_one_flip_minimum()
    {
        // E(s) = offset + sum over pairs K s_i s_j + sum c_i s_i, written out from the pair list
        var rng = new Random(17);
        const int n = 14;
        var pairs = new List<(int I, int J, double K)>();
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                if (rng.NextDouble() < 0.4)
                {
                    pairs.Add((i, j, Math.Round((rng.NextDouble() * 4) - 2, 2)));
                }
            }
        }

        double[] c = [.. Enumerable.Range(0, n).Select(_ => Math.Round((rng.NextDouble() * 2) - 1, 2))];
        var model = IsingModel.FromPairs(n, pairs, (double[])c.Clone(), 0.4);
        double E(ReadOnlySpan<sbyte> s)
        {
            var e = 0.4;
            foreach (var (i, j, k) in pairs)
            {
                e += k * s[i] * s[j];
            }

            for (var i = 0; i < n; i++)
            {
                e += c[i] * s[i];
            }

            return e;
        }

        var optimum = Enumerable.Range(0, 1 << n).Min(mask => E(Corner(mask, n)));
        var options = new SolverOptions { Restarts = 12, Sweeps = 60, Seed = 5, Parallelism = 1 };
        var plain = new DmmSolver { QuenchEvery = 0 }.Solve(model, options);
        var quenched = new DmmSolver { QuenchEvery = 7 }.Solve(model, options);
        for (var r = 0; r < options.Restarts; r++)
        {
            var q = quenched.Restarts.Single(x => x.Restart == r);
            var p = plain.Restarts.Single(x => x.Restart == r);
            Assert.True(q.BestEnergy <= p.BestEnergy + 1e-9, $"restart {r}: quenched {q.BestEnergy} above plain {p.BestEnergy}");
            Assert.Equal(E(q.BestSpins), q.BestEnergy, 9);
            Assert.True(q.BestEnergy >= optimum - 1e-9);
            for (var i = 0; i < n; i++)
            {
                var flipped = (sbyte[])q.BestSpins.Clone();
                flipped[i] = (sbyte)-flipped[i];
                Assert.True(E(flipped) >= q.BestEnergy - 1e-9, $"restart {r}: flipping spin {i} lowers the energy");
            }
        }

        Assert.Equal(optimum, quenched.Best.BestEnergy, 9);
    }
}
