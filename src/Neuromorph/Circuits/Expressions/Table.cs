namespace Neuromorph.Circuits.Expressions;

/// <summary>Piecewise-linear tables (E/G <c>TABLE</c>, <c>table()</c>): linear between points, constant beyond the ends.</summary>
public static class Table
{
    /// <summary>y(x) and dy/dx.</summary>
    public static double Evaluate(IReadOnlyList<double> xs, IReadOnlyList<double> ys, double x, out double slope)
    {
        ArgumentNullException.ThrowIfNull(xs);
        ArgumentNullException.ThrowIfNull(ys);
        slope = 0;
        if (x <= xs[0])
        {
            return ys[0];
        }

        if (x >= xs[^1])
        {
            return ys[^1];
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
