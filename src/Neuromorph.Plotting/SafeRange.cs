namespace Neuromorph.Plotting;

/// <summary>
/// Keeps axis ranges drawable: finite, of finite width, and wider than the noise of doubles. Data that differ by a few
/// ulps (a constant computed two ways) are one value, shown with 10 % margins around it as a constant series is.
/// </summary>
internal static class SafeRange
{
    /// <summary>Relative width below which a range is one value (differences at the last digits of a double).</summary>
    public const double Resolution = 1e-12;

    /// <summary>Absolute width below which a range is one value (subnormal differences cannot be drawn or ticked).</summary>
    public const double Smallest = 1e-280;

    /// <summary>True when [<paramref name="lo"/>, <paramref name="hi"/>] is too narrow to tell its ends apart (or inverted).</summary>
    public static bool Degenerate(double lo, double hi)
    {
        var width = hi - lo;
        return !(width > Smallest) || !(width > Math.Max(Math.Abs(lo), Math.Abs(hi)) * Resolution);
    }

    /// <summary>
    /// A range around the one value of [<paramref name="lo"/>, <paramref name="hi"/>]: its middle ± <paramref name="pad"/>
    /// when given, else ± 10 % of the value (± <paramref name="zeroPad"/> for zero and values too small to pad).
    /// </summary>
    public static (double Lo, double Hi) Around(double lo, double hi, double? pad, double zeroPad)
    {
        var centre = lo + ((hi / 2) - (lo / 2));
        var p = pad ?? (Math.Abs(centre) * 0.1 is var tenth && tenth >= Smallest ? tenth : zeroPad);
        return Finite(centre - p, centre + p);
    }

    /// <summary>A range starting at <paramref name="lo"/>, 1 or 10 % of it wide (ending at it where nothing fits above).</summary>
    public static (double Lo, double Hi) Above(double lo)
    {
        lo = Math.Clamp(lo, -double.MaxValue, double.MaxValue);
        var width = Math.Max(1, Math.Abs(lo) * 0.1);
        return lo + width is var hi && hi > lo && double.IsFinite(hi) ? (lo, hi) : (lo - width, lo);
    }

    /// <summary>The range clamped to finite values whose width is finite too (a range of ±1e308 loses its outer half).</summary>
    public static (double Lo, double Hi) Finite(double lo, double hi)
    {
        lo = Math.Clamp(lo, -double.MaxValue, double.MaxValue);
        hi = Math.Clamp(hi, -double.MaxValue, double.MaxValue);
        if (!double.IsFinite(hi - lo))
        {
            (lo, hi) = (Math.Max(lo, -double.MaxValue / 2), Math.Min(hi, double.MaxValue / 2));
        }

        return (lo, hi);
    }
}
