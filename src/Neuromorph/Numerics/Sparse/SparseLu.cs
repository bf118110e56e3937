namespace Neuromorph.Numerics.Sparse;

/// <summary>
/// Sparse LU factorisation P A Q = L U for the unsymmetric matrices of modified nodal analysis
/// (left-looking Gilbert–Peierls with threshold partial pivoting, as in KLU). The column order Q comes
/// from a minimum-degree ordering; the row pivots P are chosen during <see cref="Factor"/> with a preference
/// for the diagonal; where the diagonal is too small, a row with a single entry (a source fixing a node voltage,
/// v(n) = value) is preferred to the largest entry: eliminating with it creates neither fill nor growth, and the
/// unknown it fixes comes out exactly (an element with a huge derivative in that column, such as a B source dividing
/// by v(n) at v(n) = 0, would otherwise pivot it and give the unknown rounding noise). <see cref="Refactor"/> reuses ordering, pivots and the L/U patterns when only values
/// change (Newton iterations, time steps) and reports when a pivot became too small so the caller re-factors.
/// </summary>
public sealed class SparseLu
{
    private const double PivotThreshold = 1e-3;
    private readonly int _n;
    private readonly int[] _q;
    private readonly int[] _pinv;
    private readonly int[] _p;
    private readonly double[] _x;
    private readonly int[] _stack;
    private readonly int[] _mark;
    private readonly int[] _reach;
    private int _markStamp;
    private int[] _lp = [];
    private int[] _li = [];
    private double[] _lx = [];
    private int[] _up = [];
    private int[] _ui = [];
    private double[] _ux = [];
    private int[] _colStart = [];
    private int[] _colIndex = [];
    private int[] _rowOfValue = [];
    private readonly bool[] _singletonRow;
    private bool[] _singletonPivot = [];

    /// <summary>Analyses the pattern of <paramref name="a"/> (square) and computes a fill-reducing column order.</summary>
    public SparseLu(CsrMatrix a)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.RowCount != a.ColumnCount)
        {
            throw new ArgumentException("LU needs a square matrix");
        }

        _n = a.RowCount;
        _q = MinimumDegreeOrdering.Compute(a);
        _pinv = new int[_n];
        _p = new int[_n];
        _x = new double[_n];
        _stack = new int[_n];
        _mark = new int[_n];
        _reach = new int[_n];
        _singletonRow = new bool[_n];
        BuildColumnIndex(a);
    }

    /// <summary>Dimension.</summary>
    public int Size => _n;

    /// <summary>Non-zeros in L and U (a measure of fill).</summary>
    public int FactorNonZeros => _lp.Length == 0 ? 0 : _lp[_n] + _up[_n];

    /// <summary>
    /// Factors <paramref name="a"/> (same pattern as at construction), choosing pivots. Returns the original
    /// column index of the first column with no usable pivot, or -1 on success.
    /// </summary>
    public int Factor(CsrMatrix a)
    {
        ArgumentNullException.ThrowIfNull(a);
        _remembered = false;
        var lp = new List<int>(_n + 1) { 0 };
        var up = new List<int>(_n + 1) { 0 };
        var li = new List<int>(a.NonZeroCount * 2);
        var lx = new List<double>(a.NonZeroCount * 2);
        var ui = new List<int>(a.NonZeroCount * 2);
        var ux = new List<double>(a.NonZeroCount * 2);
        Array.Fill(_pinv, -1);
        var singletonPivot = new bool[_n];
        for (var r = 0; r < _n; r++)
        {
            _singletonRow[r] = IsSingleton(a, r);
        }

        for (var k = 0; k < _n; k++)
        {
            var col = _q[k];
            var top = Reach(col, lp, li);
            Scatter(a, col);
            for (var t = top; t < _n; t++)
            {
                var j = _reach[t];
                var c = _pinv[j];
                if (c < 0)
                {
                    continue;
                }

                var xj = _x[j];
                for (var m = lp[c]; m < lp[c + 1]; m++)
                {
                    _x[li[m]] -= lx[m] * xj;
                }
            }

            // choose the pivot among rows not yet pivotal
            int best = -1, singleton = -1;
            double bestAbs = -1, diagAbs = -1;
            for (var t = top; t < _n; t++)
            {
                var r = _reach[t];
                if (_pinv[r] >= 0)
                {
                    continue;
                }

                var v = Math.Abs(_x[r]);
                if (_singletonRow[r] && v > 0 && double.IsFinite(v))
                {
                    singleton = r;
                }

                if (v > bestAbs)
                {
                    bestAbs = v;
                    best = r;
                }

                if (r == col)
                {
                    diagAbs = v;
                }
            }

            if (best < 0 || bestAbs == 0 || !double.IsFinite(bestAbs))
            {
                ClearWork(top);
                return col;
            }

            var pivotRow = diagAbs >= PivotThreshold * bestAbs && diagAbs > 0 ? col : singleton >= 0 ? singleton : best;
            singletonPivot[k] = pivotRow == singleton;
            var pivot = _x[pivotRow];
            for (var t = top; t < _n; t++)
            {
                var r = _reach[t];
                var c = _pinv[r];
                if (c >= 0)
                {
                    ui.Add(c);
                    ux.Add(_x[r]);
                }
            }

            ui.Add(k);
            ux.Add(pivot);
            _pinv[pivotRow] = k;
            _p[k] = pivotRow;
            for (var t = top; t < _n; t++)
            {
                var r = _reach[t];
                if (_pinv[r] < 0)
                {
                    li.Add(r);
                    lx.Add(_x[r] / pivot);
                }

                _x[r] = 0;
            }

            lp.Add(li.Count);
            up.Add(ui.Count);
        }

        _singletonPivot = singletonPivot;
        _lp = [.. lp];
        _li = [.. li];
        _lx = [.. lx];
        _up = [.. up];
        _ui = [.. ui];
        _ux = [.. ux];
        for (var m = 0; m < _li.Length; m++)
        {
            _li[m] = _pinv[_li[m]];
        }

        Remember(a);
        return -1;
    }

    /// <summary>The values of the matrix the current factors belong to (a linear circuit at an unchanged step repeats them).</summary>
    private double[] _factoredValues = [];

    private bool _remembered;

    private void Remember(CsrMatrix a)
    {
        if (_factoredValues.Length != a.Values.Length)
        {
            _factoredValues = new double[a.Values.Length];
        }

        a.Values.CopyTo(_factoredValues, 0);
        _remembered = true;
    }

    /// <summary>
    /// Numeric refactorisation with the pivots and patterns of the last <see cref="Factor"/>; returns false if a
    /// pivot became too small relative to its column, in which case call <see cref="Factor"/>.
    /// </summary>
    public bool Refactor(CsrMatrix a)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (_lp.Length == 0)
        {
            return false;
        }

        // the same values as the factors': nothing to do (a linear circuit between step-size changes)
        if (_remembered && a.Values.AsSpan().SequenceEqual(_factoredValues))
        {
            return true;
        }

        for (var k = 0; k < _n; k++)
        {
            var col = _q[k];
            for (var m = _colStart[col]; m < _colStart[col + 1]; m++)
            {
                var idx = _colIndex[m];
                _x[_pinv[_rowOfValue[idx]]] += a.Values[idx];
            }

            // U part (excluding diagonal), in the stored topological order
            var uEnd = _up[k + 1] - 1;
            for (var m = _up[k]; m < uEnd; m++)
            {
                var c = _ui[m];
                var xc = _x[c];
                _ux[m] = xc;
                for (var l = _lp[c]; l < _lp[c + 1]; l++)
                {
                    _x[_li[l]] -= _lx[l] * xc;
                }
            }

            var pivot = _x[k];
            double colMax = Math.Abs(pivot);
            for (var l = _lp[k]; l < _lp[k + 1]; l++)
            {
                colMax = Math.Max(colMax, Math.Abs(_x[_li[l]]));
            }

            // a row with a single entry pivots without growth however small it is against its column
            if (pivot == 0 || (Math.Abs(pivot) < PivotThreshold * 1e-3 * colMax && !(_singletonPivot[k] && IsSingleton(a, _p[k]))) || !double.IsFinite(pivot))
            {
                Array.Clear(_x);
                _remembered = false;
                return false;
            }

            _ux[uEnd] = pivot;
            _x[k] = 0;
            for (var m = _up[k]; m < uEnd; m++)
            {
                _x[_ui[m]] = 0;
            }

            for (var l = _lp[k]; l < _lp[k + 1]; l++)
            {
                var r = _li[l];
                _lx[l] = _x[r] / pivot;
                _x[r] = 0;
            }
        }

        Remember(a);
        return true;
    }

    /// <summary>True when row <paramref name="r"/> of <paramref name="a"/> holds one non-zero value (the pattern keeps every diagonal).</summary>
    private static bool IsSingleton(CsrMatrix a, int r)
    {
        var count = 0;
        for (var m = a.RowPointers[r]; m < a.RowPointers[r + 1]; m++)
        {
            if (a.Values[m] != 0 && ++count > 1)
            {
                return false;
            }
        }

        return count == 1;
    }

    /// <summary>Solves A x = b in place (b is overwritten with x).</summary>
    public void Solve(Span<double> b)
    {
        var y = _x;
        for (var k = 0; k < _n; k++)
        {
            y[k] = b[_p[k]];
        }

        for (var k = 0; k < _n; k++)
        {
            var yk = y[k];
            if (yk == 0)
            {
                continue;
            }

            for (var l = _lp[k]; l < _lp[k + 1]; l++)
            {
                y[_li[l]] -= _lx[l] * yk;
            }
        }

        for (var k = _n - 1; k >= 0; k--)
        {
            var diag = _up[k + 1] - 1;
            var yk = y[k] / _ux[diag];
            y[k] = yk;
            if (yk == 0)
            {
                continue;
            }

            for (var m = _up[k]; m < diag; m++)
            {
                y[_ui[m]] -= _ux[m] * yk;
            }
        }

        for (var k = 0; k < _n; k++)
        {
            b[_q[k]] = y[k];
            y[k] = 0;
        }
    }

    private void BuildColumnIndex(CsrMatrix a)
    {
        _colStart = new int[_n + 1];
        foreach (var c in a.ColumnIndices)
        {
            _colStart[c + 1]++;
        }

        for (var i = 0; i < _n; i++)
        {
            _colStart[i + 1] += _colStart[i];
        }

        var next = (int[])_colStart.Clone();
        _colIndex = new int[a.NonZeroCount];
        for (var r = 0; r < _n; r++)
        {
            for (var k = a.RowPointers[r]; k < a.RowPointers[r + 1]; k++)
            {
                _colIndex[next[a.ColumnIndices[k]]++] = k;
            }
        }

        // row of each stored value, for the column-wise scatters (the pattern is fixed for this factorisation)
        _rowOfValue = new int[a.NonZeroCount];
        for (var r = 0; r < _n; r++)
        {
            for (var k = a.RowPointers[r]; k < a.RowPointers[r + 1]; k++)
            {
                _rowOfValue[k] = r;
            }
        }
    }

    private void Scatter(CsrMatrix a, int col)
    {
        for (var m = _colStart[col]; m < _colStart[col + 1]; m++)
        {
            var idx = _colIndex[m];
            _x[_rowOfValue[idx]] += a.Values[idx];
        }
    }

    /// <summary>Rows reachable from column <paramref name="col"/>'s pattern through L, in topological order in _reach[top..n).</summary>
    private int Reach(int col, List<int> lp, List<int> li)
    {
        _markStamp++;
        if (_markStamp == int.MaxValue)
        {
            Array.Clear(_mark);
            _markStamp = 1;
        }

        var top = _n;
        for (var m = _colStart[col]; m < _colStart[col + 1]; m++)
        {
            var start = _rowOfValue[_colIndex[m]];
            if (_mark[start] == _markStamp)
            {
                continue;
            }

            // iterative DFS; the stack holds (node, next child position) encoded as node and a side array
            var head = 0;
            _stack[0] = start;
            _mark[start] = _markStamp;
            var childPos = new Stack<int>();
            childPos.Push(_pinv[start] >= 0 ? lp[_pinv[start]] : 0);
            while (head >= 0)
            {
                var j = _stack[head];
                var c = _pinv[j];
                var pos = childPos.Pop();
                var end = c >= 0 ? lp[c + 1] : 0;
                var pushed = false;
                for (; c >= 0 && pos < end; pos++)
                {
                    var i = li[pos];
                    if (_mark[i] != _markStamp)
                    {
                        _mark[i] = _markStamp;
                        childPos.Push(pos + 1);
                        _stack[++head] = i;
                        childPos.Push(_pinv[i] >= 0 ? lp[_pinv[i]] : 0);
                        pushed = true;
                        break;
                    }
                }

                if (!pushed)
                {
                    head--;
                    _reach[--top] = j;
                }
            }
        }

        return top;
    }

    private void ClearWork(int top)
    {
        for (var t = top; t < _n; t++)
        {
            _x[_reach[t]] = 0;
        }
    }
}
