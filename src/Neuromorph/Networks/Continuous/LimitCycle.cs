namespace Neuromorph.Networks.Continuous;

/// <summary>
/// Period and amplitude of an oscillation from a sampled trajectory with its derivatives: upward crossings of the
/// mid-level of the first component, each located on the cubic Hermite interpolant between samples (accurate to the
/// integrator's dense-output order, not to the sampling interval).
/// </summary>
public static class LimitCycle
{
    /// <summary>Period and amplitude of y1 over the second half of the run (NaN period without at least three upward crossings).</summary>
    public static (double Period, double Amplitude) Measure(List<double> t, List<double[]> y, List<double[]> f)
    {
        var end = t[^1];
        var half = t.FindIndex(v => v >= end / 2);
        if (half < 0 || t.Count - half < 4)
        {
            return (double.NaN, double.NaN);
        }

        var tail = y.Skip(half).Select(s => s[0]).ToList();
        double min = tail.Min(), max = tail.Max(), mid = (min + max) / 2;
        var crossings = new List<double>();
        for (var k = Math.Max(half, 1); k < t.Count; k++)
        {
            if (y[k - 1][0] < mid && y[k][0] >= mid)
            {
                crossings.Add(HermiteRoot(t[k - 1], y[k - 1][0] - mid, f[k - 1][0], t[k], y[k][0] - mid, f[k][0]));
            }
        }

        if (crossings.Count < 3 || max - min < 1e-9 * (1 + Math.Abs(max)))
        {
            return (double.NaN, max - min);
        }

        var last = crossings.TakeLast(6).ToList();
        return ((last[^1] - last[0]) / (last.Count - 1), max - min);
    }

    /// <summary>Root in [t0, t1] of the cubic Hermite interpolant of (y, dy/dt) at both ends, by bisection.</summary>
    public static double HermiteRoot(double t0, double y0, double f0, double t1, double y1, double f1)
    {
        var h = t1 - t0;
        double P(double s) => ((((2 * s * s * s) - (3 * s * s) + 1) * y0) + (((s * s * s) - (2 * s * s) + s) * h * f0)
            + (((-2 * s * s * s) + (3 * s * s)) * y1) + (((s * s * s) - (s * s)) * h * f1));
        double a = 0, b = 1;
        for (var i = 0; i < 60; i++)
        {
            var m = 0.5 * (a + b);
            if (P(m) < 0)
            {
                a = m;
            }
            else
            {
                b = m;
            }
        }

        return t0 + (0.5 * (a + b) * h);
    }
}
