namespace Neuromorph.Numerics.Sparse;

/// <summary>
/// Nested dissection by level-set separators (George 1973): split the graph at the middle breadth-first level from a
/// pseudo-peripheral node, order both halves recursively, the separator last. On grid-like graphs (lattices,
/// crossbar nodal networks) the fill of the factor grows like n log n instead of minimum degree's faster growth, and
/// the ordering itself is linear-time per level. Small pieces are ordered by minimum degree.
/// </summary>
public static class NestedDissectionOrdering
{
    private const int Leaf = 64;

    /// <summary>The elimination order for the symmetric pattern of <paramref name="a"/>.</summary>
    public static int[] Compute(CsrMatrix a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var n = a.RowCount;
        var region = new int[n];
        var level = new int[n];
        var order = new List<int>(n);
        var queue = new int[n];
        var nextRegion = 1;
        var stack = new Stack<(int[] Nodes, bool Emit)>();
        stack.Push((Enumerable.Range(0, n).ToArray(), false));
        while (stack.Count > 0)
        {
            var (nodes, emit) = stack.Pop();
            if (emit)
            {
                order.AddRange(nodes);
                continue;
            }

            if (nodes.Length <= Leaf)
            {
                order.AddRange(LeafOrder(a, nodes, region, ref nextRegion));
                continue;
            }

            var id = nextRegion++;
            foreach (var v in nodes)
            {
                region[v] = id;
                level[v] = -1;
            }

            // BFS twice for a pseudo-peripheral start, then level structure of this component
            var start = Bfs(a, nodes[0], id, region, level, queue, out _);
            Reset(nodes, level);
            var far = Bfs(a, start, id, region, level, queue, out var reached);
            if (reached < nodes.Length)
            {
                // disconnected piece: split into the reached component and the rest
                var inComp = nodes.Where(v => level[v] >= 0).ToArray();
                var rest = nodes.Where(v => level[v] < 0).ToArray();
                stack.Push((rest, false));
                stack.Push((inComp, false));
                continue;
            }

            var maxLevel = level[far];
            if (maxLevel < 2)
            {
                order.AddRange(LeafOrder(a, nodes, region, ref nextRegion));
                continue;
            }

            var counts = new int[maxLevel + 1];
            foreach (var v in nodes)
            {
                counts[level[v]]++;
            }

            int sep = 1, cumulative = counts[0];
            while (sep < maxLevel - 1 && cumulative + counts[sep] < nodes.Length / 2)
            {
                cumulative += counts[sep++];
            }

            var left = nodes.Where(v => level[v] < sep).ToArray();
            var right = nodes.Where(v => level[v] > sep).ToArray();
            var separator = nodes.Where(v => level[v] == sep).ToArray();
            stack.Push((separator, true));
            stack.Push((right, false));
            stack.Push((left, false));
        }

        return [.. order];
    }

    private static void Reset(int[] nodes, int[] level)
    {
        foreach (var v in nodes)
        {
            level[v] = -1;
        }
    }

    private static int Bfs(CsrMatrix a, int start, int id, int[] region, int[] level, int[] queue, out int reached)
    {
        int head = 0, tail = 0, last = start;
        queue[tail++] = start;
        level[start] = 0;
        while (head < tail)
        {
            var v = queue[head++];
            last = v;
            for (var p = a.RowPointers[v]; p < a.RowPointers[v + 1]; p++)
            {
                var w = a.ColumnIndices[p];
                if (region[w] == id && level[w] < 0)
                {
                    level[w] = level[v] + 1;
                    queue[tail++] = w;
                }
            }
        }

        reached = tail;
        return last;
    }

    private static IEnumerable<int> LeafOrder(CsrMatrix a, int[] nodes, int[] region, ref int nextRegion)
    {
        // minimum degree inside the leaf (edges to other pieces ignored)
        var id = nextRegion++;
        foreach (var v in nodes)
        {
            region[v] = id;
        }

        var local = nodes.Select((v, i) => (v, i)).ToDictionary(t => t.v, t => t.i);
        var b = new CooBuilder(nodes.Length, nodes.Length);
        foreach (var v in nodes)
        {
            b.Add(local[v], local[v], 1);
            for (var p = a.RowPointers[v]; p < a.RowPointers[v + 1]; p++)
            {
                var w = a.ColumnIndices[p];
                if (region[w] == id)
                {
                    b.Add(local[v], local[w], 1);
                }
            }
        }

        return MinimumDegreeOrdering.Compute(b.ToCsr()).Select(k => nodes[k]);
    }
}
