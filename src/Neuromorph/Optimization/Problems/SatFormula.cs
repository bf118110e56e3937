namespace Neuromorph.Optimization.Problems;

/// <summary>
/// A weighted CNF formula: M clauses over N Boolean variables, stored as flat arrays (clause m's literals are entries
/// <c>ClauseStart[m] .. ClauseStart[m+1]-1</c> of <see cref="Variable"/> and <see cref="Polarity"/>), so dynamics and
/// local search can run over contiguous memory. An assignment is a spin vector s in {-1,+1}^N with s_i = +1 meaning
/// "variable i is true"; literal (i, q) is true when q s_i = +1. The cost of an assignment is the total weight of its
/// unsatisfied clauses (0 for a satisfying assignment of a plain CNF).
/// </summary>
public sealed class SatFormula
{
    /// <summary>Creates a formula from clause lists of signed 1-based DIMACS literals (e.g. {1, -3}).</summary>
    public SatFormula(int variables, IReadOnlyList<int[]> clauses, IReadOnlyList<double>? weights = null, double? hardWeight = null)
    {
        ArgumentNullException.ThrowIfNull(clauses);
        if (weights is not null && weights.Count != clauses.Count)
        {
            throw new ArgumentException("one weight per clause", nameof(weights));
        }

        Variables = variables;
        ClauseStart = new int[clauses.Count + 1];
        var total = clauses.Sum(c => c.Length);
        Variable = new int[total];
        Polarity = new sbyte[total];
        Weight = new double[clauses.Count];
        var k = 0;
        for (var m = 0; m < clauses.Count; m++)
        {
            ClauseStart[m] = k;
            foreach (var lit in clauses[m])
            {
                if (lit == 0 || Math.Abs(lit) > variables)
                {
                    throw new ArgumentException($"literal {lit} out of range 1..{variables}", nameof(clauses));
                }

                Variable[k] = Math.Abs(lit) - 1;
                Polarity[k++] = lit > 0 ? (sbyte)1 : (sbyte)-1;
            }

            Weight[m] = weights?[m] ?? 1.0;
        }

        ClauseStart[clauses.Count] = k;
        HardWeight = hardWeight;
    }

    /// <summary>Number of variables N.</summary>
    public int Variables { get; }

    /// <summary>Number of clauses M.</summary>
    public int ClauseCount => Weight.Length;

    /// <summary>Clause pointers into the literal arrays (M + 1 entries).</summary>
    public int[] ClauseStart { get; }

    /// <summary>0-based variable of each literal.</summary>
    public int[] Variable { get; }

    /// <summary>+1 for a positive literal, -1 for a negated one.</summary>
    public sbyte[] Polarity { get; }

    /// <summary>Weight of each clause (1 for plain CNF; the hard weight for hard clauses of a weighted formula).</summary>
    public double[] Weight { get; }

    /// <summary>Weight marking hard clauses of a weighted formula (null: no hard clauses).</summary>
    public double? HardWeight { get; }

    /// <summary>Total number of literals.</summary>
    public int LiteralCount => Variable.Length;

    /// <summary>True when clause <paramref name="m"/> has a true literal under <paramref name="s"/>.</summary>
    public bool Satisfied(int m, ReadOnlySpan<sbyte> s)
    {
        for (var k = ClauseStart[m]; k < ClauseStart[m + 1]; k++)
        {
            if (Polarity[k] * s[Variable[k]] > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Total weight of the clauses <paramref name="s"/> leaves unsatisfied.</summary>
    public double UnsatisfiedWeight(ReadOnlySpan<sbyte> s)
    {
        var cost = 0.0;
        for (var m = 0; m < ClauseCount; m++)
        {
            if (!Satisfied(m, s))
            {
                cost += Weight[m];
            }
        }

        return cost;
    }

    /// <summary>Number of clauses <paramref name="s"/> leaves unsatisfied.</summary>
    public int UnsatisfiedCount(ReadOnlySpan<sbyte> s)
    {
        var n = 0;
        for (var m = 0; m < ClauseCount; m++)
        {
            n += Satisfied(m, s) ? 0 : 1;
        }

        return n;
    }

    /// <summary>Number of hard clauses <paramref name="s"/> violates (0 without hard clauses).</summary>
    public int ViolatedHard(ReadOnlySpan<sbyte> s)
    {
        if (HardWeight is not { } h)
        {
            return 0;
        }

        var n = 0;
        for (var m = 0; m < ClauseCount; m++)
        {
            n += Weight[m] >= h && !Satisfied(m, s) ? 1 : 0;
        }

        return n;
    }

    /// <summary>Largest clause weight (1 for an empty formula).</summary>
    public double MaxWeight() => Weight.DefaultIfEmpty(1).Max();
}
