using System.Runtime.CompilerServices;

namespace Neuromorph.Numerics.Sparse;

/// <summary>
/// Nested dissection by level-set separators (George 1973): split the graph at the middle breadth-first level from a
/// pseudo-peripheral node, order both halves recursively, the separator last. On grid-like graphs (lattices,
/// crossbar nodal networks) the fill of the factor grows like n log n instead of minimum degree's faster growth, and
/// the ordering itself is linear-time per level. Pieces of at most 64 nodes are ordered by minimum degree.
/// Works in place on one permutation array (pieces are index ranges), so it allocates O(n) in all.
/// </summary>
public static class NestedDissectionOrdering
{
    private const int Leaf = 64;

    /// <summary>The elimination order for the symmetric pattern of <paramref name="a"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int[] Compute(CsrMatrix a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var n = a.RowCount;
        var nodes = new int[n];
        for (var i = 0; i < n; i++)
        {
            nodes[i] = i;
        }

        var region = new int[n];
        var level = new int[n];
        var queue = new int[n];
        var scratch = new int[n];
        var order = new int[n];
        var count = 0;
        var nextRegion = 1;
        var leaf = new LeafOrdering();

        // work stack of pieces nodes[lo..hi); a negative lo marks a separator to emit once both halves are ordered
        var stack = new Stack<long>();
        stack.Push(Piece(0, n, false));
        while (stack.Count > 0)
        {
            var (lo, hi, emit) = Unpack(stack.Pop());
            var size = hi - lo;
            if (emit)
            {
                Array.Copy(nodes, lo, order, count, size);
                count += size;
                continue;
            }

            var id = nextRegion++;
            for (var k = lo; k < hi; k++)
            {
                region[nodes[k]] = id;
                level[nodes[k]] = -1;
            }

            if (size <= Leaf)
            {
                count = leaf.Order(a, nodes, lo, hi, region, id, order, count);
                continue;
            }

            // BFS twice for a pseudo-peripheral start, then the level structure of this piece
            var start = Bfs(a, nodes[lo], id, region, level, queue, out _);
            for (var k = lo; k < hi; k++)
            {
                level[nodes[k]] = -1;
            }

            var far = Bfs(a, start, id, region, level, queue, out var reached);
            if (reached < size)
            {
                // disconnected piece: the reached component first, the rest as a separate piece
                var split = Partition(nodes, lo, hi, level, scratch, v => v >= 0 ? 0 : 1, out _);
                stack.Push(Piece(split, hi, false));
                stack.Push(Piece(lo, split, false));
                continue;
            }

            var maxLevel = level[far];
            if (maxLevel < 2)
            {
                count = leaf.Order(a, nodes, lo, hi, region, id, order, count);
                continue;
            }

            var counts = new int[maxLevel + 1];
            for (var k = lo; k < hi; k++)
            {
                counts[level[nodes[k]]]++;
            }

            int sep = 1, cumulative = counts[0];
            while (sep < maxLevel - 1 && cumulative + counts[sep] < size / 2)
            {
                cumulative += counts[sep++];
            }

            // [levels below sep | levels above sep | separator]
            var leftEnd = Partition(nodes, lo, hi, level, scratch, v => v < sep ? 0 : v > sep ? 1 : 2, out var rightEnd);
            stack.Push(Piece(rightEnd, hi, true));
            stack.Push(Piece(leftEnd, rightEnd, false));
            stack.Push(Piece(lo, leftEnd, false));
        }

        return order;
    }

    private static long Piece(int lo, int hi, bool emit) => ((long)lo << 32) | (uint)hi | (emit ? 1L << 63 : 0);

    private static (int Lo, int Hi, bool Emit) Unpack(long p) => ((int)((p >> 32) & 0x7fffffff), (int)(uint)p, p < 0);

    /// <summary>
    /// Stable partition of nodes[lo..hi) into classes 0, 1, 2 by <paramref name="classOf"/>(level); returns the end
    /// of class 0, and the end of class 1 in <paramref name="end1"/>.
    /// </summary>
    private static int Partition(int[] nodes, int lo, int hi, int[] level, int[] scratch, Func<int, int> classOf, out int end1)
    {
        var c = lo;
        var end0 = lo;
        end1 = lo;
        for (var cls = 0; cls < 3; cls++)
        {
            for (var k = lo; k < hi; k++)
            {
                if (classOf(level[nodes[k]]) == cls)
                {
                    scratch[c++] = nodes[k];
                }
            }

            if (cls == 0)
            {
                end0 = c;
            }
            else if (cls == 1)
            {
                end1 = c;
            }
        }

        Array.Copy(scratch, lo, nodes, lo, hi - lo);
        return end0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
}
