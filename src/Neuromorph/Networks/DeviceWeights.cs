using Neuromorph.Compute;

namespace Neuromorph.Networks;

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
    private readonly DeviceBuffer _w;
    private DeviceBuffer? _x;
    private DeviceBuffer? _y;
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
        _w = accelerator.Allocate(_host.Length);
        accelerator.Write(_w, _host);
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
    public void Multiply(ReadOnlySpan<double> inputs, Span<double> outputs, int count) => Product(Kernels.MatVec, inputs, outputs, count, Columns, Rows);

    /// <inheritdoc/>
    public void MultiplyTransposed(ReadOnlySpan<double> inputs, Span<double> outputs, int count) => Product(Kernels.MatVecTransposed, inputs, outputs, count, Rows, Columns);

    /// <inheritdoc/>
    public double Weight(int row, int column) => _host[(row * Columns) + column];

    /// <summary>
    /// y = W x for a batch already on the device (no host copies): <paramref name="x"/> holds count vectors of length
    /// Columns, <paramref name="y"/> receives count vectors of length Rows.
    /// </summary>
    public void Multiply(DeviceBuffer x, DeviceBuffer y, int count)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var step = _reads++;
        var grid = count >= 32 ? Kernels.MatMatGrid(Rows, count) : new LaunchGrid(Rows * 64, count, 64, 1);
        _acc.Launch(count >= 32 ? Kernels.MatMat : Kernels.MatVec, grid, _w, x, y, Rows, Columns, count, ReadNoise, ClipAtZero ? 1 : 0,
            (uint)Seed, (uint)(Seed >> 32), step, AdcBits, AdcRange);
    }

    /// <summary>y = Wᵀ x for a batch already on the device.</summary>
    public void MultiplyTransposed(DeviceBuffer x, DeviceBuffer y, int count)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var step = _reads++;
        _acc.Launch(Kernels.MatVecTransposed, new LaunchGrid(Columns, count), _w, x, y, Rows, Columns, count, ReadNoise, ClipAtZero ? 1 : 0,
            (uint)Seed, (uint)(Seed >> 32), step, AdcBits, AdcRange);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _w.Dispose();
        _x?.Dispose();
        _y?.Dispose();
    }

    private void Product(string kernel, ReadOnlySpan<double> inputs, Span<double> outputs, int count, int inLength, int outLength)
    {
        if (inputs.Length < count * inLength || outputs.Length < count * outLength)
        {
            throw new ArgumentException($"batch of {count}: need {count * inLength} inputs and {count * outLength} outputs");
        }

        _x = Ensure(_x, count * Math.Max(Rows, Columns));
        _y = Ensure(_y, count * Math.Max(Rows, Columns));
        _acc.Write(_x, inputs[..(count * inLength)]);
        if (kernel == Kernels.MatVec)
        {
            Multiply(_x, _y, count);
        }
        else
        {
            MultiplyTransposed(_x, _y, count);
        }

        _acc.Read(_y, outputs[..(count * outLength)]);
    }

    private DeviceBuffer Ensure(DeviceBuffer? b, int length)
    {
        if (b is not null && b.Length >= length)
        {
            return b;
        }

        b?.Dispose();
        return _acc.Allocate(length);
    }
}
