using Neuromorph.Numerics.Randomness;
using Neuromorph.Optimization.Problems;

namespace Neuromorph.Optimization.LocalSearch;

/// <summary>
/// WalkSAT (Selman, Kautz, Cohen 1994, the SKC variant): pick a false clause at random; if one of its variables breaks
/// nothing, flip it, else with probability <see cref="Noise"/> flip a random variable of the clause and otherwise the one
/// breaking the least weight. The classic stochastic local search the memcomputing SAT papers compare with. One
/// "sweep" is N flips; a restart stops when every clause is satisfied or at the target.
/// </summary>
public sealed class WalkSat : ISatSolver
{
    /// <summary>Random-walk probability (0.567 is the usual optimum for random 3-SAT).</summary>
    public double Noise { get; init; } = 0.567;

    /// <inheritdoc/>
    public string Name => "walksat";

    /// <inheritdoc/>
    public SolverResult Solve(SatFormula formula, SolverOptions options, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(formula);
        ArgumentNullException.ThrowIfNull(options);
        return RestartRunner.Run(Name, options, (r, outOfTime, clock) =>
        {
            var run = new ClauseRestart(formula, options, r, clock);
            var rng = new RandomStream(SeedSequence.Derive(options.Seed, SeedPurpose.WalkSatMoves, r));
            var s = run.State;
            var sweeps = options.Sweeps > 0 ? options.Sweeps : 100_000;
            for (var sweep = 0; sweep < sweeps; sweep++)
            {
                for (var flip = 0; flip < formula.Variables && s.FalseClauses.Count > 0; flip++)
                {
                    var m = s.FalseClauses[rng.Next(s.FalseClauses.Count)];
                    int k0 = formula.ClauseStart[m], k1 = formula.ClauseStart[m + 1];
                    int pick = -1;
                    var least = double.MaxValue;
                    for (var k = k0; k < k1; k++)
                    {
                        var b = s.Break(formula.Variable[k]);
                        if (b < least)
                        {
                            least = b;
                            pick = formula.Variable[k];
                        }
                    }

                    if (least > 0 && rng.NextDouble() < Noise)
                    {
                        pick = formula.Variable[k0 + rng.Next(k1 - k0)];
                    }

                    s.Flip(pick);
                    run.Observe();
                }

                if (run.EndSweep(sweep, sweeps, outOfTime))
                {
                    break;
                }
            }

            return run.Result();
        }, cancel);
    }
}
