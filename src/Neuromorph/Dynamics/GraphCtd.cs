namespace Neuromorph.Dynamics;

/// <summary>
/// CTD dynamics of a memristor circuit without forming Ω: each rate evaluation solves the circuit for its branch
/// currents i at R = Ron(1 + ξx), by nodal analysis (grounded weighted Laplacian, N − 1 unknowns) or loop analysis
/// (A R Aᵀ over a fundamental cycle basis, M − N + 1 unknowns), whichever factorises more cheaply, then
/// dx/dt = α x − (Ron/β) i (convention A). Ω-products for the Lyapunov function use the same analysis with unit
/// resistances. Resistances come from <see cref="CtdParameters.StageResistance"/>, so a Runge–Kutta stage that
/// overshoots a bound never makes the circuit singular.
/// </summary>
public sealed class GraphCtd : ICtdSystem
{
    private readonly CtdParameters _p;
    private readonly double[] _s;
    private readonly INetworkAnalysis _analysis;
    private double[]? _omegaS;

    /// <summary>Creates the system for <paramref name="graph"/> with series sources <paramref name="sources"/> (volts, one per edge, along its orientation).</summary>
    /// <param name="graph">The network.</param>
    /// <param name="parameters">Device and dynamics parameters.</param>
    /// <param name="sources">Series source of each edge, volts.</param>
    /// <param name="injection">Current injected into each node from outside, amperes (null: none); it leaves through node 0.</param>
    /// <param name="iterative">
    /// Nodal analysis with each Laplacian solved by conjugate gradient preconditioned with IC(0), warm-started from
    /// the previous evaluation's potentials (relative residual 1e-13), instead of a sparse Cholesky factorisation.
    /// </param>
    /// <param name="analysis">
    /// Node or loop analysis; <see cref="CircuitAnalysis.Auto"/> (the default) compares the cost of both sparse
    /// factorisations when the graph has fewer loops than non-ground nodes, and uses nodal analysis otherwise.
    /// </param>
    public GraphCtd(MemristorGraph graph, CtdParameters parameters, IReadOnlyList<double> sources, IReadOnlyList<double>? injection = null, bool iterative = false, CircuitAnalysis analysis = CircuitAnalysis.Auto)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(sources);
        if (iterative && analysis == CircuitAnalysis.Loop)
        {
            throw new ArgumentException("the iterative solver is for nodal analysis only", nameof(iterative));
        }

        _p = parameters;
        _s = [.. sources.Select(v => v * parameters.SourceSign)];
        double[]? j = injection is null ? null : [.. injection.Select(v => v * parameters.SourceSign)];
        _analysis = Choose(graph, parameters, _s, j, iterative, analysis);
        Size = graph.Edges;
    }

    /// <summary>The analysis in use (node or loop).</summary>
    public CircuitAnalysis Analysis => _analysis.Kind;

    /// <summary>Unknowns of the linear system solved per evaluation.</summary>
    public int Unknowns => _analysis.Unknowns;

    /// <summary>Whether Laplacian solves are iterative (PCG with warm start) rather than direct.</summary>
    public bool Iterative => _analysis is NodalAnalysis { Iterative: true };

    /// <summary>Conjugate-gradient iterations so far (iterative mode).</summary>
    public long Iterations => _analysis.Iterations;

    /// <summary>Nodal analysis, direct mode: numeric factorisations so far, and CG iterations preconditioned by an earlier factor.</summary>
    public (int Factorisations, long Iterations) FactorReuse => _analysis is NodalAnalysis n ? (n.Factorisations, n.LaggedIterations) : (0, 0);

    /// <inheritdoc />
    public int Size { get; }

    /// <inheritdoc />
    public IReadOnlyList<double> OmegaS => _omegaS ??= ApplyOmega(_s);

    /// <summary>Memristor currents (amperes, along each edge's orientation) at x.</summary>
    public void Currents(ReadOnlySpan<double> x, Span<double> current) => _analysis.Currents(x, current);

    /// <inheritdoc />
    public void Rate(ReadOnlySpan<double> x, Span<double> dxdt)
    {
        _analysis.Currents(x, dxdt);
        var k = _p.Ron / _p.Beta;
        for (var e = 0; e < dxdt.Length; e++)
        {
            dxdt[e] = (_p.AlphaA * x[e]) - (k * dxdt[e]);
        }
    }

    /// <summary>Ω v with unit resistances (no dense Ω).</summary>
    /// <inheritdoc cref="ICtdSystem.ApplyOmega"/>
    public double[] ApplyOmega(ReadOnlySpan<double> v) => _analysis.ApplyOmega(v);

    /// <inheritdoc />
    public double Lyapunov(ReadOnlySpan<double> x) => CtdLyapunov.Value(x, _p, OmegaS, ApplyOmega(Square(x)));

    private static INetworkAnalysis Choose(MemristorGraph graph, CtdParameters p, double[] s, double[]? j, bool iterative, CircuitAnalysis analysis)
    {
        // automatic choice: with at least half as many loops as nodes, a fundamental loop basis' long, overlapping loops
        // fill more than the node Laplacian (lattices, sparse random graphs), so the loop system is not even built
        if (iterative || analysis == CircuitAnalysis.Node || (analysis == CircuitAnalysis.Auto && 2L * graph.CycleRank >= graph.Nodes - 1))
        {
            return new NodalAnalysis(graph, p, s, j, iterative);
        }

        // automatic choice: a loop system that sums more couplings than 16 nodal assemblies cannot win, so it is not built
        var loop = LoopAnalysis.TryCreate(graph, p, s, j, analysis == CircuitAnalysis.Loop ? LoopAnalysis.MaxCouplings : 16L * (graph.Edges + graph.Nodes));
        if (analysis == CircuitAnalysis.Loop)
        {
            return loop ?? (INetworkAnalysis)new NodalAnalysis(graph, p, s, j, iterative: false);
        }

        var node = new NodalAnalysis(graph, p, s, j, iterative: false);
        if (loop is null)
        {
            return node;
        }

        // per evaluation: assemble, factorise, solve; factorisation dominates, assembly and solve are linear in their sizes
        var nodeCost = node.Factorisation.FactorOperations + (2.0 * node.Factorisation.FactorNonZeros) + (4.0 * graph.Edges);
        var loopCost = loop.Factorisation.FactorOperations + (2.0 * loop.Factorisation.FactorNonZeros) + loop.Couplings;
        return loopCost < nodeCost ? loop : node;
    }

    private static double[] Square(ReadOnlySpan<double> x)
    {
        var r = new double[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            r[i] = x[i] * x[i];
        }

        return r;
    }
}
