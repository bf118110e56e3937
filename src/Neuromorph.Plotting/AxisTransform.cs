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
        // a constant series (or one whose values differ only in their last digits) is centred with margins
        double? constantPad = log ? 0.5 : null;
        if (lo > hi)
        {
            (lo, hi) = (0, 1);
        }
        else if (SafeRange.Degenerate(lo, hi))
        {
            (lo, hi) = SafeRange.Around(lo, hi, constantPad, 1);
        }
        else if (!tight)
        {
            var pad = ((hi / 2) - (lo / 2)) * 0.1;
            (lo, hi) = SafeRange.Finite(lo - pad, hi + pad);
        }

        if (axis.Min is { } min && Map(axis, min) is var mlo && double.IsFinite(mlo))
        {
            lo = mlo;
        }

        if (axis.Max is { } max && Map(axis, max) is var mhi && double.IsFinite(mhi))
        {
            hi = mhi;
        }

        // fixed limits that coincide or cross: a range upwards from the lower one
        return SafeRange.Degenerate(lo, hi) ? SafeRange.Above(lo) : SafeRange.Finite(lo, hi);
    }
}
