using Neuromorph.Compute;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Crossbars.Training;

/// <summary>How a weight matrix is trained on tiles: the algorithm, the device, the pulsed update and Tiki-Taka's settings.</summary>
/// <param name="Algorithm">fp (ideal tile, the reference), analog SGD, Tiki-Taka v1/v2 or mixed precision.</param>
/// <param name="Device">Device model of every tile (ignored for fp).</param>
/// <param name="Update">Pulsed update settings (ignored for fp).</param>
/// <param name="TikiTaka">Tiki-Taka settings (used by v1 and v2).</param>
public sealed record TileTraining(TrainingAlgorithm Algorithm, PulsedDevice Device, PulseUpdate Update, TikiTakaSettings TikiTaka);

/// <summary>
/// One weight matrix trained on crossbar tiles (<see cref="AnalogTile"/>): a single tile, or Tiki-Taka's pair
/// W = γ·(A − A_ref) + C (A_ref: zero-shifting's reference, <see cref="TikiTakaSettings.ZeroShiftPulses"/>), with the digital buffer of Tiki-Taka v2 and mixed precision (<see cref="TrainingAlgorithm"/>).
/// Forward y = W·x and backward g = Wᵀ·d read the tiles; <see cref="Update"/> applies the gradient step
/// ΔW = −η·δ·xᵀ with the algorithm's pulses. As an <see cref="IWeightSubstrate"/> it stands in for a network's weights.
/// </summary>
public sealed class AnalogLayer : IWeightSubstrate
{
    private readonly AnalogTile main;
    private readonly AnalogTile? fast;
    private readonly double gamma;
    private readonly TikiTakaSettings tt;
    private readonly double[] column;
    private readonly double[] oneHot;
    private readonly double[] scratch;
    private readonly PulseAccumulator? buffer;
    private readonly double[]? reference;
    private readonly TrainingAlgorithm algorithm;
    private int updates;
    private int nextColumn;

    /// <summary>A layer of <paramref name="rows"/> outputs × <paramref name="cols"/> inputs at weight 0; device draws and pulse streams come from streams <paramref name="stream"/> (and +1 for Tiki-Taka's fast tile) of <paramref name="seed"/>.</summary>
    public AnalogLayer(int rows, int cols, TileTraining training, long seed, int stream)
    {
        ArgumentNullException.ThrowIfNull(training);
        var fp = training.Algorithm == TrainingAlgorithm.FloatingPoint;
        var device = fp ? new PulsedDevice(DeviceResponseKind.ConstantStep, 1, -1e9, 1e9) : training.Device;
        var update = fp ? new PulseUpdate(UpdateMode.Ideal) : training.Update;
        main = new AnalogTile(rows, cols, device, update, RandomStream.ForStream(seed, stream));
        tt = training.TikiTaka;
        gamma = tt.Gamma;
        algorithm = training.Algorithm;
        if (algorithm is TrainingAlgorithm.TikiTaka or TrainingAlgorithm.TikiTakaV2)
        {
            fast = new AnalogTile(rows, cols, device, update, RandomStream.ForStream(seed, stream + 1));
            if (training.TikiTaka.ZeroShiftPulses > 0)
            {
                reference = fast.ApplySymmetricPulses(training.TikiTaka.ZeroShiftPulses);
            }
        }

        if (algorithm is TrainingAlgorithm.TikiTakaV2 or TrainingAlgorithm.MixedPrecision)
        {
            buffer = new PulseAccumulator(rows, cols, device.DwMin); // H of Tiki-Taka v2, χ of mixed precision
        }

        column = new double[rows];
        oneHot = new double[cols];
        scratch = new double[Math.Max(rows, cols)];
    }

    /// <inheritdoc/>
    public int Rows => main.Rows;

    /// <inheritdoc/>
    public int Columns => main.Cols;

    /// <summary>Pulses applied to the layer's tiles so far.</summary>
    public long Pulses => main.PulseCount + (fast?.PulseCount ?? 0);

    /// <summary>
    /// Programs the weights directly (write-verify is outside this model): the slow (or only) tile takes
    /// <paramref name="weights"/> (row-major, clipped into each device's bounds); Tiki-Taka's fast tile starts at 0.
    /// </summary>
    public void Program(ReadOnlySpan<double> weights)
    {
        if (weights.Length != Rows * Columns)
        {
            throw new ArgumentException($"{weights.Length} weights for a {Rows} × {Columns} layer", nameof(weights));
        }

        for (var r = 0; r < Rows; r++)
        {
            for (var c = 0; c < Columns; c++)
            {
                main[r, c] = weights[(r * Columns) + c];
            }
        }
    }

    /// <summary>y = W·x with W = γ·A + C (or the single tile).</summary>
    public void Forward(ReadOnlySpan<double> x, Span<double> y)
    {
        main.Forward(x, y);
        if (fast is not null)
        {
            var extra = scratch.AsSpan(0, Rows);
            fast.Forward(x, extra);
            for (var r = 0; r < Rows; r++)
            {
                y[r] += gamma * (extra[r] - ReferenceDot(r, x));
            }
        }
    }

    /// <summary>g = Wᵀ·d.</summary>
    public void Backward(ReadOnlySpan<double> d, Span<double> g)
    {
        main.Backward(d, g);
        if (fast is not null)
        {
            var extra = scratch.AsSpan(0, Columns);
            fast.Backward(d, extra);
            for (var c = 0; c < Columns; c++)
            {
                g[c] += gamma * (extra[c] - ReferenceDotTransposed(c, d));
            }
        }
    }

    /// <inheritdoc/>
    public void Multiply(ReadOnlySpan<double> inputs, Span<double> outputs, int count)
    {
        for (var k = 0; k < count; k++)
        {
            Forward(inputs.Slice(k * Columns, Columns), outputs.Slice(k * Rows, Rows));
        }
    }

    /// <inheritdoc/>
    public void MultiplyTransposed(ReadOnlySpan<double> inputs, Span<double> outputs, int count)
    {
        for (var k = 0; k < count; k++)
        {
            Backward(inputs.Slice(k * Rows, Rows), outputs.Slice(k * Columns, Columns));
        }
    }

    /// <inheritdoc/>
    public double Weight(int row, int column) => main[row, column] + (fast is null ? 0 : gamma * (fast[row, column] - Reference(row, column)));

    /// <summary>The reference zero-shifting stored for the fast tile A (its symmetry points), or null without it.</summary>
    public IReadOnlyList<double>? FastReference => reference;

    /// <summary>Gradient step: ΔW = −η·δ·xᵀ (<paramref name="minusDelta"/> = −δ), with the algorithm's pulses.</summary>
    public void Update(ReadOnlySpan<double> x, ReadOnlySpan<double> minusDelta, double eta)
    {
        if (algorithm == TrainingAlgorithm.MixedPrecision)
        {
            buffer!.AddOuter(minusDelta, x, eta);
            buffer.Flush(main, 0, Columns);
            return;
        }

        if (fast is null)
        {
            main.ApplyUpdate(x, minusDelta, eta);
            return;
        }

        fast.ApplyUpdate(x, minusDelta, eta);
        if (++updates % tt.TransferEvery == 0)
        {
            var k = nextColumn;
            nextColumn = (nextColumn + 1) % Columns;
            fast.ReadColumn(k, column);
            if (reference is not null)
            {
                for (var r = 0; r < Rows; r++)
                {
                    column[r] -= reference[(r * Columns) + k];
                }
            }

            if (buffer is null)
            {
                Array.Clear(oneHot);
                oneHot[k] = 1;
                main.ApplyUpdate(oneHot, column, tt.TransferLearningRate);
                return;
            }

            buffer.AddColumn(k, column, tt.TransferLearningRate);
            buffer.Flush(main, k, k + 1, tt.BufferThreshold);
        }
    }

    private double Reference(int row, int column) => reference?[(row * Columns) + column] ?? 0;

    private double ReferenceDot(int row, ReadOnlySpan<double> x)
    {
        if (reference is null)
        {
            return 0;
        }

        var s = 0.0;
        var rr = reference.AsSpan(row * Columns, Columns);
        for (var c = 0; c < Columns; c++)
        {
            s += rr[c] * x[c];
        }

        return s;
    }

    private double ReferenceDotTransposed(int column, ReadOnlySpan<double> d)
    {
        if (reference is null)
        {
            return 0;
        }

        var s = 0.0;
        for (var r = 0; r < Rows; r++)
        {
            s += reference[(r * Columns) + column] * d[r];
        }

        return s;
    }

    /// <summary>The weights the devices hold, device by device: the main tile's, then Tiki-Taka's fast tile's (when there is one).</summary>
    public double[] DeviceWeights() => fast is null ? main.Weights() : [.. main.Weights(), .. fast.Weights()];

    /// <summary>The effective weights W = γ·(A − A_ref) + C, row-major (A_ref = 0 without zero-shifting).</summary>
    public double[] Effective()
    {
        var m = main.Weights();
        if (fast is not null)
        {
            var a = fast.Weights();
            for (var k = 0; k < m.Length; k++)
            {
                m[k] += gamma * (a[k] - (reference?[k] ?? 0));
            }
        }

        return m;
    }
}
