using Neuromorph.Numerics.Randomness;
using Neuromorph.Optimization.Problems;

namespace Neuromorph.Optimization.LocalSearch;

/// <summary>
/// Simulated annealing on the clause energy (the unsatisfied weight) of a CNF formula: Metropolis single-variable flips
/// in sequential sweeps, geometric temperature schedule from T0 = 2 w_max to T1 = 0.05 w_min (the largest and smallest
/// clause weights); the <c>annealing</c> solver for SAT and MAX-SAT inputs. A restart stops early when it satisfies every clause or reaches
/// the target.
/// </summary>
public sealed class ClauseAnnealing : ISatSolver
{
    /// <summary>Start temperature in units of the largest clause weight.</summary>
    public double StartTemperature { get; init; } = 2;

    /// <summary>End temperature in units of the smallest clause weight.</summary>
    public double EndTemperature { get; init; } = 0.05;

    /// <inheritdoc/>
    public string Name => "annealing";

    /// <inheritdoc/>
    public SolverResult Solve(SatFormula formula, SolverOptions options, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(formula);
        ArgumentNullException.ThrowIfNull(options);
        var scale = formula.MaxWeight();
        var small = formula.Weight.DefaultIfEmpty(1).Min();
        return RestartRunner.Run(Name, options, (r, outOfTime, clock) =>
        {
            var run = new ClauseRestart(formula, options, r, clock);
            var rng = new RandomStream(SeedSequence.Derive(options.Seed, SeedPurpose.ClauseAnnealingMoves, r));
            var sweeps = options.SweepsFor(formula.Variables);
            var t = StartTemperature * scale;
            var ratio = Math.Pow(EndTemperature * small / (StartTemperature * scale), 1.0 / Math.Max(1, sweeps - 1));
            var s = run.State;
            for (var sweep = 0; sweep < sweeps; sweep++)
            {
                for (var i = 0; i < formula.Variables; i++)
                {
                    var d = s.Delta(i);
                    if (d <= 0 || d < -t * Math.Log(1.0 - rng.NextDouble()))
                    {
                        s.Flip(i);
                    }
                }

                t *= ratio;
                if (run.EndSweep(sweep, sweeps, outOfTime))
                {
                    break;
                }
            }

            return run.Result();
        }, cancel);
    }
}
