using System.Xml.Linq;
using Neuromorph.Figures;
using Neuromorph.Plotting;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Plotting;

/// <summary>
/// Figures rendered by the ScottPlot renderer, checked from the outside: PNGs decoded by the tests' own reader (size,
/// not blank, the series colour at the pixels where the data is), SVGs parsed as XML.
/// </summary>
public class RenderTests
{
    private static readonly ScottPlotRenderer Renderer = new();
    private const string Blue = "#0072B2";
    private const string Vermillion = "#D55E00";

    /// <summary>Pixel of data point (x, y) of panel <paramref name="k"/> in the PNG (twice the logical density).</summary>
    private static (int X, int Y) Pixel(Figure figure, int k, double x, double y)
    {
        var frames = FigureLayout.Frames(figure);
        var f = frames[k];
        var top = frames.Take(k).Sum(p => p.Height);
        var px = f.Left + ((x - f.X.Lo) * f.PixelsPerX);
        var py = top + f.Top + ((f.Y.Hi - y) * f.PixelsPerY);
        return ((int)Math.Round(px * ScottPlotRenderer.PngDensity), (int)Math.Round(py * ScottPlotRenderer.PngDensity));
    }

    private static Figure Sine(int points = 400)
    {
        var t = Enumerable.Range(0, points).Select(i => i * 1e-3 / (points - 1)).ToArray();
        var panel = new Panel(new FigureAxis("Time", "s"), new FigureAxis("Voltage", "V"),
        [
            new LineSeries("v(in)", t, [.. t.Select(x => Math.Sin(2 * Math.PI * 1e3 * x))]),
            new LineSeries("v(ref)", t, [.. t.Select(_ => 0.5)]),
        ]) { Legend = LegendPlacement.None };
        return Figure.Single("sine", panel) with { Title = "A sine & <its> reference" };
    }

    [Fact]
    public void Png_has_twice_the_logical_size_and_the_series_colours_where_the_data_is()
    {
        var figure = Sine();
        var png = PngImage.Decode(Renderer.RenderPng(figure));
        Assert.Equal((2 * figure.Width, 2 * figure.Height), (png.Width, png.Height));
        Assert.True(png.DistinctColors() > 20, "the image is blank");
        foreach (var x in new[] { 0.1e-3, 0.25e-3, 0.6e-3, 0.9e-3 })
        {
            var (px, py) = Pixel(figure, 0, x, Math.Sin(2 * Math.PI * 1e3 * x));
            Assert.True(png.HasColor(Blue, px - 4, py - 4, px + 4, py + 4), $"sine colour missing near t = {x} (pixel {px}, {py})");
            var (rx, ry) = Pixel(figure, 0, x, 0.5);
            Assert.True(png.HasColor(Vermillion, rx - 3, ry - 3, rx + 3, ry + 3), $"reference colour missing at t = {x}");
        }

        // nowhere near the data: between the curves' extremes below -1 there is nothing blue
        var (ax, ay) = Pixel(figure, 0, 0.5e-3, -1.045);
        Assert.False(png.HasColor(Blue, ax - 20, ay - 2, ax + 20, ay + 2, 30));
    }

    [Fact]
    public void Svg_is_xml_of_the_declared_size_with_text_kept_as_text()
    {
        var figure = Sine();
        var doc = XDocument.Parse(System.Text.Encoding.UTF8.GetString(ScottPlotRenderer.RenderSvg(figure)));
        Assert.Equal("svg", doc.Root!.Name.LocalName);
        Assert.Equal(figure.Width.ToString(System.Globalization.CultureInfo.InvariantCulture), doc.Root.Attribute("width")?.Value);
        Assert.Contains("A sine & <its> reference", doc.Root.Value, StringComparison.Ordinal);
        Assert.Contains("Voltage (V)", doc.Root.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_puts_png_and_svg_atomically_beside_each_other()
    {
        using var dir = new TempDirectory("nm-render");
        var files = Renderer.Write(Sine(), dir, PlotFormats.Both);
        Assert.Equal([Path.Combine(dir, "sine.png"), Path.Combine(dir, "sine.svg")], files);
        Assert.Equal(2, Directory.GetFiles(dir).Length); // no temporary files left
        Assert.Single(Renderer.Write(Sine(), dir, PlotFormats.Svg));
    }

    [Fact]
    public void A_transient_of_100000_points_stays_small_and_keeps_its_spike()
    {
        const int n = 100_000;
        var t = Enumerable.Range(0, n).Select(i => i * 1e-6).ToArray();
        var y = t.Select((x, i) => (0.1 * Math.Sin(i * 0.37)) + (i == 61_803 ? 5 : 0)).ToArray();
        var figure = Figure.Single("long", new Panel(new FigureAxis("Time", "s"), new FigureAxis("Current", "A"), [new LineSeries("i", t, y)]) { Legend = LegendPlacement.None });
        var svg = ScottPlotRenderer.RenderSvg(figure);
        Assert.True(svg.Length < 500_000, $"SVG of 10^5 points: {svg.Length} bytes");
        XDocument.Parse(System.Text.Encoding.UTF8.GetString(svg));
        var png = PngImage.Decode(Renderer.RenderPng(figure));
        var (px, py) = Pixel(figure, 0, t[61_803], 5);
        Assert.True(png.HasColor(Blue, px - 3, py - 3, px + 3, py + 3), "the one-sample spike was thinned away");
    }

    [Fact]
    public void Log_axes_leave_out_non_positive_values_with_a_warning()
    {
        double[] x = [1e-3, 1e-2, 1e-1, 1, 10];
        double[] y = [1e-9, -1e-8, 1e-7, 0, 1e-5];
        var figure = Figure.Single("log", new Panel(FigureAxis.Log("Frequency", "Hz"), FigureAxis.Log("Current", "A"), [new LineSeries("i", x, y) { Style = LineStyle.LineAndMarkers }]));
        var warnings = FigureChecks.Warnings(figure);
        Assert.Equal("figure 'log': 2 of 5 values of i are ≤ 0 and are left out on the logarithmic y axis", Assert.Single(warnings));
        Assert.True(FigureChecks.EveryLogPanelHasData(figure));
        var png = PngImage.Decode(Renderer.RenderPng(figure));
        var (px, py) = Pixel(figure, 0, Math.Log10(1e-1), Math.Log10(1e-7));
        Assert.True(png.HasColor(Blue, px - 5, py - 5, px + 5, py + 5), "a positive point is missing");
        var none = figure with { Panels = [figure.Panels[0] with { Layers = [new LineSeries("i", x, [0, -1, 0, -2, -3])] }] };
        Assert.False(FigureChecks.EveryLogPanelHasData(none));
        Assert.Contains("every value of i is ≤ 0", Assert.Single(FigureChecks.Warnings(none)), StringComparison.Ordinal);
    }

    [Fact]
    public void Heatmap_spans_viridis_with_grey_nan_cells_and_a_colour_bar()
    {
        var values = new double[,] { { 0, 1, 2 }, { 3, double.NaN, 5 } };
        var figure = Figure.Single("map", new Panel(new FigureAxis("column"), new FigureAxis("row"), [new HeatmapLayer(values, new FigureAxis("G", "S"))]));
        var png = PngImage.Decode(Renderer.RenderPng(figure));
        var frame = FigureLayout.Frames(figure)[0];
        // row 0 at the top: the lowest value (dark purple) is the top-left cell, the highest (yellow) the bottom right
        var (x00, y00) = Pixel(figure, 0, 0, 1);
        var (x12, y12) = Pixel(figure, 0, 2, 0);
        var (x11, y11) = Pixel(figure, 0, 1, 0);
        Assert.True(png.HasColor("#440154", x00 - 3, y00 - 3, x00 + 3, y00 + 3, 20), "lowest value not dark purple at the top left");
        Assert.True(png.HasColor("#FDE725", x12 - 3, y12 - 3, x12 + 3, y12 + 3, 20), "highest value not yellow at the bottom right");
        Assert.True(png.HasColor("#BBBBBB", x11 - 3, y11 - 3, x11 + 3, y11 + 3, 8), "NaN cell not grey");
        // the colour bar, right of the data area, runs through the whole map
        var right = (int)((frame.Left + frame.DataWidth) * 2);
        Assert.True(png.HasColor("#FDE725", right, 0, png.Width - 1, png.Height / 2, 20));
        Assert.True(png.HasColor("#440154", right, png.Height / 2, png.Width - 1, png.Height - 1, 20));
    }

    [Fact]
    public void A_band_is_filled_in_its_line_colour_between_its_edges()
    {
        double[] x = [0, 1, 2, 3, 4];
        var mean = x.Select(v => v).ToArray();
        var figure = Figure.Single("band", new Panel(new FigureAxis("x"), new FigureAxis("y"),
        [
            new Band("", x, [.. mean.Select(m => m - 1)], [.. mean.Select(m => m + 1)]),
            new LineSeries("mean", x, mean),
        ]) { Legend = LegendPlacement.None });
        var png = PngImage.Decode(Renderer.RenderPng(figure));
        var (px, py) = Pixel(figure, 0, 2, 2.6);
        var p = png[px, py];
        Assert.True(p.B > p.R + 30 && p.R < 235, $"inside the band the pixel is {p}, not a light blue");
        var (ox, oy) = Pixel(figure, 0, 2.1, 3.6);
        var outside = png[ox, oy];
        Assert.True(Math.Abs(outside.B - outside.R) < 10 && outside.R > 200, $"outside the band the pixel is {outside}, not white or grid grey");
    }

    [Fact]
    public void Stacked_panels_share_one_x_range_and_stack_their_heights()
    {
        double[] t1 = [0, 1, 2], t2 = [0.5, 3];
        var figure = new Figure("stack", [
            new Panel(new FigureAxis("Time", "s"), new FigureAxis("Voltage", "V"), [new LineSeries("v", t1, [0, 1, 0])]),
            new Panel(new FigureAxis("Time", "s"), new FigureAxis("Current", "A"), [new LineSeries("i", t2, [1e-3, 2e-3])]),
        ]) { SharedX = true, Title = "stack" };
        var frames = FigureLayout.Frames(figure);
        Assert.Equal((0.0, 3.0), frames[0].X);
        Assert.Equal(frames[0].X, frames[1].X);
        Assert.Equal(frames[0].Left, frames[1].Left);
        Assert.False(frames[0].ShowXTitle);
        var png = PngImage.Decode(Renderer.RenderPng(figure));
        Assert.Equal(2 * ((2 * 260) + FigureLayout.TitleHeight), png.Height);
        var (px, py) = Pixel(figure, 1, 3, 2e-3);
        Assert.True(png.HasColor(Blue, px - 4, py - 4, px + 1, py + 4), "second panel's data missing where expected");
    }

    [Fact]
    public void The_legend_goes_to_the_corner_with_the_least_data()
    {
        // data fills the upper half: the legend must go to a lower corner
        var x = Enumerable.Range(0, 200).Select(i => i / 199.0).ToArray();
        var panel = new Panel(new FigureAxis("x"), new FigureAxis("y"),
        [
            new LineSeries("a", x, [.. x.Select(v => 0.8 + (0.2 * Math.Sin(20 * v)))]),
            new LineSeries("b", x, [.. x.Select(v => 0.9 + (0.1 * Math.Cos(20 * v)))]),
            new LineSeries("c", [0.8, 1], [0, 0]),
        ]);
        var figure = Figure.Single("legend", panel);
        var frame = FigureLayout.Frames(figure)[0];
        Assert.Equal(LegendPlacement.Auto, frame.Legend);
        var plot = PanelPlot.Build(panel, frame, Typefaces.Sans);
        Assert.True(plot.Legend.IsVisible);
        Assert.Equal(ScottPlot.Alignment.LowerLeft, plot.Legend.Alignment);

        // a sine filling the whole area leaves no free corner: the legend goes outside, beside the data
        var dense = Enumerable.Range(0, 2000).Select(i => i / 1999.0).ToArray();
        var full = Figure.Single("full", new Panel(new FigureAxis("x"), new FigureAxis("y"),
            [new LineSeries("target", dense, [.. dense.Select(v => Math.Sin(60 * v))]), new LineSeries("prediction", dense, [.. dense.Select(v => Math.Sin(60 * v) * 0.9)])]));
        var fullFrame = FigureLayout.Frames(full)[0];
        Assert.Equal(LegendPlacement.Outside, fullFrame.Legend);
        Assert.True(fullFrame.Right > 100, "no room was made for the legend");
    }
}
