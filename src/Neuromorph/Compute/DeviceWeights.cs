namespace Neuromorph.Compute;

/// <summary>
/// A weight matrix held on an accelerator: every batched product is one kernel launch (matvec for small batches,
/// the tiled matmat for large ones), with optional per-read device noise, clipping at zero (conductances) and an
/// output ADC applied inside the kernel. Each call advances a read counter, so successive reads draw fresh noise
/// while a run stays reproducible from its seed on any backend.
/// </summary>
public sealed class DeviceWeights : IWeightSubstrate, IDisposable
{
    private readonly IAccelerator _acc;
    private readonly double[] _host;
    private readonly RealBuffer _w;
    private RealBuffer? _x;
    private RealBuffer? _y;
    private uint _reads;

    /// <summary>Uploads a row-major <paramref name="rows"/> x <paramref name="columns"/> matrix.</summary>
    public DeviceWeights(IAccelerator accelerator, ReadOnlySpan<double> rowMajor, int rows, int columns)
    {
        ArgumentNullException.ThrowIfNull(accelerator);
        if (rowMajor.Length != rows * columns)
        {
            throw new ArgumentException($"expected {rows * columns} weights, got {rowMajor.Length}");
        }

        _acc = accelerator;
        Rows = rows;
        Columns = columns;
        _host = rowMajor.ToArray();
        _w = accelerator.Upload(_host);
    }

    /// <summary>Copies an existing substrate's weights onto the accelerator.</summary>
    public static DeviceWeights From(IAccelerator accelerator, IWeightSubstrate weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var w = new double[weights.Rows * weights.Columns];
        for (var i = 0; i < weights.Rows; i++)
        {
            for (var j = 0; j < weights.Columns; j++)
            {
                w[(i * weights.Columns) + j] = weights.Weight(i, j);
            }
        }

        return new DeviceWeights(accelerator, w, weights.Rows, weights.Columns);
    }

    /// <inheritdoc/>
    public int Rows { get; }

    /// <inheritdoc/>
    public int Columns { get; }

    /// <summary>Relative read noise σ per device and read: w (1 + σ ξ).</summary>
    public double ReadNoise { get; init; }

    /// <summary>Clip noisy weights at zero (physical conductances).</summary>
    public bool ClipAtZero { get; init; }

    /// <summary>Output ADC resolution in bits (0: ideal).</summary>
    public int AdcBits { get; init; }

    /// <summary>Output ADC full scale (clip to ±range).</summary>
    public double AdcRange { get; init; }

    /// <summary>Seed of the read noise.</summary>
    public ulong Seed { get; init; }

    /// <summary>The accelerator the weights live on.</summary>
    public IAccelerator Accelerator => _acc;

    /// <inheritdoc/>
    public void Multiply(ReadOnlySpan<double> inputs, Span<double> outputs, int count) => Product(transposed: false, inputs, outputs, count);

    /// <inheritdoc/>
    public void MultiplyTransposed(ReadOnlySpan<double> inputs, Span<double> outputs, int count) => Product(transposed: true, inputs, outputs, count);

    /// <inheritdoc/>
    public double Weight(int row, int column) => _host[(row * Columns) + column];

    /// <summary>
    /// y = W x for a batch already on the device (no host copies): <paramref name="x"/> holds count vectors of length
    /// Columns, <paramref name="y"/> receives count vectors of length Rows.
    /// </summary>
    public void Multiply(RealBuffer x, RealBuffer y, int count)
    {
        var shape = new ProductShape(Rows, Columns, count);
        if (count >= MatMatBatch)
        {
            _acc.Kernels.MatMat(_w, x, y, shape, NextRead());
        }
        else
        {
            _acc.Kernels.MatVec(_w, x, y, shape, NextRead());
        }
    }

    /// <summary>y = Wᵀ x for a batch already on the device.</summary>
    public void MultiplyTransposed(RealBuffer x, RealBuffer y, int count) =>
        _acc.Kernels.MatVecTransposed(_w, x, y, new ProductShape(Rows, Columns, count), NextRead());

    /// <inheritdoc/>
    public void Dispose()
    {
        _w.Dispose();
        _x?.Dispose();
        _y?.Dispose();
    }

    /// <summary>The batch from which the register-blocked matmat kernel replaces matvec.</summary>
    private const int MatMatBatch = 32;

    private ReadConditions NextRead() => new(ReadNoise, ClipAtZero, Seed, _reads++, AdcBits, AdcRange);

    private void Product(bool transposed, ReadOnlySpan<double> inputs, Span<double> outputs, int count)
    {
        var (inLength, outLength) = transposed ? (Rows, Columns) : (Columns, Rows);
        if (inputs.Length < count * inLength || outputs.Length < count * outLength)
        {
            throw new ArgumentException($"batch of {count}: need {count * inLength} inputs and {count * outLength} outputs");
        }

        _x = Ensure(_x, count * Math.Max(Rows, Columns));
        _y = Ensure(_y, count * Math.Max(Rows, Columns));
        _acc.Write(_x, inputs[..(count * inLength)]);
        if (transposed)
        {
            MultiplyTransposed(_x, _y, count);
        }
        else
        {
            Multiply(_x, _y, count);
        }

        _acc.Read(_y, outputs[..(count * outLength)]);
    }

    private RealBuffer Ensure(RealBuffer? b, int length)
    {
        if (b is not null && b.Length >= length)
        {
            return b;
        }

        b?.Dispose();
        return _acc.Allocate(length);
    }
}
