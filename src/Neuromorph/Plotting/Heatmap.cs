using System.Globalization;
using Neuromorph.Io;
using Neuromorph.Units;

namespace Neuromorph.Plotting;

/// <summary>
/// A heatmap of a matrix of values (rows × columns) as SVG with a colour bar, in the perceptually uniform
/// viridis map: crossbar conductance or current maps, or a metric over two study parameters. NaN cells are grey.
/// </summary>
public sealed class Heatmap(double[,] values)
{
    private static readonly (double R, double G, double B)[] Viridis =
    [
        (68, 1, 84), (72, 40, 120), (62, 74, 137), (49, 104, 142), (38, 130, 142), (31, 158, 137), (53, 183, 121), (109, 205, 89), (180, 222, 44), (253, 231, 37),
    ];

    /// <summary>Title.</summary>
    public string Title { get; init; } = "";

    /// <summary>Label of the columns (x) axis.</summary>
    public string XLabel { get; init; } = "column";

    /// <summary>Label of the rows (y) axis.</summary>
    public string YLabel { get; init; } = "row";

    /// <summary>Quantity and unit shown on the colour bar.</summary>
    public string ValueLabel { get; init; } = "";

    /// <summary>Unit of the values (ticks get SI prefixes).</summary>
    public string ValueUnit { get; init; } = "";

    /// <summary>Tick labels for columns (null: indices).</summary>
    public IReadOnlyList<string>? XTicks { get; init; }

    /// <summary>Tick labels for rows (null: indices).</summary>
    public IReadOnlyList<string>? YTicks { get; init; }

    /// <summary>Writes the SVG file atomically.</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, ToSvg());

    /// <summary>The SVG document.</summary>
    public string ToSvg()
    {
        ArgumentNullException.ThrowIfNull(values);
        int rows = values.GetLength(0), cols = values.GetLength(1);
        const double left = 90, top = 44, right = 110, bottom = 60;
        var cell = Math.Clamp(560.0 / Math.Max(rows, cols), 2, 60);
        double w = cols * cell, h = rows * cell;
        var c = new SvgCanvas(left + w + right, top + h + bottom);
        var finite = values.Cast<double>().Where(double.IsFinite).ToList();
        double lo = finite.Count > 0 ? finite.Min() : 0, hi = finite.Count > 0 ? finite.Max() : 1;
        if (!(hi > lo))
        {
            hi = lo + 1;
        }

        if (Title.Length > 0)
        {
            c.Text((left + w + right) / 2, 26, Title, 15, "middle", weight: "bold");
        }

        for (var r = 0; r < rows; r++)
        {
            for (var k = 0; k < cols; k++)
            {
                var v = values[r, k];
                c.Rect(left + (k * cell), top + (r * cell), cell + 0.3, cell + 0.3, double.IsFinite(v) ? Color((v - lo) / (hi - lo)) : "#bbbbbb");
            }
        }

        c.Rect(left, top, w, h, "none", "#444");
        var xStep = Math.Max(1, (int)Math.Ceiling(cols / 12.0));
        for (var k = 0; k < cols; k += xStep)
        {
            c.Text(left + ((k + 0.5) * cell), top + h + 16, XTicks?[k] ?? k.ToString(CultureInfo.InvariantCulture), 10, "middle");
        }

        var yStep = Math.Max(1, (int)Math.Ceiling(rows / 12.0));
        for (var r = 0; r < rows; r += yStep)
        {
            c.Text(left - 6, top + ((r + 0.5) * cell) + 4, YTicks?[r] ?? r.ToString(CultureInfo.InvariantCulture), 10, "end");
        }

        c.Text(left + (w / 2), top + h + 42, XLabel, 13, "middle");
        c.Text(20, top + (h / 2), YLabel, 13, "middle", rotate: -90);
        var bx = left + w + 24;
        const int steps = 64;
        for (var s = 0; s < steps; s++)
        {
            c.Rect(bx, top + h - ((s + 1) * h / steps), 16, (h / steps) + 0.5, Color((s + 0.5) / steps));
        }

        c.Rect(bx, top, 16, h, "none", "#444");
        foreach (var t in Ticks.Linear(lo, hi, 5))
        {
            var y = top + h - ((t - lo) / (hi - lo) * h);
            c.Line(bx + 16, y, bx + 20, y, "#444");
            c.Text(bx + 23, y + 4, ValueUnit.Length == 0 && Math.Abs(t) >= 1e-3 && Math.Abs(t) < 1e4 ? Math.Round(t, 10).ToString("G4", CultureInfo.InvariantCulture) : SiFormat.Format(t, ValueUnit, 3), 10);
        }

        if (ValueLabel.Length > 0)
        {
            c.Text(bx + 95, top + (h / 2), ValueLabel, 12, "middle", rotate: 90);
        }

        return c.ToString();
    }

    /// <summary>Viridis colour for u in [0, 1].</summary>
    public static string Color(double u)
    {
        u = Math.Clamp(u, 0, 1) * (Viridis.Length - 1);
        var i = Math.Min((int)u, Viridis.Length - 2);
        var f = u - i;
        int Mix(double a, double b) => (int)Math.Round(a + ((b - a) * f));
        var (r0, g0, b0) = Viridis[i];
        var (r1, g1, b1) = Viridis[i + 1];
        return $"#{Mix(r0, r1):x2}{Mix(g0, g1):x2}{Mix(b0, b1):x2}";
    }
}
