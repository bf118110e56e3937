using Neuromorph.Io;
using Neuromorph.Units;

namespace Neuromorph.Plotting;

/// <summary>
/// An x–y line plot written as SVG: several series in a colour-blind-safe palette (Okabe–Ito), linear or
/// log axes with 1-2-5 ticks labelled with SI prefixes, a legend, optional error bands. Series with many
/// points are reduced to the min and max per pixel column, so files stay small without visible change.
/// </summary>
public sealed class LinePlot
{
    /// <summary>Okabe–Ito palette.</summary>
    public static readonly string[] Palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"];

    private const double Left = 78, Right = 24, Top = 40, Bottom = 56;
    private readonly List<Series> _series = [];

    /// <summary>Title above the plot.</summary>
    public string Title { get; init; } = "";

    /// <summary>The x axis.</summary>
    public Axis X { get; init; } = new("x");

    /// <summary>The y axis.</summary>
    public Axis Y { get; init; } = new("y");

    /// <summary>Width in pixels.</summary>
    public double Width { get; init; } = 760;

    /// <summary>Height in pixels.</summary>
    public double Height { get; init; } = 440;

    /// <summary>Series added so far.</summary>
    public IReadOnlyList<Series> Series => _series;

    /// <summary>Adds a series.</summary>
    public LinePlot Add(Series series)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.X.Count != series.Y.Count)
        {
            throw new ArgumentException($"series '{series.Name}': x has {series.X.Count} points, y has {series.Y.Count}");
        }

        _series.Add(series);
        return this;
    }

    /// <summary>Writes the SVG file atomically.</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, ToSvg());

    /// <summary>The SVG document.</summary>
    public string ToSvg()
    {
        var c = new SvgCanvas(Width, Height);
        double pw = Width - Left - Right, ph = Height - Top - Bottom;
        var (x0, x1) = Range(X, _series.SelectMany(s => s.X));
        var (y0, y1) = Range(Y, _series.SelectMany(s => s.Y.Concat(s.Lower ?? []).Concat(s.Upper ?? [])));
        double Px(double x) => Left + (pw * (Map(X, x) - Map(X, x0)) / (Map(X, x1) - Map(X, x0)));
        double Py(double y) => Top + ph - (ph * (Map(Y, y) - Map(Y, y0)) / (Map(Y, y1) - Map(Y, y0)));
        if (Title.Length > 0)
        {
            c.Text(Width / 2, 24, Title, 15, "middle", weight: "bold");
        }

        foreach (var t in X.Scale == AxisScale.Log ? Ticks.Log(x0, x1) : Ticks.Linear(x0, x1))
        {
            var px = Px(t);
            c.Line(px, Top, px, Top + ph, "#e6e6e6");
            c.Line(px, Top + ph, px, Top + ph + 5, "#444");
            c.Text(px, Top + ph + 19, TickLabel(t, X.Unit), 11, "middle");
        }

        foreach (var t in Y.Scale == AxisScale.Log ? Ticks.Log(y0, y1) : Ticks.Linear(y0, y1))
        {
            var py = Py(t);
            c.Line(Left, py, Left + pw, py, "#e6e6e6");
            c.Line(Left - 5, py, Left, py, "#444");
            c.Text(Left - 8, py + 4, TickLabel(t, Y.Unit), 11, "end");
        }

        c.Rect(Left, Top, pw, ph, "none", "#444");
        c.Text(Left + (pw / 2), Height - 14, X.Title, 13, "middle");
        c.Text(18, Top + (ph / 2), Y.Title, 13, "middle", rotate: -90);
        for (var k = 0; k < _series.Count; k++)
        {
            var s = _series[k];
            var color = s.Color ?? Palette[k % Palette.Length];
            if (s.Lower is not null && s.Upper is not null)
            {
                var stride = Math.Max(1, s.X.Count / 1000); // bands are smooth: about 1000 vertices per edge is plenty
                var idx = Enumerable.Range(0, s.X.Count).Where(i => (i % stride == 0 || i == s.X.Count - 1) && Finite(s.X[i], s.Lower[i]) && Finite(s.X[i], s.Upper[i])).ToList();
                var band = idx.Select(i => (Px(s.X[i]), Py(Math.Clamp(s.Upper[i], y0, y1)))).ToList();
                band.AddRange(Enumerable.Reverse(idx).Select(i => (Px(s.X[i]), Py(Math.Clamp(s.Lower[i], y0, y1)))));
                c.Polygon(band, color, 0.18);
            }

            foreach (var run in Runs(s, x0, x1, y0, y1))
            {
                var pts = Decimate(run.Select(p => (Px(p.X), Py(p.Y))).ToList());
                if (s.Style == LineStyle.Markers)
                {
                    foreach (var (px, py) in pts)
                    {
                        c.Circle(px, py, 2.6, color);
                    }
                }
                else
                {
                    c.Polyline(pts, color, 1.7, s.Style == LineStyle.Dashed ? "6,4" : null);
                }
            }
        }

        var pixels = _series.SelectMany(ser => Enumerable.Range(0, ser.X.Count)
            .Where(i => double.IsFinite(ser.X[i]) && double.IsFinite(ser.Y[i]) && (X.Scale == AxisScale.Linear || ser.X[i] > 0) && (Y.Scale == AxisScale.Linear || ser.Y[i] > 0))
            .Select(i => (Px(ser.X[i]), Py(ser.Y[i])))).ToList();
        Legend(c, pw, ph, pixels);
        return c.ToString();
    }

    private void Legend(SvgCanvas c, double pw, double ph, List<(double X, double Y)> pixels)
    {
        if (_series.Count < 2 && (_series.Count == 0 || _series[0].Name.Length == 0))
        {
            return;
        }

        var longest = _series.Max(s => s.Name.Length);
        var w = 34 + (longest * 6.6);
        var h = 8 + (_series.Count * 17);
        // the corner that hides the fewest data points (top right, top left, bottom right, bottom left)
        var corners = new[] { (Left + pw - w - 8, Top + 8), (Left + 8, Top + 8), (Left + pw - w - 8, Top + ph - h - 8), (Left + 8, Top + ph - h - 8) };
        var (x, y) = corners.MinBy(k => pixels.Count(p => p.X >= k.Item1 - 4 && p.X <= k.Item1 + w + 4 && p.Y >= k.Item2 - 4 && p.Y <= k.Item2 + h + 4));
        c.Rect(x, y, w, h, "white", "#bbb");
        for (var k = 0; k < _series.Count; k++)
        {
            var color = _series[k].Color ?? Palette[k % Palette.Length];
            var ly = y + 14 + (k * 17);
            c.Line(x + 6, ly - 4, x + 26, ly - 4, color, 2.2, _series[k].Style == LineStyle.Dashed ? "6,4" : null);
            c.Text(x + 31, ly, _series[k].Name, 11);
        }
    }

    private static string TickLabel(double v, string unit) =>
        unit.Length == 0 && Math.Abs(v) >= 1e-3 && Math.Abs(v) < 1e4
            ? Math.Round(v, 10).ToString("G4", System.Globalization.CultureInfo.InvariantCulture)
            : SiFormat.Format(v, unit, 3);

    private static bool Finite(double a, double b) => double.IsFinite(a) && double.IsFinite(b);

    private static double Map(Axis a, double v) => a.Scale == AxisScale.Log ? Math.Log10(v) : v;

    private static (double Lo, double Hi) Range(Axis axis, IEnumerable<double> values)
    {
        var v = values.Where(d => double.IsFinite(d) && (axis.Scale == AxisScale.Linear || d > 0)).ToList();
        double lo = v.Count > 0 ? v.Min() : (axis.Scale == AxisScale.Log ? 1 : 0);
        double hi = v.Count > 0 ? v.Max() : (axis.Scale == AxisScale.Log ? 10 : 1);
        if (axis.Scale == AxisScale.Log)
        {
            if (hi <= lo)
            {
                (lo, hi) = (lo / 10, hi * 10);
            }

            return (axis.Min ?? Math.Pow(10, Math.Floor(Math.Log10(lo))), axis.Max ?? Math.Pow(10, Math.Ceiling(Math.Log10(hi))));
        }

        var (nlo, nhi) = Ticks.NiceRange(lo, hi);
        return (axis.Min ?? nlo, axis.Max ?? nhi);
    }

    private IEnumerable<List<(double X, double Y)>> Runs(Series s, double x0, double x1, double y0, double y1)
    {
        var run = new List<(double X, double Y)>();
        for (var i = 0; i < s.X.Count; i++)
        {
            var ok = double.IsFinite(s.X[i]) && double.IsFinite(s.Y[i]) &&
                     (X.Scale == AxisScale.Linear || s.X[i] > 0) && (Y.Scale == AxisScale.Linear || s.Y[i] > 0);
            if (ok)
            {
                run.Add((Math.Clamp(s.X[i], x0, x1), Math.Clamp(s.Y[i], y0, y1)));
            }
            else if (run.Count > 0)
            {
                yield return run;
                run = [];
            }
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }

    /// <summary>Keeps first, last, min and max of y per pixel column (and every point when x is not monotonic).</summary>
    private static List<(double X, double Y)> Decimate(List<(double X, double Y)> pts)
    {
        if (pts.Count < 2000)
        {
            return pts;
        }

        var result = new List<(double X, double Y)>();
        var i = 0;
        while (i < pts.Count)
        {
            var col = Math.Floor(pts[i].X * 2);
            var j = i;
            int lo = i, hi = i;
            while (j < pts.Count && Math.Floor(pts[j].X * 2) == col)
            {
                if (pts[j].Y < pts[lo].Y)
                {
                    lo = j;
                }

                if (pts[j].Y > pts[hi].Y)
                {
                    hi = j;
                }

                j++;
            }

            foreach (var k in new[] { i, lo, hi, j - 1 }.Distinct().Order())
            {
                result.Add(pts[k]);
            }

            i = j;
        }

        return result;
    }
}
