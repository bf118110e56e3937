namespace Neuromorph.Networks.Tasks;

/// <summary>The sine-prediction task: s_t = A sin(2π t / P + φ), predict s_{t+h}.</summary>
public static class SineWave
{
    /// <summary><paramref name="length"/> prediction steps of a sine of the given period (steps), amplitude and phase (radians).</summary>
    public static TimeSeries Prediction(int length, double period, double amplitude = 1, double phase = 0, int horizon = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(period);
        var s = Enumerable.Range(0, length + horizon).Select(t => amplitude * Math.Sin((2 * Math.PI * t / period) + phase)).ToArray();
        return TimeSeries.Prediction(s, horizon, "sine");
    }
}
