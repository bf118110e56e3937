namespace Neuromorph.Numerics.Sparse;

/// <summary>
/// Collects (row, column, value) triplets in any order, duplicates allowed, and compresses them into a
/// <see cref="CsrMatrix"/> with duplicates summed. Explicit zeros are kept, so an assembly pattern survives.
/// </summary>
public sealed class CooBuilder
{
    private readonly List<(int Row, int Column, double Value)> _entries = [];

    /// <summary>Creates a builder for a rows × columns matrix.</summary>
    public CooBuilder(int rows, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        RowCount = rows;
        ColumnCount = columns;
    }

    /// <summary>Number of rows.</summary>
    public int RowCount { get; }

    /// <summary>Number of columns.</summary>
    public int ColumnCount { get; }

    /// <summary>Adds <paramref name="value"/> at (row, column).</summary>
    public void Add(int row, int column, double value)
    {
        if ((uint)row >= (uint)RowCount || (uint)column >= (uint)ColumnCount)
        {
            throw new ArgumentOutOfRangeException(nameof(row), $"entry ({row}, {column}) outside {RowCount}x{ColumnCount}");
        }

        _entries.Add((row, column, value));
    }

    /// <summary>
    /// Compresses the triplets into CSR form: a counting sort by row, then each row's few entries by column, so the cost
    /// is linear in the entries; duplicates are summed in the order they were added.
    /// </summary>
    public CsrMatrix ToCsr()
    {
        var n = _entries.Count;
        var start = new int[RowCount + 1];
        foreach (var t in _entries)
        {
            start[t.Row + 1]++;
        }

        for (var r = 0; r < RowCount; r++)
        {
            start[r + 1] += start[r];
        }

        // stable scatter by row
        var next = start[..RowCount];
        var column = new int[n];
        var value = new double[n];
        foreach (var t in _entries)
        {
            var k = next[t.Row]++;
            column[k] = t.Column;
            value[k] = t.Value;
        }

        var rowPtr = new int[RowCount + 1];
        var cols = new int[n];
        var vals = new double[n];
        var count = 0;
        for (var r = 0; r < RowCount; r++)
        {
            rowPtr[r] = count;
            int lo = start[r], hi = start[r + 1];
            // stable insertion sort of the row by column (rows hold a handful of entries; long rows are sorted in place)
            if (hi - lo > 64)
            {
                Array.Sort(column, value, lo, hi - lo);
            }
            else
            {
                InsertionSort(column, value, lo, hi);
            }

            for (var a = lo; a < hi; a++)
            {
                if (count > rowPtr[r] && cols[count - 1] == column[a])
                {
                    vals[count - 1] += value[a];
                }
                else
                {
                    cols[count] = column[a];
                    vals[count] = value[a];
                    count++;
                }
            }
        }

        rowPtr[RowCount] = count;
        return new CsrMatrix(RowCount, ColumnCount, rowPtr, cols[..count], vals[..count]);
    }

    /// <summary>Sorts [lo, hi) of <paramref name="column"/> ascending, carrying <paramref name="value"/>, keeping equal columns in order.</summary>
    private static void InsertionSort(int[] column, double[] value, int lo, int hi)
    {
        for (var a = lo + 1; a < hi; a++)
        {
            int c = column[a], b = a - 1;
            var v = value[a];
            while (b >= lo && column[b] > c)
            {
                column[b + 1] = column[b];
                value[b + 1] = value[b];
                b--;
            }

            column[b + 1] = c;
            value[b + 1] = v;
        }
    }
}
