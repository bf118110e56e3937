using Neuromorph.Numerics.Randomness;
namespace Neuromorph.Networks.Tasks;

/// <summary>
/// NARMA10 (Atiya and Parlos 2000): u_t uniform in [0, 0.5], y_{t+1} = 0.3 y_t + 0.05 y_t Σ_{i=0..9} y_{t−i}
/// + 1.5 u_{t−9} u_t + 0.1. The task: from the inputs up to u_t, produce y_{t+1}.
/// </summary>
public static class Narma10
{
    /// <summary>
    /// <paramref name="length"/> steps after <paramref name="transient"/> discarded steps (y starts at 0). Seeded.
    /// Input column u_t, target y_{t+1}.
    /// </summary>
    public static TimeSeries Generate(int length, ulong seed, int transient = 200)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        var n = length + transient + 1;
        var rng = new RandomStream(seed);
        var u = new double[n];
        var y = new double[n + 1];
        for (var t = 0; t < n; t++)
        {
            u[t] = 0.5 * rng.NextDouble();
        }

        for (var t = 0; t < n; t++)
        {
            var sum = 0.0;
            for (var i = 0; i < 10 && t - i >= 0; i++)
            {
                sum += y[t - i];
            }

            y[t + 1] = (0.3 * y[t]) + (0.05 * y[t] * sum) + (1.5 * (t >= 9 ? u[t - 9] : 0) * u[t]) + 0.1;
        }

        return new TimeSeries(length, 1, 1, u[transient..(transient + length)], y[(transient + 1)..(transient + length + 1)], ["u"], ["y(t+1)"]);
    }
}
