using Neuromorph.Figures;
using SP = ScottPlot;

namespace Neuromorph.Plotting;

/// <summary>Builds the ScottPlot plot of one <see cref="Panel"/> inside its <see cref="PanelFrame"/>: axes, ticks, layers and legend.</summary>
internal static class PanelPlot
{
    /// <summary>The plot, ready to render into a rectangle of the frame's size.</summary>
    public static SP.Plot Build(Panel panel, PanelFrame frame, string font)
    {
        var plot = new SP.Plot();
        plot.Font.Set(font);
        plot.Layout.Fixed(new SP.PixelPadding(frame.Left, frame.Right, frame.Bottom, frame.Top));
        // a hair wider than the frame, so ticks on the very ends (the last decade of a sweep) are not dropped as outside
        double ex = (frame.X.Hi - frame.X.Lo) * 1e-9, ey = (frame.Y.Hi - frame.Y.Lo) * 1e-9;
        var (xlo, xhi) = SafeRange.Finite(frame.X.Lo - ex, frame.X.Hi + ex);
        var (ylo, yhi) = SafeRange.Finite(frame.Y.Lo - ey, frame.Y.Hi + ey);
        plot.Axes.SetLimits(xlo, xhi, ylo, yhi);
        SetTicks(plot.Axes.Bottom, frame.XTicks);
        SetTicks(plot.Axes.Left, frame.YTicks);
        plot.Axes.Bottom.Label.Text = frame.ShowXTitle ? panel.X.Title : "";
        plot.Axes.Left.Label.Text = panel.Y.Title;
        plot.Axes.Bottom.Label.FontSize = 14;
        plot.Axes.Left.Label.FontSize = 14;
        plot.Axes.Bottom.Label.Bold = false;
        plot.Axes.Left.Label.Bold = false;
        if (frame.Title.Length > 0)
        {
            plot.Title(frame.Title, 15);
            plot.Axes.Title.Label.OffsetX = TitleShift(frame, TextWidth(frame.Title, font, 15));
        }

        var colors = LayerColors(panel.Layers);
        var patterns = SeriesLooks.PatternIndices(panel.Layers);
        // an outside legend lists the first entries it has room for (the rest are summarised in one entry)
        var listed = frame.Legend == LegendPlacement.Outside ? LegendColumns.Plan(panel, frame.DataHeight) : null;
        var named = 0;
        for (var k = 0; k < panel.Layers.Count; k++)
        {
            var color = SP.Color.FromHex(colors[k]);
            var layer = panel.Layers[k];
            if (layer.Name.Length > 0 && named++ >= (listed?.Shown ?? int.MaxValue))
            {
                layer = layer with { Name = "" };
            }

            switch (layer)
            {
                case LineSeries s:
                    AddLine(plot, panel, frame, s, color, patterns[k] >= 0 ? SeriesLooks.Patterns[patterns[k]] : null);
                    break;
                case Band b:
                    AddBand(plot, panel, frame, b, color);
                    break;
                case ReferenceLine r:
                    AddReference(plot, panel, r, color);
                    break;
                case Bars bars:
                    AddBars(plot, panel, frame, bars, color);
                    break;
                case HeatmapLayer map:
                    AddHeatmap(plot, frame, map);
                    break;
            }
        }

        if (listed is { Hidden: > 0 })
        {
            // the summary entry: an invisible point at the corner of the data area, named
            var summary = plot.Add.Scatter(new[] { frame.X.Lo }, new[] { frame.Y.Lo }, SP.Colors.Transparent);
            summary.LineWidth = 0;
            summary.MarkerSize = 0;
            summary.LegendText = listed.Summary;
        }

        PlaceLegend(plot, panel, frame);
        return plot;
    }

    /// <summary>
    /// How far to move a title of width <paramref name="textWidth"/> from the centre of the data area so that it stays
    /// inside the figure (a legend outside narrows the data area and moves its centre left); 0 when it fits.
    /// </summary>
    public static float TitleShift(PanelFrame frame, float textWidth)
    {
        const float margin = 6;
        var centre = frame.Left + (frame.DataWidth / 2);
        var lo = margin + (textWidth / 2);
        var hi = frame.Width - margin - (textWidth / 2);
        var wanted = lo > hi ? frame.Width / 2f : Math.Clamp(centre, lo, hi);
        return wanted - centre;
    }

    /// <summary>Width in logical pixels of <paramref name="text"/> in <paramref name="font"/> at <paramref name="size"/> pixels.</summary>
    public static float TextWidth(string text, string font, float size)
    {
        using var typeface = SkiaSharp.SKTypeface.FromFamilyName(font);
        using var skFont = new SkiaSharp.SKFont(typeface, size);
        return skFont.MeasureText(text);
    }

    /// <summary>
    /// The colour of each layer: its own, else the next palette colour; a band without one takes the colour of the
    /// line series after it (the mean it surrounds); reference lines are dark grey.
    /// </summary>
    public static string[] LayerColors(IReadOnlyList<Layer> layers)
    {
        var colors = new string[layers.Count];
        var next = 0;
        for (var k = 0; k < layers.Count; k++)
        {
            colors[k] = layers[k] switch
            {
                { Color: { } own } => own,
                ReferenceLine => Palette.Reference,
                Band or HeatmapLayer => "",
                _ => Palette.At(next++),
            };
        }

        for (var k = 0; k < layers.Count; k++)
        {
            if (colors[k].Length == 0)
            {
                var partner = Enumerable.Range(k + 1, layers.Count - k - 1).Concat(Enumerable.Range(0, k).Reverse()).FirstOrDefault(j => layers[j] is LineSeries, -1);
                colors[k] = partner >= 0 ? colors[partner] : Palette.At(next++);
            }
        }

        return colors;
    }

    private static void SetTicks(SP.IAxis axis, TickSet ticks)
    {
        var manual = new SP.TickGenerators.NumericManual();
        for (var i = 0; i < ticks.Major.Length; i++)
        {
            manual.AddMajor(ticks.Major[i], ticks.Labels[i]);
        }

        foreach (var m in ticks.Minor)
        {
            manual.AddMinor(m);
        }

        axis.TickGenerator = manual;
        axis.TickLabelStyle.FontSize = 12;
    }

    private static void AddLine(SP.Plot plot, Panel panel, PanelFrame frame, LineSeries s, SP.Color color, SP.LinePattern? pattern)
    {
        var n = Math.Min(s.X.Count, s.Y.Count);
        var x = new double[n];
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            (x[i], y[i]) = (AxisTransform.Map(panel.X, s.X[i]), AxisTransform.Map(panel.Y, s.Y[i]));
        }

        var first = true;
        foreach (var (kx, ky) in DrawnRuns(s, x, y, frame))
        {
            var scatter = plot.Add.Scatter(kx, ky, color);
            scatter.LineWidth = s.Style == LineStyle.Markers ? 0 : (float)s.Width;
            scatter.MarkerSize = s.Style switch
            {
                LineStyle.Markers => 6,
                LineStyle.LineAndMarkers => 5,
                _ => 0,
            };
            scatter.LinePattern = pattern ?? (s.Style == LineStyle.Dashed ? SP.LinePattern.Dashed : SP.LinePattern.Solid);
            scatter.LegendText = first ? s.Name : "";
            first = false;
        }
    }

    private static void AddBand(SP.Plot plot, Panel panel, PanelFrame frame, Band b, SP.Color color)
    {
        var n = Math.Min(b.X.Count, Math.Min(b.Lower.Count, b.Upper.Count));
        var x = new double[n];
        var lower = new double[n];
        var upper = new double[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = AxisTransform.Map(panel.X, b.X[i]);
            upper[i] = AxisTransform.Map(panel.Y, b.Upper[i]);
            // on a log axis a lower edge at or below zero (mean - std < 0) runs to the bottom of the panel
            lower[i] = AxisTransform.Map(panel.Y, b.Lower[i]) is var lo && double.IsNaN(lo) && double.IsFinite(b.Lower[i]) ? frame.Y.Lo : lo;
        }

        var first = true;
        foreach (var (start, length) in Runs(x, upper, lower))
        {
            var keep = Thinning.Stride(length, (int)(2 * frame.DataWidth));
            var fill = plot.Add.FillY([.. keep.Select(i => x[start + i])], [.. keep.Select(i => lower[start + i])], [.. keep.Select(i => upper[start + i])]);
            fill.FillColor = color.WithAlpha(0.22);
            fill.LineWidth = 0;
            fill.MarkerSize = 0;
            fill.LegendText = first ? b.Name : "";
            first = false;
        }
    }

    private static void AddReference(SP.Plot plot, Panel panel, ReferenceLine r, SP.Color color)
    {
        var horizontal = r.Orientation == ReferenceOrientation.Horizontal;
        var v = AxisTransform.Map(horizontal ? panel.Y : panel.X, r.Value);
        if (double.IsNaN(v))
        {
            return;
        }


        SP.Plottables.AxisLine line = horizontal ? plot.Add.HorizontalLine(v, 1.6f, color, SP.LinePattern.Dashed) : plot.Add.VerticalLine(v, 1.6f, color, SP.LinePattern.Dashed);
        line.LegendText = r.Name;
        line.LabelText = "";
    }

    private static void AddBars(SP.Plot plot, Panel panel, PanelFrame frame, Bars bars, SP.Color color)
    {
        var baseline = panel.Y.Scale == AxisScale.Log ? frame.Y.Lo : 0;
        var list = new List<SP.Bar>();
        for (var i = 0; i < Math.Min(bars.Positions.Count, bars.Heights.Count); i++)
        {
            var (x, h) = (AxisTransform.Map(panel.X, bars.Positions[i]), AxisTransform.Map(panel.Y, bars.Heights[i]));
            if (double.IsFinite(x) && double.IsFinite(h))
            {
                list.Add(new SP.Bar { Position = x, Value = h, ValueBase = baseline, Size = bars.BarWidth, FillColor = color, LineWidth = 0 });
            }
        }

        if (list.Count > 0)
        {
            plot.Add.Bars(list).LegendText = bars.Name;
        }
    }

    private static void AddHeatmap(SP.Plot plot, PanelFrame frame, HeatmapLayer map)
    {
        var (xlo, xhi) = PanelRanges.HeatmapX(map);
        var (ylo, yhi) = PanelRanges.HeatmapY(map);
        var heatmap = plot.Add.Heatmap(map.Values);
        heatmap.Colormap = new SP.Colormaps.Viridis();
        heatmap.Rectangle = new SP.CoordinateRect(xlo, xhi, ylo, yhi);
        heatmap.FlipVertically = !map.RowZeroAtTop;
        heatmap.NaNCellColor = SP.Color.FromHex("#BBBBBB");
        var (lo, hi) = HeatmapColors.Range(map);
        heatmap.ManualRange = new SP.Range(lo, hi);
        if (map.Values.Length <= 20_000)
        {
            heatmap.RenderStrategy = new SP.Plottables.Heatmap.RenderStrategies.Rectangles();
        }

        var bar = plot.Add.ColorBar(heatmap);
        bar.Label = map.ColorAxis.Title;
        bar.LabelStyle.FontSize = 14;
        bar.LabelStyle.Bold = false;
        // ScottPlot measures a colour bar's axis as label widths plus title height, without the tick marks and their
        // gap, so the title would overlap long tick labels: move it out by that much
        bar.LabelStyle.OffsetX = 12;
        var ticks = TickMarks.Linear(lo, hi, frame.DataHeight, 46, map.ColorAxis.Unit, map.ColorAxis.IntegerTicks);
        SetTicks(bar.Axis, ticks);
    }

    /// <summary>
    /// The runs of a series as drawn: split at points that cannot be placed (NaN, ≤ 0 on a log axis), each thinned to
    /// the pixel grid (markers-only series keep every point).
    /// </summary>
    public static IEnumerable<(double[] X, double[] Y)> DrawnRuns(LineSeries s, double[] x, double[] y, PanelFrame frame)
    {
        foreach (var (start, length) in Runs(x, y))
        {
            var rx = new ArraySegment<double>(x, start, length);
            var ry = new ArraySegment<double>(y, start, length);
            var keep = s.Style == LineStyle.Markers ? [.. Enumerable.Range(0, length)] : Thinning.Keep(rx, ry, frame.PixelsPerX, frame.PixelsPerY);
            yield return ([.. keep.Select(i => rx[i])], [.. keep.Select(i => ry[i])]);
        }
    }

    /// <summary>The legend where the frame says: inside in the corner that covers the least data, outside on the right, or none.</summary>
    private static void PlaceLegend(SP.Plot plot, Panel panel, PanelFrame frame)
    {
        if (frame.Legend == LegendPlacement.None || !panel.Layers.Any(l => l.Name.Length > 0))
        {
            plot.HideLegend();
            return;
        }

        plot.Legend.FontSize = 12;
        plot.Legend.OutlineColor = SP.Color.FromHex("#BBBBBB");
        plot.Legend.ShadowColor = SP.Colors.Transparent;
        if (frame.Legend == LegendPlacement.Outside)
        {
            plot.ShowLegend(SP.Edge.Right);
            // ScottPlot measures the legend panel as one column and clips the columns it wraps into beyond that: make
            // room for the columns the layout reserved
            var plan = LegendColumns.Plan(panel, frame.DataHeight);
            foreach (var legendPanel in plot.Axes.GetPanels().OfType<SP.Panels.LegendPanel>().Where(_ => plan.Columns > 1))
            {
                legendPanel.MinimumSize = plan.Width - 10;
                legendPanel.Alignment = SP.Alignment.UpperLeft;
            }

            return;
        }

        plot.ShowLegend(LegendCorners.Best(panel, frame).Corner);
    }

    /// <summary>Maximal runs of indices where every given coordinate is finite (NaN breaks a line).</summary>
    public static IEnumerable<(int Start, int Length)> Runs(double[] x, params double[][] ys)
    {
        var start = -1;
        for (var i = 0; i <= x.Length; i++)
        {
            var ok = i < x.Length && double.IsFinite(x[i]) && ys.All(y => double.IsFinite(y[i]));
            if (ok && start < 0)
            {
                start = i;
            }
            else if (!ok && start >= 0)
            {
                yield return (start, i - start);
                start = -1;
            }
        }
    }
}
