using System.Runtime.CompilerServices;
using Neuromorph.Numerics.Sparse;

namespace Neuromorph.Dynamics;

/// <summary>
/// Loop (mesh) analysis of a memristor network over a fundamental cycle basis A (M − N + 1 loops): with a tree
/// current i0 that carries the node injections (B i0 = −J), solve (A R Aᵀ) I = A(S − R i0) by sparse Cholesky
/// (pattern analysed once) and take i = i0 + Aᵀ I. Ω v = Aᵀ (A Aᵀ)^-1 A v. Cheaper than nodal analysis when the graph
/// has few loops (tree-like networks, sparse random graphs).
/// </summary>
internal sealed class LoopAnalysis : INetworkAnalysis
{
    /// <summary>Largest number of (loop, loop) couplings assembled before loop analysis is judged too dense.</summary>
    public const long MaxCouplings = 20_000_000;

    private readonly CtdParameters _p;
    private readonly double[] _s;
    private readonly double[]? _i0;
    private readonly int[] _edgeStart;
    private readonly int[] _loopOf;
    private readonly double[] _signOf;
    private readonly int[] _pairStart;
    private readonly int[] _pairSlot;
    private readonly double[] _pairSign;
    private readonly CsrMatrix _z;
    private readonly SparseCholesky _chol;
    private readonly Lazy<SparseCholesky> _unitChol;
    private readonly double[] _rhs;
    private readonly double[] _r;

    private LoopAnalysis(CycleBasis basis, long[] through, CtdParameters parameters, double[] sources, double[]? treeCurrent, long couplings)
    {
        _p = parameters;
        _s = sources;
        _i0 = treeCurrent;
        var loops = basis.Count;
        var edges = through.Length;
        // columns of A: the loops through each edge
        _edgeStart = new int[edges + 1];
        for (var e = 0; e < edges; e++)
        {
            _edgeStart[e + 1] = _edgeStart[e] + (int)through[e];
        }

        _loopOf = new int[_edgeStart[edges]];
        _signOf = new double[_edgeStart[edges]];
        var fill = (int[])_edgeStart.Clone();
        for (var l = 0; l < loops; l++)
        {
            foreach (var (e, sign) in basis.Loops[l])
            {
                var q = fill[e]++;
                _loopOf[q] = l;
                _signOf[q] = sign;
            }
        }

        // Z = A R Aᵀ: edge e adds R_e a_le a_me to every pair of loops (l, m) through it
        var builder = new CooBuilder(loops, loops);
        for (var e = 0; e < edges; e++)
        {
            for (var p = _edgeStart[e]; p < _edgeStart[e + 1]; p++)
            {
                for (var q = _edgeStart[e]; q < _edgeStart[e + 1]; q++)
                {
                    builder.Add(_loopOf[p], _loopOf[q], _signOf[p] * _signOf[q]);
                }
            }
        }

        var unit = builder.ToCsr();
        _z = new CsrMatrix(unit.RowCount, unit.ColumnCount, unit.RowPointers, unit.ColumnIndices, new double[unit.NonZeroCount]);
        _pairStart = new int[edges + 1];
        _pairSlot = new int[(int)couplings];
        _pairSign = new double[(int)couplings];
        var k = 0;
        for (var e = 0; e < edges; e++)
        {
            for (var p = _edgeStart[e]; p < _edgeStart[e + 1]; p++)
            {
                for (var q = _edgeStart[e]; q < _edgeStart[e + 1]; q++)
                {
                    _pairSlot[k] = _z.IndexOf(_loopOf[p], _loopOf[q]);
                    _pairSign[k++] = _signOf[p] * _signOf[q];
                }
            }

            _pairStart[e + 1] = k;
        }

        _chol = new SparseCholesky(_z);
        _unitChol = new Lazy<SparseCholesky>(() =>
        {
            var c = new SparseCholesky(unit);
            c.Factor(unit);
            return c;
        });
        _rhs = new double[loops];
        _r = new double[edges];
    }

    /// <summary>
    /// Loop analysis of <paramref name="graph"/>, or null when the graph has no loops or the loop system would couple
    /// more than <paramref name="maxCouplings"/> pairs (then nodal analysis is the only sensible choice). Counting the
    /// couplings costs one pass over the loops; nothing large is allocated before the check.
    /// </summary>
    /// <param name="graph">The network.</param>
    /// <param name="parameters">Device parameters (Ron, ξ).</param>
    /// <param name="sources">Series source of each edge with convention A's sign.</param>
    /// <param name="injection">Current injected at each node with convention A's sign (null: none).</param>
    /// <param name="maxCouplings">Give up above this many couplings (default <see cref="MaxCouplings"/>).</param>
    public static LoopAnalysis? TryCreate(MemristorGraph graph, CtdParameters parameters, double[] sources, double[]? injection, long maxCouplings = MaxCouplings)
    {
        var basis = new CycleBasis(graph);
        if (basis.Count == 0)
        {
            return null;
        }

        var through = new long[graph.Edges];
        foreach (var loop in basis.Loops)
        {
            foreach (var (e, _) in loop)
            {
                through[e]++;
            }
        }

        var couplings = through.Sum(c => c * c);
        if (couplings > Math.Min(maxCouplings, MaxCouplings))
        {
            return null;
        }

        double[]? i0 = null;
        if (injection is not null)
        {
            // nodal analysis solves B G Bᵀ φ = B G S + J, so its currents satisfy B i = −J: the tree current matches that
            i0 = basis.TreeCurrents([.. injection.Select(j => -j)]);
        }

        return new LoopAnalysis(basis, through, parameters, sources, i0, couplings);
    }

    /// <inheritdoc />
    public CircuitAnalysis Kind => CircuitAnalysis.Loop;

    /// <inheritdoc />
    public int Unknowns => _rhs.Length;

    /// <inheritdoc />
    public long Iterations => 0;

    /// <summary>The symbolic analysis of A R Aᵀ.</summary>
    public SparseCholesky Factorisation => _chol;

    /// <summary>Assembly work per evaluation: the number of (loop, loop) couplings summed.</summary>
    public int Couplings => _pairSlot.Length;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Currents(ReadOnlySpan<double> x, Span<double> current)
    {
        var z = _z.Values;
        Array.Clear(z);
        Array.Clear(_rhs);
        for (var e = 0; e < _r.Length; e++)
        {
            var r = _p.StageResistance(x[e]);
            _r[e] = r;
            for (var k = _pairStart[e]; k < _pairStart[e + 1]; k++)
            {
                z[_pairSlot[k]] += _pairSign[k] * r;
            }

            var drive = _s[e] - (_i0 is null ? 0 : r * _i0[e]);
            for (var p = _edgeStart[e]; p < _edgeStart[e + 1]; p++)
            {
                _rhs[_loopOf[p]] += _signOf[p] * drive;
            }
        }

        _chol.Factor(_z);
        _chol.Solve(_rhs);
        for (var e = 0; e < _r.Length; e++)
        {
            var i = _i0 is null ? 0 : _i0[e];
            for (var p = _edgeStart[e]; p < _edgeStart[e + 1]; p++)
            {
                i += _signOf[p] * _rhs[_loopOf[p]];
            }

            current[e] = i;
        }
    }

    /// <inheritdoc />
    public double[] ApplyOmega(ReadOnlySpan<double> v)
    {
        var y = new double[_rhs.Length];
        for (var e = 0; e < v.Length; e++)
        {
            for (var p = _edgeStart[e]; p < _edgeStart[e + 1]; p++)
            {
                y[_loopOf[p]] += _signOf[p] * v[e];
            }
        }

        _unitChol.Value.Solve(y);
        var r = new double[v.Length];
        for (var e = 0; e < v.Length; e++)
        {
            double sum = 0;
            for (var p = _edgeStart[e]; p < _edgeStart[e + 1]; p++)
            {
                sum += _signOf[p] * y[_loopOf[p]];
            }

            r[e] = sum;
        }

        return r;
    }
}
