using Neuromorph.Diagnostics;

namespace Neuromorph.Numerics.Sparse;

/// <summary>
/// Zero-fill incomplete Cholesky IC(0): L L^T ≈ A with L restricted to the pattern of the lower triangle of A, as a
/// conjugate-gradient preconditioner. Exists for every symmetric M-matrix (graph Laplacians grounded somewhere, such as
/// crossbar nodal networks); a non-positive pivot otherwise is reported as a <see cref="SimulationException"/>.
/// </summary>
public sealed class IncompleteCholesky : IPreconditioner
{
    private readonly int _n;
    private readonly int[] _rowPointers;
    private readonly int[] _columns;
    private readonly double[] _values;
    private readonly double[] _work;

    /// <summary>Factorises <paramref name="a"/> (symmetric, both triangles stored, sorted columns).</summary>
    public IncompleteCholesky(CsrMatrix a)
    {
        ArgumentNullException.ThrowIfNull(a);
        _n = a.RowCount;
        _rowPointers = new int[_n + 1];
        for (var r = 0; r < _n; r++)
        {
            var count = 0;
            for (var p = a.RowPointers[r]; p < a.RowPointers[r + 1] && a.ColumnIndices[p] <= r; p++)
            {
                count++;
            }

            _rowPointers[r + 1] = _rowPointers[r] + count;
        }

        _columns = new int[_rowPointers[_n]];
        _values = new double[_rowPointers[_n]];
        _work = new double[_n];
        for (var r = 0; r < _n; r++)
        {
            var q = _rowPointers[r];
            for (var p = a.RowPointers[r]; p < a.RowPointers[r + 1] && a.ColumnIndices[p] <= r; p++, q++)
            {
                _columns[q] = a.ColumnIndices[p];
                _values[q] = a.Values[p];
            }

            if (q == _rowPointers[r] || _columns[q - 1] != r)
            {
                throw new ArgumentException($"IC(0) needs every diagonal entry stored (row {r})", nameof(a));
            }
        }

        // row by row: L[i,c] = (A[i,c] - Σ_j<c L[i,j] L[c,j]) / L[c,c], L[i,i] = sqrt(A[i,i] - Σ_j<i L[i,j]²)
        for (var i = 0; i < _n; i++)
        {
            int start = _rowPointers[i], diag = _rowPointers[i + 1] - 1;
            for (var p = start; p < diag; p++)
            {
                var c = _columns[p];
                double s = _values[p];
                int u = start, v = _rowPointers[c], vEnd = _rowPointers[c + 1] - 1;
                while (u < p && v < vEnd)
                {
                    int cu = _columns[u], cv = _columns[v];
                    if (cu == cv)
                    {
                        s -= _values[u++] * _values[v++];
                    }
                    else if (cu < cv)
                    {
                        u++;
                    }
                    else
                    {
                        v++;
                    }
                }

                _values[p] = s / _values[vEnd];
            }

            var d = _values[diag];
            for (var p = start; p < diag; p++)
            {
                d -= _values[p] * _values[p];
            }

            if (!(d > 0))
            {
                throw new SimulationException($"IC(0) broke down at row {i} (pivot {d:G3}); the matrix is not an M-matrix") { Hint = SimulationHints.PositiveDefinite };
            }

            _values[diag] = Math.Sqrt(d);
        }
    }

    /// <inheritdoc />
    public void Apply(ReadOnlySpan<double> r, Span<double> z)
    {
        var y = _work;
        for (var i = 0; i < _n; i++)
        {
            var s = r[i];
            var diag = _rowPointers[i + 1] - 1;
            for (var p = _rowPointers[i]; p < diag; p++)
            {
                s -= _values[p] * y[_columns[p]];
            }

            y[i] = s / _values[diag];
        }

        for (var i = _n - 1; i >= 0; i--)
        {
            var diag = _rowPointers[i + 1] - 1;
            var zi = y[i] / _values[diag];
            z[i] = zi;
            for (var p = _rowPointers[i]; p < diag; p++)
            {
                y[_columns[p]] -= _values[p] * zi;
            }
        }
    }
}
