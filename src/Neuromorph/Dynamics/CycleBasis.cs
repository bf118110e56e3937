namespace Neuromorph.Dynamics;

/// <summary>
/// The fundamental cycle basis of a connected <see cref="MemristorGraph"/> from a breadth-first spanning tree rooted at
/// node 0: one loop per edge outside the tree (the edge, then the tree path back), so the loop matrix A has M − N + 1
/// rows and full row rank. Loop l traverses its defining edge along that edge's orientation; A[l, e] = +1 where the
/// loop runs along edge e, −1 against it. Also gives a tree current with prescribed node balances (for current
/// injections in loop analysis).
/// </summary>
public sealed class CycleBasis
{
    private readonly MemristorGraph _graph;
    private readonly int[] _parent;
    private readonly int[] _parentEdge;
    private readonly int[] _bfsOrder;

    /// <summary>Builds the spanning tree and the loops of <paramref name="graph"/>.</summary>
    public CycleBasis(MemristorGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        _graph = graph;
        int n = graph.Nodes, m = graph.Edges;
        var incident = new List<int>[n];
        for (var k = 0; k < n; k++)
        {
            incident[k] = [];
        }

        for (var e = 0; e < m; e++)
        {
            incident[graph.From[e]].Add(e);
            incident[graph.To[e]].Add(e);
        }

        _parent = new int[n];
        _parentEdge = new int[n];
        var depth = new int[n];
        Array.Fill(_parent, -1);
        Array.Fill(_parentEdge, -1);
        var inTree = new bool[m];
        var seen = new bool[n];
        _bfsOrder = new int[n];
        int head = 0, tail = 0;
        _bfsOrder[tail++] = 0;
        seen[0] = true;
        while (head < tail)
        {
            var v = _bfsOrder[head++];
            foreach (var e in incident[v])
            {
                var w = graph.From[e] == v ? graph.To[e] : graph.From[e];
                if (!seen[w])
                {
                    seen[w] = true;
                    _parent[w] = v;
                    _parentEdge[w] = e;
                    depth[w] = depth[v] + 1;
                    inTree[e] = true;
                    _bfsOrder[tail++] = w;
                }
            }
        }

        var loops = new List<(int Edge, int Sign)[]>();
        var up = new List<(int, int)>();
        var down = new List<(int, int)>();
        for (var e = 0; e < m; e++)
        {
            if (inTree[e])
            {
                continue;
            }

            // along e from u to v, then the tree path v -> lca -> u
            int u = graph.From[e], v = graph.To[e];
            up.Clear();
            down.Clear();
            int a = v, b = u;
            while (a != b)
            {
                if (depth[a] >= depth[b])
                {
                    // walking from a up to its parent (part of v -> lca)
                    var pe = _parentEdge[a];
                    up.Add((pe, graph.From[pe] == a ? 1 : -1));
                    a = _parent[a];
                }
                else
                {
                    // the lca -> u part is walked from parent down to b
                    var pe = _parentEdge[b];
                    down.Add((pe, graph.From[pe] == _parent[b] ? 1 : -1));
                    b = _parent[b];
                }
            }

            var loop = new (int, int)[1 + up.Count + down.Count];
            loop[0] = (e, 1);
            up.CopyTo(loop, 1);
            down.Reverse();
            down.CopyTo(loop, 1 + up.Count);
            loops.Add(loop);
        }

        Loops = loops;
    }

    /// <summary>Each loop as (edge, ±1) in traversal order; the first entry is the loop's defining edge (+1).</summary>
    public IReadOnlyList<(int Edge, int Sign)[]> Loops { get; }

    /// <summary>Number of loops, M − N + 1.</summary>
    public int Count => Loops.Count;

    /// <summary>
    /// Branch currents on tree edges only (zero elsewhere) such that, at every node k ≥ 1, the current leaving
    /// along edges (tail +, head −) equals <paramref name="balance"/>[k]; node 0 takes the rest.
    /// </summary>
    public double[] TreeCurrents(IReadOnlyList<double> balance)
    {
        ArgumentNullException.ThrowIfNull(balance);
        var sub = new double[_graph.Nodes];
        for (var k = 1; k < _graph.Nodes; k++)
        {
            sub[k] = balance[k];
        }

        var current = new double[_graph.Edges];
        for (var t = _bfsOrder.Length - 1; t > 0; t--)
        {
            var c = _bfsOrder[t];
            var pe = _parentEdge[c];
            // the subtree of c exchanges current with the rest only through its parent edge
            current[pe] = _graph.From[pe] == c ? sub[c] : -sub[c];
            sub[_parent[c]] += sub[c];
        }

        return current;
    }
}
