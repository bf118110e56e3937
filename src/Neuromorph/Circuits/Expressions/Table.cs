namespace Neuromorph.Circuits.Expressions;

/// <summary>
/// Piecewise-linear tables of expressions: ngspice's B-source <c>pwl()</c> and the check of a table's x values. E/G
/// <c>TABLE</c> and <c>table()</c> evaluate with <see cref="PiecewiseLinearTable"/> (constant beyond the ends).
/// </summary>
public static class Table
{
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
