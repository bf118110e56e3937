namespace Neuromorph.Optimization;

/// <summary>
/// Evaluates objectives straight from the original file terms, independently of the spin-model conversion
/// used by the solvers, so solver results can be checked.
/// </summary>
public static class CutEvaluator
{
    /// <summary>Cut weight sum over edges of w (1 - s_i s_j)/2, i.e. the weight of edges whose ends differ.</summary>
    public static double Cut(IReadOnlyList<Term> edges, ReadOnlySpan<sbyte> s)
    {
        ArgumentNullException.ThrowIfNull(edges);
        var cut = 0.0;
        foreach (var e in edges)
        {
            if (s[e.I] != s[e.J])
            {
                cut += e.Weight;
            }
        }

        return cut;
    }

    /// <summary>QUBO value sum of q x_i x_j with x = (1 + s)/2 in {0,1}.</summary>
    public static double QuboValue(IReadOnlyList<Term> terms, ReadOnlySpan<sbyte> s)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var v = 0.0;
        foreach (var t in terms)
        {
            if (s[t.I] > 0 && s[t.J] > 0)
            {
                v += t.Weight;
            }
        }

        return v;
    }

    /// <summary>Ising energy -sum J_ij s_i s_j - sum h_i s_i (terms with I == J are fields h_i).</summary>
    public static double IsingEnergy(IReadOnlyList<Term> terms, ReadOnlySpan<sbyte> s)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var e = 0.0;
        foreach (var t in terms)
        {
            e -= t.I == t.J ? t.Weight * s[t.I] : t.Weight * s[t.I] * s[t.J];
        }

        return e;
    }
}
