namespace Neuromorph.Numerics.Sparse;

/// <summary>
/// A real sparse matrix in compressed sparse row form: row <c>r</c> holds the entries
/// <c>Values[RowPointers[r] .. RowPointers[r+1]-1]</c> at columns <c>ColumnIndices[...]</c>, sorted by column,
/// no duplicates. The pattern is fixed once built; values may be overwritten in place (assembly reuse).
/// </summary>
public sealed class CsrMatrix : ILinearOperator
{
    /// <summary>Creates a matrix from its arrays (taken, not copied). Columns in each row must be sorted and unique.</summary>
    public CsrMatrix(int rows, int columns, int[] rowPointers, int[] columnIndices, double[] values)
    {
        ArgumentNullException.ThrowIfNull(rowPointers);
        ArgumentNullException.ThrowIfNull(columnIndices);
        ArgumentNullException.ThrowIfNull(values);
        if (rowPointers.Length != rows + 1 || columnIndices.Length != values.Length || rowPointers[rows] != values.Length)
        {
            throw new ArgumentException("inconsistent CSR arrays");
        }

        RowCount = rows;
        ColumnCount = columns;
        RowPointers = rowPointers;
        ColumnIndices = columnIndices;
        Values = values;
    }

    /// <summary>Number of rows.</summary>
    public int RowCount { get; }

    /// <summary>Number of columns.</summary>
    public int ColumnCount { get; }

    /// <summary>Start of each row in <see cref="ColumnIndices"/> and <see cref="Values"/>; length rows + 1.</summary>
    public int[] RowPointers { get; }

    /// <summary>Column of each stored entry.</summary>
    public int[] ColumnIndices { get; }

    /// <summary>Value of each stored entry.</summary>
    public double[] Values { get; }

    /// <summary>Number of stored entries.</summary>
    public int NonZeroCount => Values.Length;

    /// <summary>Index into <see cref="Values"/> of entry (row, column), or -1 if it is not in the pattern.</summary>
    public int IndexOf(int row, int column)
    {
        var lo = RowPointers[row];
        var hi = RowPointers[row + 1] - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var c = ColumnIndices[mid];
            if (c == column)
            {
                return mid;
            }

            if (c < column)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return -1;
    }

    /// <summary>Entry (row, column); zero if not stored.</summary>
    public double this[int row, int column]
    {
        get
        {
            var k = IndexOf(row, column);
            return k < 0 ? 0.0 : Values[k];
        }
    }

    /// <inheritdoc />
    int ILinearOperator.Size => RowCount;

    /// <summary>y = A x.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Multiply(ReadOnlySpan<double> x, Span<double> y)
    {
        if (x.Length != ColumnCount || y.Length != RowCount)
        {
            throw new ArgumentException("dimension mismatch in sparse matrix-vector product");
        }

        for (var r = 0; r < RowCount; r++)
        {
            double sum = 0;
            for (var k = RowPointers[r]; k < RowPointers[r + 1]; k++)
            {
                sum += Values[k] * x[ColumnIndices[k]];
            }

            y[r] = sum;
        }
    }

    /// <summary>Returns A^T as a new CSR matrix.</summary>
    public CsrMatrix Transpose()
    {
        var counts = new int[ColumnCount + 1];
        foreach (var c in ColumnIndices)
        {
            counts[c + 1]++;
        }

        for (var i = 0; i < ColumnCount; i++)
        {
            counts[i + 1] += counts[i];
        }

        var next = (int[])counts.Clone();
        var cols = new int[NonZeroCount];
        var vals = new double[NonZeroCount];
        for (var r = 0; r < RowCount; r++)
        {
            for (var k = RowPointers[r]; k < RowPointers[r + 1]; k++)
            {
                var dst = next[ColumnIndices[k]]++;
                cols[dst] = r;
                vals[dst] = Values[k];
            }
        }

        return new CsrMatrix(ColumnCount, RowCount, counts, cols, vals);
    }

    /// <summary>Copies into a dense row-major array (for tests and small problems).</summary>
    public double[,] ToDense()
    {
        var d = new double[RowCount, ColumnCount];
        for (var r = 0; r < RowCount; r++)
        {
            for (var k = RowPointers[r]; k < RowPointers[r + 1]; k++)
            {
                d[r, ColumnIndices[k]] = Values[k];
            }
        }

        return d;
    }
}
