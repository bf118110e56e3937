using Neuromorph.Figures;

namespace Neuromorph.Plotting;

/// <summary>
/// Places a figure's panels: ranges (shared x for stacked traces), ticks, and margins wide enough for the longest tick
/// label, the same for every panel so data areas line up.
/// </summary>
internal static class FigureLayout
{
    /// <summary>Logical pixels per character of a tick label (12 px sans).</summary>
    private const float CharWidth = 7.4f;

    /// <summary>Extra height of the first panel when the figure has a title.</summary>
    public const int TitleHeight = 34;

    /// <summary>
    /// The frame of every panel, top to bottom. A legend that would cover data in every corner goes outside, on the
    /// right of its panel (and the margins are laid out again for it).
    /// </summary>
    public static PanelFrame[] Frames(Figure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var placements = figure.Panels.Select(p => p.Legend).ToArray();
        var frames = Frames(figure, placements);
        // a legend goes outside when it would cover data in every corner, or is taller than the data area
        var crowded = Enumerable.Range(0, frames.Length).Where(k => placements[k] == LegendPlacement.Auto
            && (LegendCorners.Best(figure.Panels[k], frames[k]).Covered > 0 || 12 + (figure.Panels[k].Layers.Count(l => l.Name.Length > 0) * LegendColumns.RowHeight) > frames[k].DataHeight)).ToList();
        if (crowded.Count == 0)
        {
            return frames;
        }

        crowded.ForEach(k => placements[k] = LegendPlacement.Outside);
        return Frames(figure, placements);
    }

    private static PanelFrame[] Frames(Figure figure, LegendPlacement[] placements)
    {
        var panels = figure.Panels;
        var ranges = panels.Select(p => (X: PanelRanges.X(p), Y: PanelRanges.Y(p))).ToArray();
        if (figure.SharedX)
        {
            var shared = (Lo: ranges.Min(r => r.X.Lo), Hi: ranges.Max(r => r.X.Hi));
            ranges = [.. ranges.Select(r => (shared, r.Y))];
        }

        var height = figure.EffectivePanelHeight;
        var frames = new PanelFrame[panels.Count];
        var yTicks = new TickSet[panels.Count];
        for (var k = 0; k < panels.Count; k++)
        {
            var (top, bottom) = Vertical(figure, k);
            yTicks[k] = TickMarks.For(IndexAxis(panels[k], vertical: true), ranges[k].Y.Lo, ranges[k].Y.Hi, height - top - bottom, 46);
        }

        var left = Math.Max(60, (yTicks.Max(t => t.LongestLabel) * CharWidth) + 40);
        var right = Enumerable.Range(0, panels.Count).Max(k => Right(figure, k, placements[k]));
        // a legend in several columns widens the figure, keeping a data area of over half its width
        var width = figure.Width;
        if (Enumerable.Range(0, panels.Count).Any(k => placements[k] == LegendPlacement.Outside && LegendColumns.Plan(panels[k], DataHeight(figure, k)).Columns > 1))
        {
            width = Math.Max(width, (int)Math.Ceiling(left + right + (0.55 * figure.Width)));
        }

        TickSet[] XTicks() => [.. panels.Select((p, k) => TickMarks.For(IndexAxis(p, vertical: false), ranges[k].X.Lo, ranges[k].X.Hi, width - left - right, 90))];
        var xTickSets = XTicks();
        // a label is centred on its tick, so one at the right end (100 kHz) can reach past the figure: widen the margin
        var overhang = Enumerable.Range(0, panels.Count).Max(k => Overhang(xTickSets[k], ranges[k].X, width - left - right));
        if (overhang + 4 > right)
        {
            right = overhang + 4;
            xTickSets = XTicks();
        }

        for (var k = 0; k < panels.Count; k++)
        {
            var (top, bottom) = Vertical(figure, k);
            var frameHeight = height + (k == 0 && figure.Title.Length > 0 ? TitleHeight : 0);
            var xTicks = xTickSets[k];
            var titles = new[] { k == 0 ? figure.Title : "", panels[k].Title }.Where(t => t.Length > 0);
            frames[k] = new PanelFrame(width, frameHeight, left, right, top, bottom)
            {
                X = ranges[k].X,
                Y = ranges[k].Y,
                XTicks = xTicks,
                YTicks = yTicks[k],
                ShowXTitle = !figure.SharedX || k == panels.Count - 1,
                Legend = placements[k],
                Title = string.Join(": ", titles),
            };
        }

        return frames;
    }

    /// <summary>How far the x tick labels reach past the right end of a data area <paramref name="pixels"/> wide (0 when they do not).</summary>
    public static float Overhang(TickSet ticks, (double Lo, double Hi) range, float pixels)
    {
        var over = 0f;
        for (var i = 0; i < ticks.Major.Length; i++)
        {
            var x = (float)((ticks.Major[i] - range.Lo) / (range.Hi - range.Lo) * pixels);
            over = Math.Max(over, x + (ticks.Labels[i].Length * CharWidth / 2) - pixels);
        }

        return over;
    }

    /// <summary>
    /// The axis as drawn: a heatmap without extents is indexed by row and column, so its axes get integer ticks, and row
    /// labels count from the top when row 0 is drawn at the top.
    /// </summary>
    public static FigureAxis IndexAxis(Panel panel, bool vertical)
    {
        var axis = vertical ? panel.Y : panel.X;
        if (axis.Ticks is not null || panel.Layers.OfType<HeatmapLayer>().FirstOrDefault() is not { } map)
        {
            return axis;
        }

        if (vertical && map.YExtent is null)
        {
            var rows = map.Values.GetLength(0);
            var every = Math.Max(1, (int)Math.Ceiling(rows / 12.0));
            var ticks = Enumerable.Range(0, rows).Where(r => r % every == 0)
                .Select(r => new AxisTick(map.RowZeroAtTop ? rows - 1 - r : r, r.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            return axis with { Ticks = [.. ticks.OrderBy(t => t.Position)] };
        }

        if (!vertical && map.XExtent is null)
        {
            var cols = map.Values.GetLength(1);
            var every = Math.Max(1, (int)Math.Ceiling(cols / 12.0));
            return axis with { Ticks = [.. Enumerable.Range(0, cols).Where(c => c % every == 0).Select(c => new AxisTick(c, c.ToString(System.Globalization.CultureInfo.InvariantCulture)))] };
        }

        return axis;
    }

    private static (float Top, float Bottom) Vertical(Figure figure, int k)
    {
        var top = k == 0 && figure.Title.Length > 0 ? 14f + TitleHeight : figure.Panels[k].Title.Length > 0 ? 40f : 14f;
        var showX = !figure.SharedX || k == figure.Panels.Count - 1;
        return (top, showX ? 50f : 28f);
    }

    /// <summary>Height of panel <paramref name="k"/>'s data area (as <see cref="PanelFrame.DataHeight"/>).</summary>
    private static float DataHeight(Figure figure, int k)
    {
        var (top, bottom) = Vertical(figure, k);
        var height = figure.EffectivePanelHeight + (k == 0 && figure.Title.Length > 0 ? TitleHeight : 0);
        return Math.Max(20, height - top - bottom);
    }

    private static float Right(Figure figure, int k, LegendPlacement legend)
    {
        var panel = figure.Panels[k];
        var right = 22f;
        if (panel.Layers.OfType<HeatmapLayer>().FirstOrDefault() is { } map)
        {
            var (lo, hi) = HeatmapColors.Range(map);
            var labels = TickMarks.Linear(lo, hi, 300, 46, map.ColorAxis.Unit, false).LongestLabel;
            right = 22 + 30 + 10 + (labels * CharWidth) + 50;
        }

        if (legend == LegendPlacement.Outside)
        {
            right += LegendColumns.Plan(panel, DataHeight(figure, k)).Width;
        }

        return right;
    }
}
