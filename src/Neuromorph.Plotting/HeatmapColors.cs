using Neuromorph.Figures;

namespace Neuromorph.Plotting;

/// <summary>The value range a heatmap's colours span: its finite values (a constant map gets a unit-wide range).</summary>
internal static class HeatmapColors
{
    /// <summary>Lowest and highest finite value, or (0, 1) when there is none.</summary>
    public static (double Lo, double Hi) Range(HeatmapLayer map)
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (var v in map.Values)
        {
            if (double.IsFinite(v))
            {
                lo = Math.Min(lo, v);
                hi = Math.Max(hi, v);
            }
        }

        if (lo > hi)
        {
            return (0, 1);
        }

        return SafeRange.Degenerate(lo, hi) ? SafeRange.Around(lo, hi, null, 0.5) : SafeRange.Finite(lo, hi);
    }
}
