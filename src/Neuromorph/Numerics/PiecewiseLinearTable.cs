namespace Neuromorph.Numerics;

/// <summary>
/// A function given by points (x_k, y_k), x not decreasing: linear between points, constant beyond the ends. At a
/// breakpoint the slope is the mean of the slopes on either side (zero beyond the ends), as in ngspice, whose TABLE is
/// an XSPICE <c>pwl</c> with rounded corners: an operating point on a kink linearises (.ac, Newton) with the corner's
/// tangent, not with one side's slope. Serves the circuits' E/G <c>TABLE</c> and <c>table()</c> and the
/// piecewise-empirical memristor's f(x) tables.
/// </summary>
public static class PiecewiseLinearTable
{
    /// <summary>y(x) and dy/dx.</summary>
    public static double Evaluate(IReadOnlyList<double> xs, IReadOnlyList<double> ys, double x, out double slope)
    {
        ArgumentNullException.ThrowIfNull(xs);
        ArgumentNullException.ThrowIfNull(ys);
        slope = 0;
        if (x < xs[0])
        {
            return ys[0];
        }

        if (x > xs[^1])
        {
            return ys[^1];
        }

        if (Breakpoint(xs, x) is var (first, last))
        {
            slope = 0.5 * (SegmentSlope(xs, ys, first - 1) + SegmentSlope(xs, ys, last));
            return first == 0 ? ys[0] : ys[last];
        }

        int lo = 0, hi = xs.Count - 1;
        while (hi - lo > 1)
        {
            var mid = (lo + hi) / 2;
            if (xs[mid] <= x)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        var span = xs[hi] - xs[lo];
        slope = span > 0 ? (ys[hi] - ys[lo]) / span : 0;
        return ys[lo] + (slope * (x - xs[lo]));
    }

    /// <summary>The first and last index of the points at <paramref name="x"/> (several where the table steps), or null between points.</summary>
    private static (int First, int Last)? Breakpoint(IReadOnlyList<double> xs, double x)
    {
        int lo = 0, hi = xs.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (xs[mid] < x)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        if (xs[lo] != x)
        {
            return null;
        }

        var last = lo;
        while (last + 1 < xs.Count && xs[last + 1] == x)
        {
            last++;
        }

        return (lo, last);
    }

    /// <summary>Slope of the segment from point <paramref name="k"/> to point k + 1; zero beyond the ends.</summary>
    private static double SegmentSlope(IReadOnlyList<double> xs, IReadOnlyList<double> ys, int k) =>
        k < 0 || k + 1 >= xs.Count ? 0 : (ys[k + 1] - ys[k]) / (xs[k + 1] - xs[k]);
}
