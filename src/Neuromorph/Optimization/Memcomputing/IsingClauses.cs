using Neuromorph.Optimization.Problems;

namespace Neuromorph.Optimization.Memcomputing;

/// <summary>
/// An Ising model written as weighted MAX-2-SAT, the Boolean form a memcomputing machine solves (s_i = +1: variable i
/// true). A coupling K s_i s_j becomes two clauses of weight |K|: (i ∨ j) and (¬i ∨ ¬j) when K &gt; 0 (exactly one is
/// false when s_i = s_j), (i ∨ ¬j) and (¬i ∨ j) when K &lt; 0; a field c s_i becomes the unit clause (¬i) (c &gt; 0) or
/// (i) (c &lt; 0) of weight |c|. Then K s_i s_j = |K| (2u − 1) and c s_i = |c| (2u − 1) with u the number of false
/// clauses, so E(s) = offset − Σ|K| − Σ|c| + 2 W(s), W the unsatisfied weight: an exact encoding.
/// </summary>
public sealed class IsingClauses
{
    private IsingClauses(SatFormula formula, double constant)
    {
        Formula = formula;
        Constant = constant;
    }

    /// <summary>The weighted 2-SAT formula.</summary>
    public SatFormula Formula { get; }

    /// <summary>E(s) − 2 W(s), the same for every s.</summary>
    public double Constant { get; }

    /// <summary>Model energy of an assignment whose unsatisfied clause weight is <paramref name="unsatisfiedWeight"/>.</summary>
    public double Energy(double unsatisfiedWeight) => Constant + (2 * unsatisfiedWeight);

    /// <summary>Encodes <paramref name="model"/>.</summary>
    public static IsingClauses From(IsingModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var clauses = new List<int[]>();
        var weights = new List<double>();
        var constant = model.Offset;
        for (var i = 0; i < model.Size; i++)
        {
            var c = model.Linear[i];
            if (c != 0)
            {
                clauses.Add([c > 0 ? -(i + 1) : i + 1]);
                weights.Add(Math.Abs(c));
                constant -= Math.Abs(c);
            }

            for (var k = model.RowStart[i]; k < model.RowStart[i + 1]; k++)
            {
                var j = model.Neighbour[k];
                var kij = model.Coupling[k];
                if (j <= i || kij == 0)
                {
                    continue;
                }

                int a = i + 1, b = j + 1;
                if (kij > 0)
                {
                    clauses.Add([a, b]);
                    clauses.Add([-a, -b]);
                }
                else
                {
                    clauses.Add([a, -b]);
                    clauses.Add([-a, b]);
                }

                weights.Add(Math.Abs(kij));
                weights.Add(Math.Abs(kij));
                constant -= Math.Abs(kij);
            }
        }

        return new IsingClauses(new SatFormula(model.Size, clauses, weights), constant);
    }
}
