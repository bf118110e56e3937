using Neuromorph.Diagnostics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace Neuromorph.Numerics.Sparse;

/// <summary>
/// Supernodal numeric Cholesky factorisation on the symbolic analysis of a <see cref="SparseCholesky"/>: consecutive
/// columns of L along an elimination-tree chain form a supernode stored as one dense row-major panel (relaxed: a few
/// explicit zeros are accepted to make thin chains into blocks), and the factorisation is left-looking over supernodes, so most work is dot products of contiguous rows
/// (vectorised) instead of scattered scalar updates. The result is copied into the column layout of
/// <see cref="SparseCholesky"/>, whose triangular solves it keeps. Pays off where elimination creates large dense blocks (the
/// separators of nested dissection on lattices); thin supernodes fall back to short scalar loops.
/// </summary>
internal sealed class SupernodalFactor
{
    private readonly int _n;
    private readonly int[] _first;        // first column of each supernode (length count + 1)
    private readonly int[] _rowStart;     // start of each supernode's row list in _rows (length count + 1)
    private readonly int[] _rows;         // row indices: the supernode's own columns, then the rows below, ascending
    private readonly long[] _panelStart;  // start of each supernode's panel in _x (length count + 1)
    private readonly double[] _x;         // panels, row-major: row i of supernode s at _panelStart[s] + i * width
    private readonly int[] _superOf;      // supernode of each column
    private readonly int[] _lowStart;     // lower triangle of P A Pᵀ by columns: rows and value positions in A
    private readonly int[] _lowRow;
    private readonly int[] _lowMap;
    private readonly int[] _relpos;
    private readonly int[] _head;
    private readonly int[] _link;
    private readonly int[] _ptr;

    /// <summary>Widest supernode (keeps panels and the dense kernels' working set in cache).</summary>
    private const int MaxWidth = 256;

    /// <param name="n">Dimension.</param>
    /// <param name="parent">Elimination tree.</param>
    /// <param name="colCount">Entries of each column of L, diagonal included.</param>
    /// <param name="rowStart">Row patterns of L: row k's off-diagonal columns are rows[rowStart[k]..rowStart[k+1]).</param>
    /// <param name="rowCols">See <paramref name="rowStart"/>.</param>
    /// <param name="cp">Upper triangle of P A Pᵀ by columns (pointers).</param>
    /// <param name="ci">Upper triangle of P A Pᵀ by columns (row indices, i ≤ j).</param>
    /// <param name="cMap">Position in A's values of each upper entry.</param>
    public SupernodalFactor(int n, int[] parent, int[] colCount, int[] rowStart, int[] rowCols, int[] cp, int[] ci, int[] cMap)
    {
        _n = n;

        // supernodes along elimination-tree chains (parent[j - 1] = j): rows are the block's own columns and column
        // l's rows below it, which hold every row of the block's columns (etree property). Fundamental supernodes have
        // no explicit zeros; relaxed ones accept some, so that thin chains still form blocks worth a dense kernel.
        var first = new List<int> { 0 };
        var blockFirst = 0;
        long ideal = colCount[0];
        for (var j = 1; j < n; j++)
        {
            var width = j - blockFirst + 1;
            var below = colCount[j] - 1;
            long panel = ((long)width * (width + 1) / 2) + ((long)width * below);
            var zeros = panel - (ideal + colCount[j]);
            var merge = parent[j - 1] == j && width <= MaxWidth && (zeros == 0 || (width <= 8 && zeros <= panel / 2) || zeros <= panel / 20);
            if (merge)
            {
                ideal += colCount[j];
            }
            else
            {
                first.Add(j);
                blockFirst = j;
                ideal = colCount[j];
            }
        }

        first.Add(n);
        _first = [.. first];
        var count = _first.Length - 1;
        _superOf = new int[n];
        for (var s = 0; s < count; s++)
        {
            for (var j = _first[s]; j < _first[s + 1]; j++)
            {
                _superOf[j] = s;
            }
        }

        _rowStart = new int[count + 1];
        _panelStart = new long[count + 1];
        for (var s = 0; s < count; s++)
        {
            var w = _first[s + 1] - _first[s];
            var m = w + colCount[_first[s + 1] - 1] - 1;
            _rowStart[s + 1] = _rowStart[s] + m;
            _panelStart[s + 1] = _panelStart[s] + ((long)m * w);
        }

        _rows = new int[_rowStart[count]];
        var fill = new int[count];
        for (var s = 0; s < count; s++)
        {
            var w = _first[s + 1] - _first[s];
            for (var c = 0; c < w; c++)
            {
                _rows[_rowStart[s] + c] = _first[s] + c;
            }

            fill[s] = _rowStart[s] + w;
        }

        // rows of each block's last column below it, from the row patterns (k ascending, so sorted)
        for (var k = 0; k < n; k++)
        {
            for (var t = rowStart[k]; t < rowStart[k + 1]; t++)
            {
                var j = rowCols[t];
                var s = _superOf[j];
                if (j == _first[s + 1] - 1)
                {
                    _rows[fill[s]++] = k;
                }
            }
        }

        _x = new double[_panelStart[count]];

        // lower triangle by columns: upper entry (i, j), i ≤ j, is lower entry (j, i) of column i
        _lowStart = new int[n + 1];
        for (var p = 0; p < ci.Length; p++)
        {
            _lowStart[ci[p] + 1]++;
        }

        for (var j = 0; j < n; j++)
        {
            _lowStart[j + 1] += _lowStart[j];
        }

        _lowRow = new int[ci.Length];
        _lowMap = new int[ci.Length];
        var at = (int[])_lowStart.Clone();
        for (var j = 0; j < n; j++)
        {
            for (var p = cp[j]; p < cp[j + 1]; p++)
            {
                var q = at[ci[p]]++;
                _lowRow[q] = j;
                _lowMap[q] = cMap[p];
            }
        }

        _relpos = new int[n];
        _head = new int[count];
        _link = new int[count];
        _ptr = new int[count];
        Count = count;
    }

    /// <summary>Number of supernodes.</summary>
    public int Count { get; }

    /// <summary>Factorises the matrix whose values are <paramref name="values"/> (the analysed pattern).</summary>
    /// <exception cref="SimulationException">The matrix is not positive definite.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Factor(double[] values, int[] perm)
    {
        Array.Fill(_head, -1);
        for (var s = 0; s < Count; s++)
        {
            int f = _first[s], w = _first[s + 1] - f, r0 = _rowStart[s], m = _rowStart[s + 1] - r0;
            var panel = _x.AsSpan((int)_panelStart[s], m * w);
            panel.Clear();
            for (var i = 0; i < m; i++)
            {
                _relpos[_rows[r0 + i]] = i;
            }

            for (var c = 0; c < w; c++)
            {
                for (var p = _lowStart[f + c]; p < _lowStart[f + c + 1]; p++)
                {
                    panel[(_relpos[_lowRow[p]] * w) + c] += values[_lowMap[p]];
                }
            }

            // updates from every descendant supernode whose rows reach this one's columns
            var l = f + w - 1;
            for (var d = _head[s]; d != -1;)
            {
                var nextD = _link[d];
                int fd = _first[d], wd = _first[d + 1] - fd, rd = _rowStart[d], md = _rowStart[d + 1] - rd;
                var pd = _ptr[d];
                var p2 = pd;
                while (p2 < md && _rows[rd + p2] <= l)
                {
                    p2++;
                }

                var dPanel = _x.AsSpan((int)_panelStart[d], md * wd);
                for (var i = pd; i < md; i++)
                {
                    var li = dPanel.Slice(i * wd, wd);
                    var target = _relpos[_rows[rd + i]] * w;
                    var jEnd = Math.Min(i + 1, p2);
                    for (var j = pd; j < jEnd; j++)
                    {
                        panel[target + (_rows[rd + j] - f)] -= Dot(li, dPanel.Slice(j * wd, wd));
                    }
                }

                _ptr[d] = p2;
                if (p2 < md)
                {
                    var t = _superOf[_rows[rd + p2]];
                    _link[d] = _head[t];
                    _head[t] = d;
                }

                d = nextD;
            }

            // dense Cholesky of the diagonal block, then the rows below against it
            for (var c = 0; c < w; c++)
            {
                var rowC = panel.Slice(c * w, w);
                for (var c2 = 0; c2 < c; c2++)
                {
                    rowC[c2] = (rowC[c2] - Dot(rowC[..c2], panel.Slice(c2 * w, c2))) / panel[(c2 * w) + c2];
                }

                var diag = rowC[c] - Dot(rowC[..c], rowC[..c]);
                if (!(diag > 0))
                {
                    throw new SimulationException($"matrix is not positive definite (pivot {diag:G4} at original row {perm[f + c]})") { Hint = SimulationHints.PositiveDefinite };
                }

                rowC[c] = Math.Sqrt(diag);
            }

            for (var i = w; i < m; i++)
            {
                var row = panel.Slice(i * w, w);
                for (var c = 0; c < w; c++)
                {
                    row[c] = (row[c] - Dot(row[..c], panel.Slice(c * w, c))) / panel[(c * w) + c];
                }
            }

            _ptr[s] = w;
            if (w < m)
            {
                var t = _superOf[_rows[r0 + w]];
                _link[s] = _head[t];
                _head[t] = s;
            }
        }
    }

    /// <summary>
    /// Writes L by columns into the scalar layout (column j: diagonal first, then the rows of <paramref name="li"/> in
    /// their order), leaving out the explicit zeros of relaxed supernodes; <paramref name="li"/> holds the pattern.
    /// </summary>
    public void CopyTo(int[] lp, int[] li, double[] lx)
    {
        for (var s = 0; s < Count; s++)
        {
            int f = _first[s], w = _first[s + 1] - f, r0 = _rowStart[s], m = _rowStart[s + 1] - r0;
            var baseIndex = (int)_panelStart[s];
            for (var c = 0; c < w; c++)
            {
                var local = c;
                for (var p = lp[f + c]; p < lp[f + c + 1]; p++)
                {
                    while (_rows[r0 + local] != li[p])
                    {
                        local++;
                    }

                    lx[p] = _x[baseIndex + (local * w) + c];
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length < 16)
        {
            double s = 0;
            for (var k = 0; k < a.Length; k++)
            {
                s += a[k] * b[k];
            }

            return s;
        }

        return TensorPrimitives.Dot(a, b);
    }
}
