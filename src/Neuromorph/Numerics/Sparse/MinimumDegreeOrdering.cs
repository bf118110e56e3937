namespace Neuromorph.Numerics.Sparse;

/// <summary>
/// A fill-reducing ordering by minimum degree on the symmetric pattern of A + A^T (Tinney–Walker scheme 2 /
/// Rose's elimination graph). Quadratic in the worst case but fast on circuit and grid graphs of a few thousand nodes.
/// </summary>
public static class MinimumDegreeOrdering
{
    /// <summary>Returns the order in which to eliminate the columns (a permutation of 0..n-1).</summary>
    public static int[] Compute(CsrMatrix a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var n = a.RowCount;
        var adj = new HashSet<int>[n];
        for (var i = 0; i < n; i++)
        {
            adj[i] = [];
        }

        for (var r = 0; r < n; r++)
        {
            for (var k = a.RowPointers[r]; k < a.RowPointers[r + 1]; k++)
            {
                var c = a.ColumnIndices[k];
                if (c != r)
                {
                    adj[r].Add(c);
                    adj[c].Add(r);
                }
            }
        }

        var queue = new PriorityQueue<int, (int Degree, int Node)>(n);
        var degree = new int[n];
        for (var i = 0; i < n; i++)
        {
            degree[i] = adj[i].Count;
            queue.Enqueue(i, (degree[i], i));
        }

        var eliminated = new bool[n];
        var order = new int[n];
        var count = 0;
        while (queue.TryDequeue(out var v, out var key))
        {
            if (eliminated[v] || key.Degree != degree[v])
            {
                continue;
            }

            eliminated[v] = true;
            order[count++] = v;
            var neighbours = adj[v].ToArray();
            foreach (var u in neighbours)
            {
                adj[u].Remove(v);
                foreach (var w in neighbours)
                {
                    if (w != u)
                    {
                        adj[u].Add(w);
                    }
                }
            }

            foreach (var u in neighbours)
            {
                if (adj[u].Count != degree[u])
                {
                    degree[u] = adj[u].Count;
                    queue.Enqueue(u, (degree[u], u));
                }
            }

            adj[v].Clear();
        }

        return order;
    }
}
