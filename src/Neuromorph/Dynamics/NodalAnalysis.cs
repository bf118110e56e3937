using System.Runtime.CompilerServices;
using Neuromorph.Numerics.Sparse;

namespace Neuromorph.Dynamics;

/// <summary>
/// Nodal analysis of a memristor network: solve the grounded weighted Laplacian (B_r G B_r^T) φ = B_r G S + J_r
/// (sparse Cholesky, pattern analysed once, its factor reused to precondition CG on the following evaluations while
/// that is cheaper than refactorising (<see cref="LaggedCholesky"/>); or IC(0)-PCG warm-started from the previous
/// potentials), then
/// i = G(S − B^T φ). Ω v = v − B_r^T (B_r B_r^T)^-1 B_r v with the unit Laplacian.
/// </summary>
internal sealed class NodalAnalysis : INetworkAnalysis
{
    private readonly MemristorGraph _graph;
    private readonly CtdParameters _p;
    private readonly double[] _s;
    private readonly double[]? _injection;
    private readonly CsrMatrix _laplacian;
    private readonly int[] _slot;
    private readonly Lazy<LaggedCholesky> _chol;
    private readonly Lazy<SparseCholesky> _unitChol;
    private readonly double[]? _warm;
    private readonly double[] _g;
    private readonly double[] _phi;

    /// <param name="graph">The network.</param>
    /// <param name="parameters">Device parameters (Ron, ξ).</param>
    /// <param name="sources">Series source of each edge with convention A's sign.</param>
    /// <param name="injection">Current injected at each node with convention A's sign (null: none).</param>
    /// <param name="iterative">IC(0)-preconditioned CG with warm start instead of Cholesky.</param>
    public NodalAnalysis(MemristorGraph graph, CtdParameters parameters, double[] sources, double[]? injection, bool iterative)
    {
        _graph = graph;
        _p = parameters;
        _s = sources;
        _injection = injection;
        _g = new double[graph.Edges];
        _phi = new double[graph.Nodes - 1];
        _laplacian = graph.GroundedLaplacian([.. Enumerable.Repeat(1.0, graph.Edges)]);
        _slot = new int[4 * graph.Edges];
        for (var e = 0; e < graph.Edges; e++)
        {
            int u = graph.From[e] - 1, v = graph.To[e] - 1;
            _slot[4 * e] = u >= 0 ? _laplacian.IndexOf(u, u) : -1;
            _slot[(4 * e) + 1] = v >= 0 ? _laplacian.IndexOf(v, v) : -1;
            _slot[(4 * e) + 2] = u >= 0 && v >= 0 ? _laplacian.IndexOf(u, v) : -1;
            _slot[(4 * e) + 3] = u >= 0 && v >= 0 ? _laplacian.IndexOf(v, u) : -1;
        }

        _unitChol = new Lazy<SparseCholesky>(() =>
        {
            var unit = graph.GroundedLaplacian([.. Enumerable.Repeat(1.0, graph.Edges)]);
            var c = new SparseCholesky(unit);
            c.Factor(unit);
            return c;
        });
        _chol = new Lazy<LaggedCholesky>(() => new LaggedCholesky(_laplacian));
        _warm = iterative ? new double[graph.Nodes - 1] : null;
    }

    /// <inheritdoc />
    public CircuitAnalysis Kind => CircuitAnalysis.Node;

    /// <inheritdoc />
    public int Unknowns => _phi.Length;

    /// <inheritdoc />
    public long Iterations { get; private set; }

    /// <summary>Conjugate-gradient iterations preconditioned by an earlier factor (direct mode).</summary>
    public long LaggedIterations => _chol.IsValueCreated ? _chol.Value.Iterations : 0;

    /// <summary>Whether solves are iterative.</summary>
    public bool Iterative => _warm is not null;

    /// <summary>The symbolic analysis of the Laplacian (built on first use).</summary>
    public SparseCholesky Factorisation => _chol.Value.Analysis;

    /// <summary>Numeric factorisations so far (direct mode; the others are factor-preconditioned CG solves).</summary>
    public int Factorisations => _chol.IsValueCreated ? _chol.Value.Factorisations : 0;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Currents(ReadOnlySpan<double> x, Span<double> current)
    {
        Array.Clear(_laplacian.Values);
        Array.Clear(_phi);
        for (var e = 0; e < _g.Length; e++)
        {
            var g = 1 / _p.StageResistance(x[e]);
            _g[e] = g;
            for (var k = 0; k < 4; k++)
            {
                var slot = _slot[(4 * e) + k];
                if (slot >= 0)
                {
                    _laplacian.Values[slot] += k < 2 ? g : -g;
                }
            }

            int u = _graph.From[e] - 1, v = _graph.To[e] - 1;
            if (u >= 0)
            {
                _phi[u] += g * _s[e];
            }

            if (v >= 0)
            {
                _phi[v] -= g * _s[e];
            }
        }

        if (_injection is not null)
        {
            // KCL with injections: B G B^T phi = B G S + J (node 0 is ground and absorbs the balance)
            for (var k = 1; k < _graph.Nodes; k++)
            {
                _phi[k - 1] += _injection[k];
            }
        }

        if (_warm is { } warm)
        {
            var cg = new ConjugateGradient(_laplacian, new IncompleteCholesky(_laplacian)) { Tolerance = 1e-13, MaxIterations = 10 * _phi.Length };
            Iterations += cg.Solve(_phi, warm);
            warm.CopyTo(_phi, 0);
        }
        else
        {
            _chol.Value.Solve(_phi);
        }

        for (var e = 0; e < _g.Length; e++)
        {
            int u = _graph.From[e] - 1, v = _graph.To[e] - 1;
            var drop = (u >= 0 ? _phi[u] : 0) - (v >= 0 ? _phi[v] : 0);
            current[e] = _g[e] * (_s[e] - drop);
        }
    }

    /// <inheritdoc />
    public double[] ApplyOmega(ReadOnlySpan<double> v)
    {
        var phi = new double[_graph.Nodes - 1];
        for (var e = 0; e < v.Length; e++)
        {
            int a = _graph.From[e] - 1, b = _graph.To[e] - 1;
            if (a >= 0)
            {
                phi[a] += v[e];
            }

            if (b >= 0)
            {
                phi[b] -= v[e];
            }
        }

        _unitChol.Value.Solve(phi);
        var r = new double[v.Length];
        for (var e = 0; e < v.Length; e++)
        {
            int a = _graph.From[e] - 1, b = _graph.To[e] - 1;
            r[e] = v[e] - ((a >= 0 ? phi[a] : 0) - (b >= 0 ? phi[b] : 0));
        }

        return r;
    }
}
