namespace Neuromorph.Numerics.Ode;

/// <summary>Classical fourth-order Runge–Kutta with a fixed step (order 4).</summary>
public static class RungeKutta4
{
    /// <summary>Integrates from <paramref name="t0"/> to <paramref name="t1"/> in <paramref name="steps"/> equal steps; reports every step.</summary>
    public static OdeResult Integrate(OdeFunction f, double t0, ReadOnlySpan<double> y0, double t1, int steps, OdeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        options ??= new OdeOptions();
        var g = BoundedFunction.Wrap(f, options);
        var n = y0.Length;
        var y = y0.ToArray();
        double[] k1 = new double[n], k2 = new double[n], k3 = new double[n], k4 = new double[n], tmp = new double[n];
        var h = (t1 - t0) / steps;
        var times = new List<double> { t0 };
        var states = new List<double[]> { (double[])y.Clone() };
        for (var s = 0; s < steps; s++)
        {
            var t = t0 + (s * h);
            g(t, y, k1);
            for (var i = 0; i < n; i++)
            {
                tmp[i] = y[i] + (h / 2 * k1[i]);
            }

            g(t + (h / 2), tmp, k2);
            for (var i = 0; i < n; i++)
            {
                tmp[i] = y[i] + (h / 2 * k2[i]);
            }

            g(t + (h / 2), tmp, k3);
            for (var i = 0; i < n; i++)
            {
                tmp[i] = y[i] + (h * k3[i]);
            }

            g(t + h, tmp, k4);
            for (var i = 0; i < n; i++)
            {
                y[i] += h / 6 * (k1[i] + (2 * k2[i]) + (2 * k3[i]) + k4[i]);
            }

            BoundedFunction.Clamp(y, options);
            times.Add(s == steps - 1 ? t1 : t + h);
            states.Add((double[])y.Clone());
        }

        return new OdeResult(times, states, OdeStop.EndTime, new OdeStatistics(steps, 0, 4 * steps, 0, 0));
    }
}
