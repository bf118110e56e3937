namespace Neuromorph.Numerics.Sparse;

/// <summary>
/// Minimum-degree order of a small piece (at most 64 nodes) of a graph, for the leaves of nested dissection: the
/// piece's elimination graph is a 64-bit adjacency mask per node, so eliminating a node is a few mask operations.
/// Edges leaving the piece are ignored (they end at separators ordered later).
/// </summary>
internal sealed class LeafOrdering
{
    private readonly ulong[] _adj = new ulong[64];

    /// <summary>Appends the order of nodes[lo..hi) (all marked with <paramref name="id"/> in region) to order[count..]; returns the new count.</summary>
    public int Order(CsrMatrix a, int[] nodes, int lo, int hi, int[] region, int id, int[] order, int count)
    {
        var size = hi - lo;
        if (size > 64)
        {
            return Large(a, nodes, lo, hi, region, id, order, count);
        }

        // local index of each node: stored in region as -(local + 1) while ordering, restored afterwards
        for (var k = 0; k < size; k++)
        {
            region[nodes[lo + k]] = -(k + 1);
        }

        for (var k = 0; k < size; k++)
        {
            var v = nodes[lo + k];
            ulong mask = 0;
            for (var p = a.RowPointers[v]; p < a.RowPointers[v + 1]; p++)
            {
                var r = region[a.ColumnIndices[p]];
                if (r < 0 && -r - 1 != k)
                {
                    mask |= 1UL << (-r - 1);
                }
            }

            _adj[k] = mask;
        }

        var remaining = size == 64 ? ulong.MaxValue : (1UL << size) - 1;
        while (remaining != 0)
        {
            int best = -1, bestDegree = int.MaxValue;
            for (var rest = remaining; rest != 0; rest &= rest - 1)
            {
                var k = System.Numerics.BitOperations.TrailingZeroCount(rest);
                var degree = System.Numerics.BitOperations.PopCount(_adj[k]);
                if (degree < bestDegree)
                {
                    best = k;
                    bestDegree = degree;
                }
            }

            // eliminate: its neighbours become a clique
            var nb = _adj[best];
            for (var rest = nb; rest != 0; rest &= rest - 1)
            {
                var k = System.Numerics.BitOperations.TrailingZeroCount(rest);
                _adj[k] = (_adj[k] | nb) & ~(1UL << k) & ~(1UL << best);
            }

            remaining &= ~(1UL << best);
            order[count++] = nodes[lo + best];
        }

        for (var k = 0; k < size; k++)
        {
            region[nodes[lo + k]] = id;
        }

        return count;
    }

    /// <summary>A larger piece that level sets cannot split (diameter below 2, e.g. a star or a clique): general minimum degree on its subgraph.</summary>
    private static int Large(CsrMatrix a, int[] nodes, int lo, int hi, int[] region, int id, int[] order, int count)
    {
        var size = hi - lo;
        for (var k = 0; k < size; k++)
        {
            region[nodes[lo + k]] = -(k + 1);
        }

        var b = new CooBuilder(size, size);
        for (var k = 0; k < size; k++)
        {
            b.Add(k, k, 1);
            var v = nodes[lo + k];
            for (var p = a.RowPointers[v]; p < a.RowPointers[v + 1]; p++)
            {
                var r = region[a.ColumnIndices[p]];
                if (r < 0)
                {
                    b.Add(k, -r - 1, 1);
                }
            }
        }

        for (var k = 0; k < size; k++)
        {
            region[nodes[lo + k]] = id;
        }

        foreach (var k in MinimumDegreeOrdering.Compute(b.ToCsr()))
        {
            order[count++] = nodes[lo + k];
        }

        return count;
    }
}
