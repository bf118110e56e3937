using Neuromorph.Numerics.Randomness;
namespace Neuromorph.Networks.Tasks;

/// <summary>
/// The delayed-copy memory task: an i.i.d. input u_t uniform in [−1, 1]; one target per delay d, u_{t−d} (0 before
/// the series starts). A readout can only produce u_{t−d} if the network remembers d steps back; summed over d
/// its squared correlations are Jaeger's memory capacity.
/// </summary>
public static class DelayedCopy
{
    /// <summary>A seeded series with one target column per delay in <paramref name="delays"/>.</summary>
    public static TimeSeries Generate(int length, IReadOnlyList<int> delays, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        ArgumentNullException.ThrowIfNull(delays);
        if (delays.Count == 0 || delays.Any(d => d < 0))
        {
            throw new ArgumentException("give at least one delay, each >= 0", nameof(delays));
        }

        var rng = new RandomStream(seed);
        var u = Enumerable.Range(0, length).Select(_ => (2 * rng.NextDouble()) - 1).ToArray();
        var o = delays.Count;
        var y = new double[length * o];
        for (var t = 0; t < length; t++)
        {
            for (var k = 0; k < o; k++)
            {
                y[(t * o) + k] = t >= delays[k] ? u[t - delays[k]] : 0;
            }
        }

        return new TimeSeries(length, 1, o, u, y, ["u"], [.. delays.Select(d => $"u(t-{d})")]);
    }
}
