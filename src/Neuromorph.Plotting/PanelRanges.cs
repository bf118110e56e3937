using Neuromorph.Figures;

namespace Neuromorph.Plotting;

/// <summary>The visible x and y ranges of a panel in plot coordinates, from its layers and fixed limits.</summary>
internal static class PanelRanges
{
    /// <summary>The x range: tight for traces and heatmaps (time axes end at the data), with margins for bars and markers.</summary>
    public static (double Lo, double Hi) X(Panel panel)
    {
        var values = new List<double>();
        foreach (var layer in panel.Layers)
        {
            switch (layer)
            {
                case LineSeries s:
                    values.AddRange(s.X.Select(v => AxisTransform.Map(panel.X, v)));
                    break;
                case Band b:
                    values.AddRange(b.X.Select(v => AxisTransform.Map(panel.X, v)));
                    break;
                case Bars bars:
                    values.AddRange(bars.Positions.SelectMany(p => new[] { p - (bars.BarWidth / 2), p + (bars.BarWidth / 2) }).Select(v => AxisTransform.Map(panel.X, v)));
                    break;
                case ReferenceLine { Orientation: ReferenceOrientation.Vertical } r:
                    values.Add(AxisTransform.Map(panel.X, r.Value));
                    break;
                case HeatmapLayer h:
                    var (lo, hi) = HeatmapX(h);
                    values.Add(lo);
                    values.Add(hi);
                    break;
            }
        }

        // traces over time end at the data; loops, markers and bars get margins
        var tight = panel.Layers.All(l => l is Band or HeatmapLayer or ReferenceLine || (l is LineSeries s && s.Style is LineStyle.Solid or LineStyle.Dashed && Thinning.Monotonic(s.X)));
        return AxisTransform.Range(panel.X, values, tight);
    }

    /// <summary>The y range: data with 5 % margins (bars from zero), tight for heatmaps, whole decades on log axes.</summary>
    public static (double Lo, double Hi) Y(Panel panel)
    {
        var values = new List<double>();
        foreach (var layer in panel.Layers)
        {
            switch (layer)
            {
                case LineSeries s:
                    values.AddRange(s.Y.Select(v => AxisTransform.Map(panel.Y, v)));
                    break;
                case Band b:
                    values.AddRange(b.Lower.Concat(b.Upper).Select(v => AxisTransform.Map(panel.Y, v)));
                    break;
                case Bars bars:
                    values.AddRange(bars.Heights.Select(v => AxisTransform.Map(panel.Y, v)));
                    if (panel.Y.Scale == AxisScale.Linear)
                    {
                        values.Add(0);
                    }

                    break;
                case ReferenceLine { Orientation: ReferenceOrientation.Horizontal } r:
                    values.Add(AxisTransform.Map(panel.Y, r.Value));
                    break;
                case HeatmapLayer h:
                    var (lo, hi) = HeatmapY(h);
                    values.Add(lo);
                    values.Add(hi);
                    break;
            }
        }

        var range = AxisTransform.Range(panel.Y, values, tight: panel.Layers.Any(l => l is HeatmapLayer));
        if (panel.Layers.OfType<Bars>().Any() && panel.Y.Scale == AxisScale.Linear && panel.Y.Min is null && range.Lo < 0 && values.All(v => !(v < 0)))
        {
            range = (0, range.Hi);
        }

        return range;
    }

    /// <summary>Outer x edges of a heatmap's cells.</summary>
    public static (double Lo, double Hi) HeatmapX(HeatmapLayer h) => h.XExtent ?? (-0.5, h.Values.GetLength(1) - 0.5);

    /// <summary>Outer y edges of a heatmap's cells.</summary>
    public static (double Lo, double Hi) HeatmapY(HeatmapLayer h) => h.YExtent ?? (-0.5, h.Values.GetLength(0) - 0.5);
}
