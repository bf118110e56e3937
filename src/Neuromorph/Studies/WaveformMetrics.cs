using Neuromorph.Diagnostics;

namespace Neuromorph.Studies;

/// <summary>
/// Evaluates <see cref="MetricSpec"/>s on a sampled waveform (times in seconds, values in the signal's unit),
/// like SPICE <c>.measure</c>: linear interpolation between samples, trapezoidal integrals over windows.
/// A crossing that never happens gives NaN (reported as a missing value, not a failure).
/// </summary>
public static class WaveformMetrics
{
    /// <summary>Evaluates one metric on (t, y).</summary>
    public static double Evaluate(MetricSpec metric, IReadOnlyList<double> t, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(y);
        if (t.Count == 0 || t.Count != y.Count)
        {
            return double.NaN;
        }

        RequireWithin(metric, t[0], t[^1]);
        var from = metric.From ?? t[0];
        var to = metric.To ?? t[^1];
        return metric.Kind switch
        {
            MetricKind.Final => y[^1],
            MetricKind.At => Interpolate(t, y, metric.At ?? t[^1]),
            MetricKind.Min => Window(t, y, from, to).Min(p => p.Y),
            MetricKind.Max => Window(t, y, from, to).Max(p => p.Y),
            MetricKind.Average => Integral(Window(t, y, from, to), v => v) / Math.Max(to - from, double.Epsilon),
            MetricKind.Rms => Math.Sqrt(Integral(Window(t, y, from, to), v => v * v) / Math.Max(to - from, double.Epsilon)),
            MetricKind.Cross => Crossing(t, y, metric.Threshold ?? 0, metric.Direction, from),
            _ => throw new ArgumentOutOfRangeException(nameof(metric), $"metric kind {metric.Kind} is not a waveform metric"),
        };
    }

    /// <summary>
    /// Throws a located <see cref="UserInputException"/> when the metric asks for a time (<c>time</c>, <c>from</c>,
    /// <c>to</c>) outside the simulated interval [<paramref name="start"/>, <paramref name="end"/>] (a measurement there
    /// would be a plausible-looking number from the wrong place), or for an empty window.
    /// </summary>
    public static void RequireWithin(MetricSpec metric, double start, double end)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var slack = 1e-9 * Math.Max(Math.Abs(start), Math.Abs(end));
        foreach (var (key, value) in new[] { ("time", metric.At), ("from", metric.From), ("to", metric.To) })
        {
            if (value is { } v && (v < start - slack || v > end + slack))
            {
                throw new UserInputException(metric.Location, $"metric '{metric.Name}': {key} = {v:G6} lies outside the simulated interval [{start:G6}, {end:G6}]", "measure inside the simulated time, or lengthen the .tran");
            }
        }

        if (metric.From is { } f && metric.To is { } t && !(t > f))
        {
            throw new UserInputException(metric.Location, $"metric '{metric.Name}': the window from {f:G6} to {t:G6} is empty", "give from < to");
        }
    }

    /// <summary>y at time <paramref name="at"/> by linear interpolation (held at the ends).</summary>
    public static double Interpolate(IReadOnlyList<double> t, IReadOnlyList<double> y, double at)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(y);
        if (at <= t[0])
        {
            return y[0];
        }

        if (at >= t[^1])
        {
            return y[^1];
        }

        int lo = 0, hi = t.Count - 1;
        while (hi - lo > 1)
        {
            var mid = (lo + hi) / 2;
            if (t[mid] <= at)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        var span = t[hi] - t[lo];
        return span <= 0 ? y[hi] : y[lo] + ((y[hi] - y[lo]) * (at - t[lo]) / span);
    }

    private static List<(double T, double Y)> Window(IReadOnlyList<double> t, IReadOnlyList<double> y, double from, double to)
    {
        var points = new List<(double T, double Y)> { (from, Interpolate(t, y, from)) };
        for (var i = 0; i < t.Count; i++)
        {
            if (t[i] > from && t[i] < to)
            {
                points.Add((t[i], y[i]));
            }
        }

        points.Add((to, Interpolate(t, y, to)));
        return points;
    }

    private static double Integral(List<(double T, double Y)> p, Func<double, double> f)
    {
        double sum = 0;
        for (var i = 1; i < p.Count; i++)
        {
            sum += 0.5 * (f(p[i].Y) + f(p[i - 1].Y)) * (p[i].T - p[i - 1].T);
        }

        return sum;
    }

    private static double Crossing(IReadOnlyList<double> t, IReadOnlyList<double> y, double level, CrossDirection direction, double from)
    {
        for (var i = 1; i < t.Count; i++)
        {
            if (t[i] < from)
            {
                continue;
            }

            double a = y[i - 1] - level, b = y[i] - level;
            var rise = a < 0 && b >= 0;
            var fall = a > 0 && b <= 0;
            if ((rise && direction != CrossDirection.Fall) || (fall && direction != CrossDirection.Rise))
            {
                var tc = t[i - 1] + ((t[i] - t[i - 1]) * a / (a - b));
                if (tc >= from)
                {
                    return tc;
                }
            }
        }

        return double.NaN;
    }
}
