using Neuromorph.Figures;
using SP = ScottPlot;

namespace Neuromorph.Plotting;

/// <summary>
/// Where a legend can go without covering data: the drawn data as pixel positions inside the data area (thinned line
/// points and samples every few pixels along their segments, band edges, bar columns, reference lines), counted under
/// a legend-sized box in each corner.
/// </summary>
internal static class LegendCorners
{
    /// <summary>The corner whose legend box covers the fewest data pixels (ties: upper right, upper left, lower right, lower left) and how many it covers.</summary>
    public static (SP.Alignment Corner, int Covered) Best(Panel panel, PanelFrame frame)
    {
        var named = panel.Layers.Where(l => l.Name.Length > 0).ToList();
        if (named.Count == 0)
        {
            return (SP.Alignment.UpperRight, 0);
        }

        var points = Pixels(panel, frame);
        var w = 58 + (named.Max(l => l.Name.Length) * 7.2);
        var h = 12 + (named.Count * 21.0);
        double width = frame.DataWidth, height = frame.DataHeight;
        var corners = new (SP.Alignment Where, double X0, double Y0)[]
        {
            (SP.Alignment.UpperRight, width - w, 0), (SP.Alignment.UpperLeft, 0, 0), (SP.Alignment.LowerRight, width - w, height - h), (SP.Alignment.LowerLeft, 0, height - h),
        };
        var counted = corners.Select(c => (c.Where, Covered: points.Count(p => p.X >= c.X0 && p.X <= c.X0 + w && p.Y >= c.Y0 && p.Y <= c.Y0 + h))).ToList();
        return counted.MinBy(c => c.Covered);
    }

    /// <summary>Pixel positions (from the data area's top left) of what the panel draws.</summary>
    public static List<(double X, double Y)> Pixels(Panel panel, PanelFrame frame)
    {
        var points = new List<(double X, double Y)>();
        foreach (var layer in panel.Layers)
        {
            switch (layer)
            {
                case LineSeries s:
                    var n = Math.Min(s.X.Count, s.Y.Count);
                    double[] x = [.. s.X.Take(n).Select(v => AxisTransform.Map(panel.X, v))], y = [.. s.Y.Take(n).Select(v => AxisTransform.Map(panel.Y, v))];
                    foreach (var (kx, ky) in PanelPlot.DrawnRuns(s, x, y, frame))
                    {
                        points.AddRange(Samples(kx, ky, frame, s.Style != LineStyle.Markers));
                    }

                    break;
                case Band b:
                    foreach (var edge in new[] { b.Lower, b.Upper })
                    {
                        var m = Math.Min(b.X.Count, edge.Count);
                        double[] bx = [.. b.X.Take(m).Select(v => AxisTransform.Map(panel.X, v))], by = [.. edge.Take(m).Select(v => AxisTransform.Map(panel.Y, v))];
                        foreach (var (start, length) in PanelPlot.Runs(bx, by))
                        {
                            points.AddRange(Samples(bx[start..(start + length)], by[start..(start + length)], frame, joined: true));
                        }
                    }

                    break;
                case Bars bars:
                    var baseline = panel.Y.Scale == AxisScale.Log ? frame.Y.Lo : 0;
                    for (var i = 0; i < Math.Min(bars.Positions.Count, bars.Heights.Count); i++)
                    {
                        var (px, ph) = (AxisTransform.Map(panel.X, bars.Positions[i]), AxisTransform.Map(panel.Y, bars.Heights[i]));
                        if (double.IsFinite(px) && double.IsFinite(ph))
                        {
                            points.AddRange(Samples([px, px], [baseline, ph], frame, joined: true));
                        }
                    }

                    break;
                case ReferenceLine r:
                    var horizontal = r.Orientation == ReferenceOrientation.Horizontal;
                    var v0 = AxisTransform.Map(horizontal ? panel.Y : panel.X, r.Value);
                    if (double.IsFinite(v0))
                    {
                        points.AddRange(horizontal ? Samples([frame.X.Lo, frame.X.Hi], [v0, v0], frame, joined: true) : Samples([v0, v0], [frame.Y.Lo, frame.Y.Hi], frame, joined: true));
                    }

                    break;
            }
        }

        return points;
    }

    /// <summary>Pixel positions along a drawn line: its points, and every 4 pixels along longer segments.</summary>
    private static IEnumerable<(double X, double Y)> Samples(double[] x, double[] y, PanelFrame frame, bool joined)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var p = Pixel(frame, x[i], y[i]);
            yield return p;
            if (joined && i + 1 < x.Length)
            {
                var q = Pixel(frame, x[i + 1], y[i + 1]);
                var steps = (int)Math.Min(400, Math.Max(Math.Abs(q.X - p.X), Math.Abs(q.Y - p.Y)) / 4);
                for (var k = 1; k < steps; k++)
                {
                    yield return (p.X + ((q.X - p.X) * k / steps), p.Y + ((q.Y - p.Y) * k / steps));
                }
            }
        }
    }

    private static (double X, double Y) Pixel(PanelFrame frame, double x, double y) =>
        ((x - frame.X.Lo) * frame.PixelsPerX, (frame.Y.Hi - y) * frame.PixelsPerY);
}
