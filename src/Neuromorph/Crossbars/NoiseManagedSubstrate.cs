using Neuromorph.Compute;

namespace Neuromorph.Crossbars;

/// <summary>
/// The digital periphery around an analog array as aihwkit models it for recurrent layers. Noise management: each
/// input vector is divided by its largest magnitude before the DAC and the result multiplied back, so every product
/// uses the DAC's full range and nothing clips (exact for an ideal array). Global drift compensation (optional):
/// one calibration read of the all-ones vector, compared with the product the target weights should give, yields a
/// single output gain that undoes the average conductance drift (aihwkit's global drift compensation, calibrated
/// against a read taken right after programming).
/// </summary>
public sealed class NoiseManagedSubstrate : IWeightSubstrate
{
    private readonly IWeightSubstrate _array;
    private readonly double[] _x;
    private readonly double[] _y;

    /// <summary>
    /// Wraps <paramref name="array"/>. With <paramref name="driftReference"/> (the same array as read right after
    /// programming, before drift), applies global drift compensation: gain = Σ|reference · 1| / Σ|array · 1| from
    /// one read of the all-ones vector each. <paramref name="inputScaling"/> false passes inputs to the DAC unscaled
    /// (they clip at its range).
    /// </summary>
    public NoiseManagedSubstrate(IWeightSubstrate array, IWeightSubstrate? driftReference = null, bool inputScaling = true)
    {
        _array = array ?? throw new ArgumentNullException(nameof(array));
        InputScaling = inputScaling;
        _x = new double[array.Columns];
        _y = new double[array.Rows];
        if (driftReference is not null)
        {
            var ones = Enumerable.Repeat(1.0, Columns).ToArray();
            var expected = new double[Rows];
            var measured = new double[Rows];
            driftReference.Multiply(ones, expected, 1);
            _array.Multiply(ones, measured, 1);
            double want = expected.Sum(Math.Abs), got = measured.Sum(Math.Abs);
            DriftGain = got > 0 && want > 0 ? want / got : 1;
        }
    }

    /// <summary>Whether each input vector is scaled to the DAC's full range.</summary>
    public bool InputScaling { get; }

    /// <summary>The output gain of global drift compensation (1 when off).</summary>
    public double DriftGain { get; } = 1;

    /// <inheritdoc />
    public int Rows => _array.Rows;

    /// <inheritdoc />
    public int Columns => _array.Columns;

    /// <inheritdoc />
    public double Weight(int row, int column) => _array.Weight(row, column) * DriftGain;

    /// <inheritdoc />
    public void Multiply(ReadOnlySpan<double> inputs, Span<double> outputs, int count) => Apply(inputs, outputs, count, Columns, Rows, false);

    /// <inheritdoc />
    public void MultiplyTransposed(ReadOnlySpan<double> inputs, Span<double> outputs, int count) => Apply(inputs, outputs, count, Rows, Columns, true);

    private void Apply(ReadOnlySpan<double> inputs, Span<double> outputs, int count, int nIn, int nOut, bool transposed)
    {
        var x = transposed ? _y : _x;
        var y = transposed ? _x : _y;
        for (var k = 0; k < count; k++)
        {
            var v = inputs.Slice(k * nIn, nIn);
            var o = outputs.Slice(k * nOut, nOut);
            var scale = InputScaling ? Math.Abs(System.Numerics.Tensors.TensorPrimitives.MaxMagnitude(v)) : 1;
            if (!(scale > 0))
            {
                o.Clear();
                continue;
            }

            System.Numerics.Tensors.TensorPrimitives.Multiply(v, 1 / scale, x);
            if (transposed)
            {
                _array.MultiplyTransposed(x, y, 1);
            }
            else
            {
                _array.Multiply(x, y, 1);
            }

            System.Numerics.Tensors.TensorPrimitives.Multiply(y, scale * DriftGain, o);
        }
    }
}
