using Neuromorph.Compute;
using Neuromorph.Numerics.Sparse;

namespace Neuromorph.Networks.Reservoirs;

/// <summary>A sparse weight matrix (CSR) as a network substrate: the ideal software reservoir.</summary>
public sealed class SparseWeights(CsrMatrix matrix) : IWeightSubstrate
{
    private readonly CsrMatrix _w = matrix ?? throw new ArgumentNullException(nameof(matrix));
    private CsrMatrix? _transposed;

    /// <inheritdoc />
    public int Rows => _w.RowCount;

    /// <inheritdoc />
    public int Columns => _w.ColumnCount;

    /// <inheritdoc />
    public double Weight(int row, int column) => _w[row, column];

    /// <inheritdoc />
    public void Multiply(ReadOnlySpan<double> inputs, Span<double> outputs, int count)
    {
        for (var k = 0; k < count; k++)
        {
            _w.Multiply(inputs.Slice(k * Columns, Columns), outputs.Slice(k * Rows, Rows));
        }
    }

    /// <inheritdoc />
    public void MultiplyTransposed(ReadOnlySpan<double> inputs, Span<double> outputs, int count)
    {
        _transposed ??= _w.Transpose();
        for (var k = 0; k < count; k++)
        {
            _transposed.Multiply(inputs.Slice(k * Rows, Rows), outputs.Slice(k * Columns, Columns));
        }
    }
}
