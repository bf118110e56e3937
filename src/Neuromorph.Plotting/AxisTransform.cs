using Neuromorph.Figures;

namespace Neuromorph.Plotting;

/// <summary>
/// Data values to plot coordinates. ScottPlot 5 has no logarithmic axes, so a log axis is drawn in log10 of the data
/// with decade ticks (<see cref="TickMarks.Log"/>); values that cannot be placed (≤ 0 on a log axis, NaN, ±∞) map to NaN.
/// </summary>
internal static class AxisTransform
{
    /// <summary>The plot coordinate of <paramref name="value"/> on <paramref name="axis"/>, or NaN.</summary>
    public static double Map(FigureAxis axis, double value) =>
        !FigureChecks.Drawable(axis, value) ? double.NaN : axis.Scale == AxisScale.Log ? Math.Log10(value) : value;

    /// <summary>The data value of plot coordinate <paramref name="coordinate"/>.</summary>
    public static double Unmap(FigureAxis axis, double coordinate) => axis.Scale == AxisScale.Log ? Math.Pow(10, coordinate) : coordinate;

    /// <summary>
    /// The visible range in plot coordinates for the mapped values: a fixed limit where the axis has one, else the data
    /// range (tight) or the data range with 5 % margins (in log10 units on a log axis).
    /// </summary>
    public static (double Lo, double Hi) Range(FigureAxis axis, IEnumerable<double> mapped, bool tight)
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (var v in mapped)
        {
            if (double.IsFinite(v))
            {
                lo = Math.Min(lo, v);
                hi = Math.Max(hi, v);
            }
        }

        var log = axis.Scale == AxisScale.Log;
        if (lo > hi)
        {
            (lo, hi) = (0, 1);
        }
        else if (hi <= lo)
        {
            var pad = log ? 0.5 : lo != 0 ? Math.Abs(lo) * 0.1 : 1;
            (lo, hi) = (lo - pad, hi + pad);
        }
        else if (!tight)
        {
            var pad = (hi - lo) * 0.05;
            (lo, hi) = (lo - pad, hi + pad);
        }

        if (axis.Min is { } min && Map(axis, min) is var mlo && double.IsFinite(mlo))
        {
            lo = mlo;
        }

        if (axis.Max is { } max && Map(axis, max) is var mhi && double.IsFinite(mhi))
        {
            hi = mhi;
        }

        return hi > lo ? (lo, hi) : (lo, lo + 1);
    }
}
