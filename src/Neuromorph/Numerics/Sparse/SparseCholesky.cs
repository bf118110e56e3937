using Neuromorph.Diagnostics;
using System.Runtime.CompilerServices;
namespace Neuromorph.Numerics.Sparse;

/// <summary>
/// Sparse Cholesky factorisation P A P^T = L L^T of a symmetric positive definite matrix (up-looking, as in CSparse):
/// minimum-degree ordering, elimination tree and the pattern of L are computed once; <see cref="Factor"/> recomputes
/// the numbers whenever the values of A change, and <see cref="Solve"/> reuses the factor for any number of
/// right-hand sides. Used for weighted graph Laplacians (crossbar nodal networks, memristor-network dynamics).
/// </summary>
public sealed class SparseCholesky
{
    private readonly int _n;
    private readonly int[] _perm;
    private readonly int[] _parent;
    private readonly int[] _cp;
    private readonly int[] _ci;
    private readonly int[] _cMap;
    private readonly int[] _lp;
    private readonly int[] _li;
    private readonly double[] _lx;
    private readonly double[] _cx;
    private readonly double[] _x;
    private readonly int[] _stack;
    private readonly int[] _mark;
    private readonly int[] _path;
    private int _stamp;
    private readonly int[] _next;
    private readonly int[] _rowStart;
    private readonly int[] _rows;
    private readonly double[] _work;

    /// <summary>Above this many unknowns the ordering is nested dissection instead of minimum degree.</summary>
    public const int NestedDissectionThreshold = 4000;

    /// <summary>Analyses the pattern of the symmetric matrix <paramref name="a"/> (both triangles stored).</summary>
    /// <param name="a">The matrix.</param>
    /// <param name="supernodal">Force the supernodal (true) or column (false) numeric phase; null chooses by <see cref="SupernodalOperations"/>.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public SparseCholesky(CsrMatrix a, bool? supernodal = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        _n = a.RowCount;
        // minimum degree for small matrices; nested dissection where fill would otherwise grow superlinearly
        _perm = _n > NestedDissectionThreshold ? NestedDissectionOrdering.Compute(a) : MinimumDegreeOrdering.Compute(a);
        var pinv = new int[_n];
        for (var k = 0; k < _n; k++)
        {
            pinv[_perm[k]] = k;
        }

        // C = upper triangle of P A P^T in compressed-column form; _cMap[p] is the index into a.Values of entry p
        var counts = new int[_n + 1];
        for (var r = 0; r < _n; r++)
        {
            for (var p = a.RowPointers[r]; p < a.RowPointers[r + 1]; p++)
            {
                int i = pinv[r], j = pinv[a.ColumnIndices[p]];
                if (i <= j)
                {
                    counts[j + 1]++;
                }
            }
        }

        for (var j = 0; j < _n; j++)
        {
            counts[j + 1] += counts[j];
        }

        _cp = counts;
        _ci = new int[_cp[_n]];
        _cMap = new int[_cp[_n]];
        _cx = new double[_cp[_n]];
        var fill = (int[])_cp.Clone();
        for (var r = 0; r < _n; r++)
        {
            for (var p = a.RowPointers[r]; p < a.RowPointers[r + 1]; p++)
            {
                int i = pinv[r], j = pinv[a.ColumnIndices[p]];
                if (i <= j)
                {
                    var q = fill[j]++;
                    _ci[q] = i;
                    _cMap[q] = p;
                }
            }
        }

        _parent = EliminationTree();
        _x = new double[_n];
        _stack = new int[_n];
        _mark = new int[_n];
        _path = new int[_n];
        _next = new int[_n];
        _work = new double[_n];

        // symbolic: row patterns of L (ereach), kept in topological order so each numeric factorisation skips the
        // elimination-tree walks; column counts from them, then column pointers
        var colCount = new int[_n];
        var rows = new List<int>();
        _rowStart = new int[_n + 1];
        for (var k = 0; k < _n; k++)
        {
            var top = Reach(k);
            for (var t = top; t < _n; t++)
            {
                colCount[_stack[t]]++;
                rows.Add(_stack[t]);
            }

            colCount[k]++;
            _rowStart[k + 1] = rows.Count;
        }

        _rows = [.. rows];

        _lp = new int[_n + 1];
        for (var k = 0; k < _n; k++)
        {
            _lp[k + 1] = _lp[k] + colCount[k];
            FactorOperations += (double)colCount[k] * colCount[k];
        }

        _li = new int[_lp[_n]];
        _lx = new double[_lp[_n]];

        // supernodal numeric phase where the factorisation is dominated by dense blocks (large separators); the factor
        // is then copied into the column layout, whose triangular solves are faster than blocked ones here
        if (supernodal ?? FactorOperations >= SupernodalOperations)
        {
            _super = new SupernodalFactor(_n, _parent, colCount, _rowStart, _rows, _cp, _ci, _cMap);
            var next = (int[])_lp[.._n];
            for (var k = 0; k < _n; k++)
            {
                _li[next[k]++] = k;
                for (var t = _rowStart[k]; t < _rowStart[k + 1]; t++)
                {
                    _li[next[_rows[t]]++] = k;
                }
            }
        }
    }

    /// <summary>
    /// Factorisations costing at least this many multiply-adds use supernodes (BenchmarkDotNet on lattice Laplacians,
    /// `CholeskyFactor`: 1.5× faster at 1.4e8, 1.4× at 3e7, even at 4e6, where thin supernodes' bookkeeping dominates).
    /// </summary>
    public const double SupernodalOperations = 2e7;

    private readonly SupernodalFactor? _super;


    /// <summary>Number of supernodes (when <see cref="Supernodal"/>).</summary>
    public int SupernodeCount => _super?.Count ?? 0;

    /// <summary>Whether the numeric factorisation works on supernodes (dense blocks) rather than single columns.</summary>
    public bool Supernodal => _super is not null;

    /// <summary>Dimension.</summary>
    public int Size => _n;

    /// <summary>Non-zeros of L.</summary>
    public int FactorNonZeros => _lp[_n];

    /// <summary>Multiply-adds of one numeric factorisation, Σ_k (column count of L)² (a cost model for choosing between systems).</summary>
    public double FactorOperations { get; }

    /// <summary>Computes L from the current values of <paramref name="a"/> (same pattern as at construction).</summary>
    /// <exception cref="SimulationException">The matrix is not positive definite.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Factor(CsrMatrix a)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (_super is not null)
        {
            _super.Factor(a.Values, _perm);
            _super.CopyTo(_lp, _li, _lx);
            return;
        }

        for (var p = 0; p < _cx.Length; p++)
        {
            _cx[p] = a.Values[_cMap[p]];
        }

        for (var k = 0; k < _n; k++)
        {
            _next[k] = _lp[k];
        }

        for (var k = 0; k < _n; k++)
        {
            _x[k] = 0;
            for (var p = _cp[k]; p < _cp[k + 1]; p++)
            {
                _x[_ci[p]] += _cx[p];
            }

            var d = _x[k];
            _x[k] = 0;
            for (var t = _rowStart[k]; t < _rowStart[k + 1]; t++)
            {
                var i = _rows[t];
                var lki = _x[i] / _lx[_lp[i]];
                _x[i] = 0;
                for (var p = _lp[i] + 1; p < _next[i]; p++)
                {
                    _x[_li[p]] -= _lx[p] * lki;
                }

                d -= lki * lki;
                var q = _next[i]++;
                _li[q] = k;
                _lx[q] = lki;
            }

            if (!(d > 0))
            {
                throw new SimulationException($"matrix is not positive definite (pivot {d:G4} at original row {_perm[k]})") { Hint = SimulationHints.PositiveDefinite };
            }

            var r = _next[k]++;
            _li[r] = k;
            _lx[r] = Math.Sqrt(d);
        }
    }

    /// <summary>Solves A x = b in place (b is overwritten with x).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Solve(Span<double> b)
    {
        var y = _work;
        for (var k = 0; k < _n; k++)
        {
            y[k] = b[_perm[k]];
        }


        for (var j = 0; j < _n; j++)
        {
            var yj = y[j] /= _lx[_lp[j]];
            for (var p = _lp[j] + 1; p < _lp[j + 1]; p++)
            {
                y[_li[p]] -= _lx[p] * yj;
            }
        }

        for (var j = _n - 1; j >= 0; j--)
        {
            var s = y[j];
            for (var p = _lp[j] + 1; p < _lp[j + 1]; p++)
            {
                s -= _lx[p] * y[_li[p]];
            }

            y[j] = s / _lx[_lp[j]];
        }

        for (var k = 0; k < _n; k++)
        {
            b[_perm[k]] = y[k];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int[] EliminationTree()
    {
        var parent = new int[_n];
        var ancestor = new int[_n];
        for (var k = 0; k < _n; k++)
        {
            parent[k] = -1;
            ancestor[k] = -1;
            for (var p = _cp[k]; p < _cp[k + 1]; p++)
            {
                var i = _ci[p];
                while (i != -1 && i < k)
                {
                    var inext = ancestor[i];
                    ancestor[i] = k;
                    if (inext == -1)
                    {
                        parent[i] = k;
                    }

                    i = inext;
                }
            }
        }

        return parent;
    }

    /// <summary>Pattern of row k of L (excluding the diagonal) in topological order in _stack[top..n).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Reach(int k)
    {
        var top = _n;
        var stamp = ++_stamp;
        _mark[k] = stamp;
        for (var p = _cp[k]; p < _cp[k + 1]; p++)
        {
            var i = _ci[p];
            if (i > k)
            {
                continue;
            }

            var len = 0;
            for (; _mark[i] != stamp; i = _parent[i])
            {
                _path[len++] = i;
                _mark[i] = stamp;
            }

            while (len > 0)
            {
                _stack[--top] = _path[--len];
            }
        }

        return top;
    }
}
