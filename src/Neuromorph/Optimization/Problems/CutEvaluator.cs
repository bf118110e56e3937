namespace Neuromorph.Optimization.Problems;

/// <summary>
/// Evaluates objectives straight from the original file terms, independently of the spin-model conversion
/// used by the solvers, so solver results can be checked.
/// </summary>
public static class CutEvaluator
{
    private delegate double TermValue(Term t, ReadOnlySpan<sbyte> s);

    /// <summary>Cut weight sum over edges of w (1 - s_i s_j)/2, i.e. the weight of edges whose ends differ.</summary>
    public static double Cut(IReadOnlyList<Term> edges, ReadOnlySpan<sbyte> s)
    {
        ArgumentNullException.ThrowIfNull(edges);
        return Sum(edges, s, static (e, x) => x[e.I] != x[e.J] ? e.Weight : 0);
    }

    /// <summary>QUBO value sum of q x_i x_j with x = (1 + s)/2 in {0,1}.</summary>
    public static double QuboValue(IReadOnlyList<Term> terms, ReadOnlySpan<sbyte> s)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return Sum(terms, s, static (t, x) => x[t.I] > 0 && x[t.J] > 0 ? t.Weight : 0);
    }

    /// <summary>Ising energy -sum J_ij s_i s_j - sum h_i s_i (terms with I == J are fields h_i).</summary>
    public static double IsingEnergy(IReadOnlyList<Term> terms, ReadOnlySpan<sbyte> s)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return Sum(terms, s, static (t, x) => -(t.I == t.J ? t.Weight * x[t.I] : t.Weight * x[t.I] * x[t.J]));
    }

    /// <summary>Sum of one value per term, in term order.</summary>
    private static double Sum(IReadOnlyList<Term> terms, ReadOnlySpan<sbyte> s, TermValue value)
    {
        var sum = 0.0;
        foreach (var t in terms)
        {
            sum += value(t, s);
        }

        return sum;
    }
}
