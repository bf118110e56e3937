using System.Numerics.Tensors;
using Neuromorph.Compute;

namespace Neuromorph.Networks;

/// <summary>Ideal dense weight matrix (row-major) with SIMD products through System.Numerics.Tensors.</summary>
public sealed class DenseWeights : IWeightSubstrate
{
    private readonly double[] _w;

    /// <summary>Creates a zero matrix of the given shape.</summary>
    public DenseWeights(int rows, int columns)
    {
        Rows = rows;
        Columns = columns;
        _w = new double[rows * columns];
    }

    /// <summary>Copies a 2-D array.</summary>
    public DenseWeights(double[,] w)
        : this(w?.GetLength(0) ?? 0, w?.GetLength(1) ?? 0)
    {
        ArgumentNullException.ThrowIfNull(w);
        for (var i = 0; i < Rows; i++)
        {
            for (var j = 0; j < Columns; j++)
            {
                _w[(i * Columns) + j] = w[i, j];
            }
        }
    }

    /// <inheritdoc/>
    public int Rows { get; }

    /// <inheritdoc/>
    public int Columns { get; }

    /// <summary>Row <paramref name="i"/> as a span (writable, for learning rules).</summary>
    public Span<double> Row(int i) => _w.AsSpan(i * Columns, Columns);

    /// <summary>Gets or sets W_ij.</summary>
    public double this[int i, int j]
    {
        get => _w[(i * Columns) + j];
        set => _w[(i * Columns) + j] = value;
    }

    /// <inheritdoc/>
    public double Weight(int row, int column) => this[row, column];

    /// <summary>A copy as a two-dimensional array [row, column].</summary>
    public double[,] ToArray()
    {
        var a = new double[Rows, Columns];
        for (var i = 0; i < Rows; i++)
        {
            for (var j = 0; j < Columns; j++)
            {
                a[i, j] = this[i, j];
            }
        }

        return a;
    }

    /// <inheritdoc/>
    public void Multiply(ReadOnlySpan<double> inputs, Span<double> outputs, int count)
    {
        for (var b = 0; b < count; b++)
        {
            var x = inputs.Slice(b * Columns, Columns);
            var y = outputs.Slice(b * Rows, Rows);
            for (var i = 0; i < Rows; i++)
            {
                y[i] = TensorPrimitives.Dot<double>(_w.AsSpan(i * Columns, Columns), x);
            }
        }
    }

    /// <inheritdoc/>
    public void MultiplyTransposed(ReadOnlySpan<double> inputs, Span<double> outputs, int count)
    {
        for (var b = 0; b < count; b++)
        {
            var x = inputs.Slice(b * Rows, Rows);
            var y = outputs.Slice(b * Columns, Columns);
            y.Clear();
            for (var i = 0; i < Rows; i++)
            {
                if (x[i] != 0)
                {
                    TensorPrimitives.MultiplyAdd<double>(_w.AsSpan(i * Columns, Columns), x[i], y, y);
                }
            }
        }
    }
}
