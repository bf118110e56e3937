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

    /// <summary>Compresses the triplets into CSR form.</summary>
    public CsrMatrix ToCsr()
    {
        var sorted = _entries.ToArray();
        Array.Sort(sorted, static (a, b) => a.Row != b.Row ? a.Row.CompareTo(b.Row) : a.Column.CompareTo(b.Column));
        var rowPtr = new int[RowCount + 1];
        var cols = new List<int>(sorted.Length);
        var vals = new List<double>(sorted.Length);
        var i = 0;
        for (var r = 0; r < RowCount; r++)
        {
            rowPtr[r] = cols.Count;
            while (i < sorted.Length && sorted[i].Row == r)
            {
                var c = sorted[i].Column;
                double v = 0;
                while (i < sorted.Length && sorted[i].Row == r && sorted[i].Column == c)
                {
                    v += sorted[i].Value;
                    i++;
                }

                cols.Add(c);
                vals.Add(v);
            }
        }

        rowPtr[RowCount] = cols.Count;
        return new CsrMatrix(RowCount, ColumnCount, rowPtr, [.. cols], [.. vals]);
    }
}
