using System.Xml.Linq;
using Neuromorph.Experiments.Minimize;
using Neuromorph.Figures;
using Neuromorph.Optimization;
using Neuromorph.Plotting;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Plotting;

/// <summary>
/// Figures with many series stay readable: the legend goes outside in columns and stays inside the image (entries it
/// has no room for are summarised), and no two of the first 48 series share colour and dash pattern. Log-spaced time
/// samples get a log time axis.
/// </summary>
public class ManySeriesTests
{
    private static Figure Many(int series, int panels)
    {
        var f = Enumerable.Range(0, 50).Select(i => Math.Pow(10, 1 + (i * 0.08))).ToArray();
        Panel Panel(string quantity) => new(FigureAxis.Log("Frequency", "Hz"), new FigureAxis(quantity, "dB"),
            [.. Enumerable.Range(0, series).Select(k => (Layer)new LineSeries($"20·log10 vm(n{k}) gain = {(k % 3) + 1}", f, [.. f.Select(x => (-0.5 * k) - (x * 1e-4))]))]);
        return new Figure("ac", [.. Enumerable.Range(0, panels).Select(p => Panel($"Magnitude {p}"))]) { Title = "ac analysis (Bode plot)", SharedX = true };
    }

    [Theory]
    [InlineData(44, 2)]
    [InlineData(44, 1)]
    [InlineData(200, 1)]
    [InlineData(12, 2)]
    public void A_long_legend_goes_outside_in_columns_and_stays_inside_the_image(int series, int panels)
    {
        var figure = Many(series, panels);
        var frames = FigureLayout.Frames(figure);
        foreach (var (frame, panel) in frames.Zip(figure.Panels))
        {
            Assert.Equal(LegendPlacement.Outside, frame.Legend);
            var plan = LegendColumns.Plan(panel, frame.DataHeight);
            Assert.True(frame.Right >= plan.Width, $"right margin {frame.Right} < legend {plan.Width}");
            Assert.True(frame.DataWidth >= 0.5 * figure.Width, $"data area only {frame.DataWidth} px wide");
            Assert.Equal(frames[0].Width, frame.Width);
            Assert.True(plan.Rows * plan.Columns >= plan.Shown + (plan.Hidden > 0 ? 1 : 0));
            Assert.Equal(series, plan.Shown + plan.Hidden);
            Assert.True(plan.Columns > 1, $"{series} entries in one column");
        }

        var png = PngImage.Decode(new ScottPlotRenderer().RenderPng(figure));
        Assert.Equal(2 * frames[0].Width, png.Width);
        // nothing of the legend (box, symbols, text) reaches the right edge of the image
        var strip = 6 * png.Height;
        Assert.Equal(strip, png.CountColor("#FFFFFF", png.Width - 6, 0, png.Width - 1, png.Height - 1, 8));
        var text = string.Concat(XDocument.Parse(System.Text.Encoding.UTF8.GetString(ScottPlotRenderer.RenderSvg(figure))).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim() + "|"));
        var last = LegendColumns.Plan(figure.Panels[0], frames[0].DataHeight);
        if (last.Hidden > 0)
        {
            Assert.True(text.Contains($"… and {last.Hidden} more|", StringComparison.Ordinal), text[..Math.Min(3000, text.Length)]);
            Assert.DoesNotContain($"vm(n{series - 1})", text, StringComparison.Ordinal);
        }
        else
        {
            Assert.True(text.Contains($"vm(n{series - 1})", StringComparison.Ordinal), text[..Math.Min(3000, text.Length)]);
        }
    }

    [Fact]
    public void No_two_of_the_first_48_series_share_colour_and_dash_pattern()
    {
        Assert.True(SeriesLooks.Distinct >= 48);
        var layers = Enumerable.Range(0, SeriesLooks.Distinct).Select(k => (Layer)new LineSeries($"s{k}", [0, 1], [k, k])).ToList();
        var colors = PanelPlot.LayerColors(layers);
        var patterns = SeriesLooks.PatternIndices(layers);
        var looks = colors.Zip(patterns).ToList();
        Assert.Equal(looks.Count, looks.Distinct().Count());
        // the first round keeps the series' own style: figures of up to 8 series look as before
        Assert.All(patterns.Take(8), p => Assert.Equal(-1, p));
        Assert.All(patterns.Skip(8), p => Assert.True(p > 0));
        // a band or a series with its own colour takes no palette colour and keeps its style
        var mixed = new List<Layer> { new Band("", [0, 1], [0, 0], [1, 1]) }.Concat(layers.Take(9)).Append(new LineSeries("own", [0, 1], [0, 1]) { Color = "#123456" }).ToList();
        Assert.Equal(-1, SeriesLooks.PatternIndices(mixed)[0]);
        Assert.Equal(1, SeriesLooks.PatternIndices(mixed)[9]);
        Assert.Equal(-1, SeriesLooks.PatternIndices(mixed)[^1]);
    }

    [Fact]
    public void Log_spaced_samples_want_a_log_axis()
    {
        double[] logSpaced = [0, .. Enumerable.Range(0, 60).Select(i => Math.Pow(10, -2 + (i * 0.07)))];
        Assert.True(SampleSpacing.WantsLogAxis(logSpaced));
        Assert.False(SampleSpacing.WantsLogAxis([.. Enumerable.Range(0, 100).Select(i => i * 1.5)]));
        Assert.False(SampleSpacing.WantsLogAxis([1, 2, 3, 5]));
        Assert.False(SampleSpacing.WantsLogAxis([-1, .. logSpaced]));
        Assert.False(SampleSpacing.WantsLogAxis([0, 0, 0]));
        Assert.False(SampleSpacing.WantsLogAxis([]));
    }

    [Fact]
    public void The_memory_figure_of_log_spaced_samples_has_a_log_time_axis_without_t_0()
    {
        var record = new DynamicsRecord(0, ["v1"], ["xs_mean", "xl_mean", "unsatisfied_clauses"]);
        double[] times = [0, .. Enumerable.Range(0, 40).Select(i => Math.Pow(10, -2 + (i * 0.1)))];
        foreach (var t in times)
        {
            record.Add(t, t, [0.5], [0.5, 1 + t, Math.Max(0, 20 - t)]);
        }

        var figure = MinimizeFigures.Memory(record);
        Assert.All(figure.Panels, p => Assert.Equal(AxisScale.Log, p.X.Scale));
        Assert.All(figure.Panels.SelectMany(p => p.Layers.OfType<LineSeries>()), s => Assert.Equal(40, s.X.Count(x => x > 0)));
        Assert.All(figure.Panels.SelectMany(p => p.Layers.OfType<LineSeries>()), s => Assert.Equal(40, s.X.Count));
        Assert.True(figure.Panels.Single(p => p.Y.Label == "Unsatisfied clauses").Y.IntegerTicks);
        Assert.Empty(FigureChecks.Warnings(figure)); // t = 0 is left out of the series, not dropped with a warning

        var linear = new DynamicsRecord(0, ["v1"], ["xs_mean"]);
        for (var i = 0; i <= 40; i++)
        {
            linear.Add(i * 0.5, 0, [0.5], [0.5]);
        }

        Assert.Equal(AxisScale.Linear, MinimizeFigures.Memory(linear).Panels[0].X.Scale);
    }
}
