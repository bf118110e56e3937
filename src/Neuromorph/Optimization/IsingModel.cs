namespace Neuromorph.Optimization;

/// <summary>
/// A spin problem in minimisation form, E(s) = offset + sum_i c_i s_i + sum_{i&lt;j} K_ij s_i s_j with s in {-1,+1}^N.
/// Couplings are stored as symmetric adjacency lists (each pair once per endpoint) so that
/// local fields can be updated in O(degree) after a spin flip. Max-Cut, QUBO and Ising inputs all map here.
/// </summary>
public sealed class IsingModel
{
    /// <summary>Creates a model from CSR adjacency (<paramref name="rowStart"/> has N+1 entries).</summary>
    public IsingModel(int[] rowStart, int[] neighbour, double[] coupling, double[] linear, double offset)
    {
        ArgumentNullException.ThrowIfNull(rowStart);
        ArgumentNullException.ThrowIfNull(linear);
        RowStart = rowStart;
        Neighbour = neighbour;
        Coupling = coupling;
        Linear = linear;
        Offset = offset;
    }

    /// <summary>Number of spins.</summary>
    public int Size => Linear.Length;

    /// <summary>CSR row pointers into <see cref="Neighbour"/> and <see cref="Coupling"/>.</summary>
    public int[] RowStart { get; }

    /// <summary>Neighbour index of each adjacency entry.</summary>
    public int[] Neighbour { get; }

    /// <summary>K_ij of each adjacency entry (the pair appears under both endpoints).</summary>
    public double[] Coupling { get; }

    /// <summary>Linear coefficients c_i.</summary>
    public double[] Linear { get; }

    /// <summary>Constant term of the energy.</summary>
    public double Offset { get; }

    /// <summary>Largest sum of |K_ij| over a row plus |c_i|: a scale for temperatures and noise.</summary>
    public double MaxFieldScale()
    {
        var m = 0.0;
        for (var i = 0; i < Size; i++)
        {
            var s = Math.Abs(Linear[i]);
            for (var k = RowStart[i]; k < RowStart[i + 1]; k++)
            {
                s += Math.Abs(Coupling[k]);
            }

            m = Math.Max(m, s);
        }

        return m;
    }

    /// <summary>Energy of a spin vector (entries +1/-1).</summary>
    public double Energy(ReadOnlySpan<sbyte> s)
    {
        var e = Offset;
        for (var i = 0; i < Size; i++)
        {
            var row = 0.0;
            for (var k = RowStart[i]; k < RowStart[i + 1]; k++)
            {
                var j = Neighbour[k];
                if (j > i)
                {
                    row += Coupling[k] * s[j];
                }
            }

            e += s[i] * (row + Linear[i]);
        }

        return e;
    }

    /// <summary>Fills <paramref name="field"/> with f_i = c_i + sum_j K_ij s_j; flipping s_i changes E by -2 s_i f_i.</summary>
    public void LocalFields(ReadOnlySpan<sbyte> s, Span<double> field)
    {
        for (var i = 0; i < Size; i++)
        {
            var f = Linear[i];
            for (var k = RowStart[i]; k < RowStart[i + 1]; k++)
            {
                f += Coupling[k] * s[Neighbour[k]];
            }

            field[i] = f;
        }
    }

    /// <summary>
    /// Greedy single-flip descent to a local minimum: flips every spin whose flip lowers the energy (s_i f_i &gt; 0)
    /// until none does, keeping <paramref name="field"/> current.
    /// </summary>
    public void Descend(Span<sbyte> s, Span<double> field)
    {
        for (var improved = true; improved;)
        {
            improved = false;
            for (var i = 0; i < Size; i++)
            {
                if (s[i] * field[i] > 1e-12)
                {
                    Flip(s, field, i);
                    improved = true;
                }
            }
        }
    }

    /// <summary>Flips spin <paramref name="i"/> and updates the local fields of its neighbours.</summary>
    public void Flip(Span<sbyte> s, Span<double> field, int i)
    {
        var sNew = (sbyte)-s[i];
        s[i] = sNew;
        var d = 2.0 * sNew;
        for (var k = RowStart[i]; k < RowStart[i + 1]; k++)
        {
            field[Neighbour[k]] += d * Coupling[k];
        }
    }

    /// <summary>Builds a model from a list of pair terms K_ij s_i s_j (i != j, each unordered pair at most once).</summary>
    public static IsingModel FromPairs(int n, IReadOnlyList<(int I, int J, double K)> pairs, double[] linear, double offset)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var degree = new int[n + 1];
        foreach (var (i, j, _) in pairs)
        {
            degree[i + 1]++;
            degree[j + 1]++;
        }

        for (var i = 0; i < n; i++)
        {
            degree[i + 1] += degree[i];
        }

        var fill = (int[])degree.Clone();
        var nb = new int[degree[n]];
        var kk = new double[degree[n]];
        foreach (var (i, j, k) in pairs)
        {
            nb[fill[i]] = j;
            kk[fill[i]++] = k;
            nb[fill[j]] = i;
            kk[fill[j]++] = k;
        }

        return new IsingModel(degree, nb, kk, linear, offset);
    }
}
