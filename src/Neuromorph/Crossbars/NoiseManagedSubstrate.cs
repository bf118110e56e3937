using Neuromorph.Networks;

namespace Neuromorph.Crossbars;

/// <summary>
/// The digital periphery around an analog array as aihwkit models it for recurrent layers. Noise management: each
/// input vector is divided by its largest magnitude before the DAC and the result multiplied back, so every product
/// uses the DAC's full range and nothing clips (exact for an ideal array). Global drift compensation (optional):
/// one calibration read of the all-ones vector, compared with the product the target weights should give, yields a
/// single output gain that undoes the average conductance drift.
/// </summary>
public sealed class NoiseManagedSubstrate : IWeightSubstrate
{
    private readonly IWeightSubstrate _array;
    private readonly double[] _x;
    private readonly double[] _y;

    /// <summary>
    /// Wraps <paramref name="array"/>; when <paramref name="targetWeights"/> is given (rows × columns, the weights the
    /// array was programmed with), applies global drift compensation calibrated against them.
    /// </summary>
    public NoiseManagedSubstrate(IWeightSubstrate array, double[,]? targetWeights = null)
    {
        _array = array ?? throw new ArgumentNullException(nameof(array));
        _x = new double[array.Columns];
        _y = new double[array.Rows];
        if (targetWeights is not null)
        {
            var ones = Enumerable.Repeat(1.0, Columns).ToArray();
            var expected = 0.0;
            for (var i = 0; i < Rows; i++)
            {
                var s = 0.0;
                for (var j = 0; j < Columns; j++)
                {
                    s += targetWeights[i, j];
                }

                expected += Math.Abs(s);
            }

            var measured = new double[Rows];
            _array.Multiply(ones, measured, 1);
            var got = measured.Sum(Math.Abs);
            DriftGain = got > 0 && expected > 0 ? expected / got : 1;
        }
    }

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
            var scale = System.Numerics.Tensors.TensorPrimitives.MaxMagnitude(v);
            scale = Math.Abs(scale);
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
