namespace Neuromorph.Circuits.Expressions;

/// <summary>
/// Piecewise-linear tables (E/G <c>TABLE</c>, <c>table()</c>): linear between points, constant beyond the ends.
/// At a breakpoint the slope is the mean of the slopes on either side (zero beyond the ends), as in ngspice, whose
/// TABLE is an XSPICE <c>pwl</c> with rounded corners: an operating point on a kink linearises (.ac, Newton) with the
/// corner's tangent, not with one side's slope.
/// </summary>
public static class Table
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

    /// <summary>
    /// ngspice's B-source <c>pwl(x, x1, y1, ...)</c> (PTpwl): the segment is found by bisection over the points, and
    /// beyond the ends the first or last segment continues; the slope is that segment's.
    /// </summary>
    public static double Pwl(IReadOnlyList<double> xs, IReadOnlyList<double> ys, double x, out double slope)
    {
        ArgumentNullException.ThrowIfNull(xs);
        ArgumentNullException.ThrowIfNull(ys);
        int k0 = 0, k1 = xs.Count - 1;
        while (k1 - k0 > 1)
        {
            var k = (k0 + k1) / 2;
            if (xs[k] > x)
            {
                k1 = k;
            }
            else
            {
                k0 = k;
            }
        }

        slope = (ys[k1] - ys[k0]) / (xs[k1] - xs[k0]);
        return ys[k0] + (slope * (x - xs[k0]));
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

    /// <summary>Refuses tables whose x values decrease.</summary>
    public static void Check(IReadOnlyList<double> xs, ExpressionSource source, int position)
    {
        ArgumentNullException.ThrowIfNull(xs);
        ArgumentNullException.ThrowIfNull(source);
        for (var k = 1; k < xs.Count; k++)
        {
            if (xs[k] < xs[k - 1])
            {
                throw source.Error(position, $"table x values must not decrease (x{k + 1} = {xs[k]} < x{k} = {xs[k - 1]})", "list the points in increasing x");
            }
        }
    }
}
