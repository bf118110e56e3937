namespace Neuromorph.Networks.Tasks;

/// <summary>
/// The Mackey–Glass delay equation dx/dt = a x(t−τ) / (1 + x(t−τ)^n) − b x(t) (a = 0.2, b = 0.1, n = 10; chaotic for
/// τ = 17), integrated by classical Runge–Kutta with step h = τ/m, the delayed value at half steps interpolated by
/// the cubic through four stored points (fourth order overall), from the constant history x = x0 for t ≤ 0.
/// </summary>
public static class MackeyGlass
{
    /// <summary>
    /// <paramref name="samples"/> values x(t_k), t_k = transient + k·interval (time units), integrated with about
    /// <paramref name="step"/> time units per step (adjusted so τ and the interval are whole numbers of steps).
    /// </summary>
    public static double[] Series(int samples, double tau = 17, double interval = 1, double transient = 500, double step = 0.1, double x0 = 1.2)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(samples);
        ArgumentOutOfRangeException.ThrowIfLessThan(tau, 0.5);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(interval);
        ArgumentOutOfRangeException.ThrowIfNegative(transient);
        var perSample = Math.Max(1, (int)Math.Round(interval / step));
        var h = interval / perSample;
        var m = Math.Max(4, (int)Math.Round(tau / h));
        h = tau / m;
        perSample = Math.Max(1, (int)Math.Round(interval / h));
        var skip = (int)Math.Round(transient / h);
        var total = skip + ((samples - 1) * perSample) + 1;
        var x = new double[total];
        x[0] = x0;
        double X(int i) => i <= 0 ? (i == 0 ? x[0] : x0) : x[i];
        static double F(double xt, double xd) => (0.2 * xd / (1 + Math.Pow(xd, 10))) - (0.1 * xt);
        for (var n = 0; n < total - 1; n++)
        {
            var d = n - m;
            double d0 = X(d), d1 = X(d + 1);
            var dh = HalfStep(X, d, m);
            var xn = x[n];
            var k1 = F(xn, d0);
            var k2 = F(xn + (h / 2 * k1), dh);
            var k3 = F(xn + (h / 2 * k2), dh);
            var k4 = F(xn + (h * k3), d1);
            x[n + 1] = xn + (h / 6 * (k1 + (2 * k2) + (2 * k3) + k4));
        }

        return [.. Enumerable.Range(0, samples).Select(k => x[skip + (k * perSample)])];
    }

    /// <summary>
    /// The delayed value half way between stored points d and d + 1 by the cubic through four of them. The solution's
    /// derivatives jump at multiples of τ (the history's kink at t = 0 propagates), so the four points never straddle
    /// such a point: one-sided stencils keep the interpolation, and the method, fourth order.
    /// </summary>
    private static double HalfStep(Func<int, double> x, int d, int m) =>
        d % m == 0 ? ((5 * x(d)) + (15 * x(d + 1)) - (5 * x(d + 2)) + x(d + 3)) / 16
        : (d + 1) % m == 0 ? (x(d - 2) - (5 * x(d - 1)) + (15 * x(d)) + (5 * x(d + 1))) / 16
        : ((9 * (x(d) + x(d + 1))) - (x(d - 1) + x(d + 2))) / 16;

    /// <summary>The prediction task: input x(t), target x(t + horizon·interval).</summary>
    public static TimeSeries Prediction(int length, int horizon = 1, double tau = 17, double interval = 1, double transient = 500, double step = 0.1) =>
        TimeSeries.Prediction(Series(length + horizon, tau, interval, transient, step), horizon, "x");
}
