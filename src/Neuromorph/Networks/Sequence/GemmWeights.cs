using Neuromorph.Compute;
using Neuromorph.Numerics.Dense;

namespace Neuromorph.Networks.Sequence;

/// <summary>
/// The ideal substrate of a sequence model: a view of a row-major weight array (rows × columns) whose batched
/// products are GEMM calls, so the parameters a trainer updates are the weights the next product uses.
/// </summary>
public sealed class GemmWeights : IWeightSubstrate
{
    private readonly double[] _w;
    private readonly IGemm _gemm;

    /// <summary>Views <paramref name="w"/> (rows × columns, row-major, not copied).</summary>
    public GemmWeights(double[] w, int rows, int columns, IGemm gemm)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(gemm);
        if (w.Length != rows * columns)
        {
            throw new ArgumentException($"{w.Length} values do not make a {rows} × {columns} matrix", nameof(w));
        }

        _w = w;
        _gemm = gemm;
        Rows = rows;
        Columns = columns;
    }

    /// <summary>Views a matrix parameter.</summary>
    public GemmWeights(Parameter p, IGemm gemm)
        : this((p ?? throw new ArgumentNullException(nameof(p))).Value, p.Rows, p.Columns, gemm)
    {
    }

    /// <inheritdoc />
    public int Rows { get; }

    /// <inheritdoc />
    public int Columns { get; }

    /// <inheritdoc />
    public double Weight(int row, int column) => _w[(row * Columns) + column];

    /// <inheritdoc />
    public void Multiply(ReadOnlySpan<double> inputs, Span<double> outputs, int count) =>
        _gemm.Multiply(false, true, count, Rows, Columns, 1, inputs, Columns, _w, Columns, 0, outputs, Rows);

    /// <inheritdoc />
    public void MultiplyTransposed(ReadOnlySpan<double> inputs, Span<double> outputs, int count) =>
        _gemm.Multiply(false, false, count, Columns, Rows, 1, inputs, Rows, _w, Columns, 0, outputs, Columns);
}
