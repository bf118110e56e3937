using Neuromorph.Diagnostics;
using Neuromorph.Numerics.Randomness;
using Neuromorph.Numerics.Sparse;

namespace Neuromorph.Dynamics;

/// <summary>
/// The graph of a memristor network: N nodes, M oriented edges (one memristor with its series source each, from
/// <see cref="From"/> to <see cref="To"/>). It must be connected and have no self-loops.
/// </summary>
public sealed class MemristorGraph
{
    /// <summary>
    /// Creates and validates the graph. Errors about one edge are reported at <paramref name="edgeLocations"/>[e] (the
    /// CSV line or netlist card of that edge) when given, the others at <paramref name="where"/>.
    /// </summary>
    public MemristorGraph(int nodes, IReadOnlyList<int> from, IReadOnlyList<int> to, SourceLocation? where = null, IReadOnlyList<SourceLocation>? edgeLocations = null)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var at = where ?? SourceLocation.None;
        SourceLocation EdgeAt(int e) => edgeLocations is not null && e < edgeLocations.Count ? edgeLocations[e] : at;
        if (nodes < 2 || from.Count == 0 || from.Count != to.Count)
        {
            throw new UserInputException(at, "a memristor network needs at least two nodes and one edge");
        }

        for (var e = 0; e < from.Count; e++)
        {
            if (from[e] < 0 || from[e] >= nodes || to[e] < 0 || to[e] >= nodes)
            {
                throw new UserInputException(EdgeAt(e), $"edge {e + 1} ({from[e]}, {to[e]}) refers to a node outside 0..{nodes - 1}");
            }

            if (from[e] == to[e])
            {
                throw new UserInputException(EdgeAt(e), $"memristor {e + 1} has both ends on node {from[e]}", "a device between a node and itself carries no current");
            }
        }

        Nodes = nodes;
        From = [.. from];
        To = [.. to];
        var parent = Enumerable.Range(0, nodes).ToArray();
        int Find(int x)
        {
            while (parent[x] != x)
            {
                x = parent[x] = parent[parent[x]];
            }

            return x;
        }

        for (var e = 0; e < From.Length; e++)
        {
            parent[Find(From[e])] = Find(To[e]);
        }

        var components = Enumerable.Range(0, nodes).Select(Find).Distinct().Count();
        if (components != 1)
        {
            // name a piece that is cut off: an edge away from edge 1's component (at its own line), else a node with no edge
            var cut = Enumerable.Range(0, From.Length).FirstOrDefault(e => Find(From[e]) != Find(From[0]), -1);
            var isolated = Enumerable.Range(0, nodes).First(n => Find(n) != Find(From[0]));
            throw cut >= 0
                ? new UserInputException(EdgeAt(cut), $"the memristor network is disconnected ({components} components): edge {cut + 1} ({From[cut]}, {To[cut]}) is not connected to edge 1 ({From[0]}, {To[0]})", "connect every node, or simulate the components separately")
                : new UserInputException(at, $"the memristor network is disconnected ({components} components): node {isolated} has no memristor", "connect every node, or simulate the components separately");
        }
    }

    /// <summary>Number of nodes N.</summary>
    public int Nodes { get; }

    /// <summary>Number of memristors (edges) M.</summary>
    public int Edges => From.Length;

    /// <summary>Tail node of each edge.</summary>
    public int[] From { get; }

    /// <summary>Head node of each edge.</summary>
    public int[] To { get; }

    /// <summary>Dimension of the cycle space: M - N + 1 (connected graph), the rank of Ω.</summary>
    public int CycleRank => Edges - Nodes + 1;

    /// <summary>An rows × cols square lattice: horizontal edges then vertical edges.</summary>
    public static MemristorGraph Lattice(int rows, int cols)
    {
        var f = new List<int>();
        var t = new List<int>();
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < cols; j++)
            {
                var k = (i * cols) + j;
                if (j + 1 < cols)
                {
                    f.Add(k);
                    t.Add(k + 1);
                }

                if (i + 1 < rows)
                {
                    f.Add(k);
                    t.Add(k + cols);
                }
            }
        }

        return new MemristorGraph(rows * cols, f, t);
    }

    /// <summary>An Erdős–Rényi graph G(n, p) with a seed, plus a random spanning path so it is connected.</summary>
    public static MemristorGraph Random(int n, double p, int seed)
    {
        var rng = new RandomStream(seed);
        var order = Enumerable.Range(0, n).ToArray();
        rng.Shuffle(order);
        var f = new List<int>();
        var t = new List<int>();
        var seen = new HashSet<(int, int)>();
        for (var k = 1; k < n; k++)
        {
            f.Add(order[k - 1]);
            t.Add(order[k]);
            seen.Add((Math.Min(order[k - 1], order[k]), Math.Max(order[k - 1], order[k])));
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                if (rng.NextDouble() < p && seen.Add((i, j)))
                {
                    f.Add(i);
                    t.Add(j);
                }
            }
        }

        return new MemristorGraph(n, f, t);
    }

    /// <summary>A random d-regular simple graph on n nodes (configuration model, resampled until simple and connected).</summary>
    public static MemristorGraph RandomRegular(int n, int degree, int seed)
    {
        if (degree < 1 || degree >= n || (n * degree) % 2 != 0)
        {
            throw new UserInputException($"no {degree}-regular graph on {n} nodes", "need 1 <= degree < nodes and nodes × degree even");
        }

        var rng = new RandomStream(seed);
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var stubs = Enumerable.Range(0, n * degree).Select(k => k / degree).ToArray();
            rng.Shuffle(stubs);
            var seen = new HashSet<(int, int)>();
            var ok = true;
            for (var k = 0; k < stubs.Length && ok; k += 2)
            {
                int a = stubs[k], b = stubs[k + 1];
                ok = a != b && seen.Add((Math.Min(a, b), Math.Max(a, b)));
            }

            if (!ok)
            {
                continue;
            }

            var edges = seen.ToList();
            try
            {
                return new MemristorGraph(n, [.. edges.Select(e => e.Item1)], [.. edges.Select(e => e.Item2)]);
            }
            catch (UserInputException)
            {
                // disconnected sample: draw again
            }
        }

        throw new UserInputException($"could not draw a connected simple {degree}-regular graph on {n} nodes", "try another seed or degree");
    }

    /// <summary>The grounded weighted Laplacian B_r diag(g) B_r^T (node 0 removed), (N-1) × (N-1).</summary>
    public CsrMatrix GroundedLaplacian(ReadOnlySpan<double> g)
    {
        var b = new CooBuilder(Nodes - 1, Nodes - 1);
        for (var e = 0; e < Edges; e++)
        {
            int u = From[e] - 1, v = To[e] - 1;
            if (u >= 0)
            {
                b.Add(u, u, g[e]);
            }

            if (v >= 0)
            {
                b.Add(v, v, g[e]);
            }

            if (u >= 0 && v >= 0)
            {
                b.Add(u, v, -g[e]);
                b.Add(v, u, -g[e]);
            }
        }

        return b.ToCsr();
    }

    /// <summary>The dense projector Ω = I - B_r^T (B_r B_r^T)^-1 B_r onto the cycle space (M × M; small graphs and tests).</summary>
    public double[,] Omega()
    {
        var m = Edges;
        var l = GroundedLaplacian([.. Enumerable.Repeat(1.0, m)]);
        var chol = new SparseCholesky(l);
        chol.Factor(l);
        var omega = new double[m, m];
        var phi = new double[Nodes - 1];
        for (var c = 0; c < m; c++)
        {
            // column c: e_c - B_r^T L^-1 B_r e_c
            Array.Clear(phi);
            if (From[c] > 0)
            {
                phi[From[c] - 1] += 1;
            }

            if (To[c] > 0)
            {
                phi[To[c] - 1] -= 1;
            }

            chol.Solve(phi);
            for (var e = 0; e < m; e++)
            {
                var pu = From[e] > 0 ? phi[From[e] - 1] : 0;
                var pv = To[e] > 0 ? phi[To[e] - 1] : 0;
                omega[e, c] = (e == c ? 1 : 0) - (pu - pv);
            }
        }

        return omega;
    }
}
