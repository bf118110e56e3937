using Neuromorph.Networks.Sequence.Training;

namespace Neuromorph.Networks.Tasks;

/// <summary>
/// One long multivariate series with inputs (L × I) and aligned targets (L × O): at step t the model sees input row t
/// and should produce target row t (for prediction tasks the target row is a later value of the series).
/// </summary>
public sealed record TimeSeries(int Length, int InputSize, int TargetSize, double[] Inputs, double[] Targets, IReadOnlyList<string> InputNames, IReadOnlyList<string> TargetNames)
{
    /// <summary>Steps [start, start + length).</summary>
    public TimeSeries Slice(int start, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + length, Length);
        return this with
        {
            Length = length,
            Inputs = Inputs.AsSpan(start * InputSize, length * InputSize).ToArray(),
            Targets = Targets.AsSpan(start * TargetSize, length * TargetSize).ToArray(),
        };
    }

    /// <summary>Input column <paramref name="j"/> as an array.</summary>
    public double[] InputColumn(int j) => [.. Enumerable.Range(0, Length).Select(t => Inputs[(t * InputSize) + j])];

    /// <summary>Target column <paramref name="j"/> as an array.</summary>
    public double[] TargetColumn(int j) => [.. Enumerable.Range(0, Length).Select(t => Targets[(t * TargetSize) + j])];

    /// <summary>
    /// Cuts the series into windows of <paramref name="steps"/> steps every <paramref name="stride"/> steps (every
    /// step scored except the first <paramref name="washout"/> of each window, which only warm the state up).
    /// </summary>
    public SequenceSet ToSequences(int steps, int stride, int washout = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stride);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(steps, Length);
        var count = ((Length - steps) / stride) + 1;
        var x = new double[count * steps * InputSize];
        var y = new double[count * steps * TargetSize];
        for (var k = 0; k < count; k++)
        {
            Array.Copy(Inputs, k * stride * InputSize, x, k * steps * InputSize, steps * InputSize);
            Array.Copy(Targets, k * stride * TargetSize, y, k * steps * TargetSize, steps * TargetSize);
        }

        return new SequenceSet(count, steps, InputSize, TargetSize, x, y, TargetTiming.EveryStep, washout);
    }

    /// <summary>A univariate prediction task: input s_t, target s_{t+horizon}; the series loses its last <paramref name="horizon"/> steps.</summary>
    public static TimeSeries Prediction(double[] series, int horizon, string name)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentOutOfRangeException.ThrowIfNegative(horizon);
        var n = series.Length - horizon;
        return new TimeSeries(n, 1, 1, series[..n], series[horizon..], [name], [$"{name}(t+{horizon})"]);
    }
}
