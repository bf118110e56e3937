using Neuromorph.Figures;
using Neuromorph.Plotting;
using Neuromorph.Units;

namespace Neuromorph.Tests.Plotting;

/// <summary>The pure parts of plotting: tick marks and labels, thinning, histograms, rasters, colours, format names.</summary>
public class FigureDataTests
{
    [Theory]
    [InlineData(1.5e-3, "A", "1.5 mA")]
    [InlineData(2e-5, "s", "20 µs")]
    [InlineData(3300, "Ω", "3.3 kΩ")]
    [InlineData(0, "V", "0 V")]
    [InlineData(-4.7e-9, "F", "-4.7 nF")]
    public void Si_format_uses_prefixes(double v, string unit, string expected) => Assert.Equal(expected, SiFormat.Format(v, unit));

    [Fact]
    public void Si_format_with_few_digits_does_not_throw_on_hundreds() => Assert.Equal("500 ms", SiFormat.Format(0.5, "s", 2));

    [Fact]
    public void Linear_ticks_are_1_2_5_steps_with_si_labels()
    {
        var t = TickMarks.Linear(0, 2, 600, 90, "s", false);
        Assert.Equal([0, 0.5, 1, 1.5, 2], t.Major.Select(v => Math.Round(v, 12)));
        Assert.Equal(["0 s", "500 ms", "1 s", "1.5 s", "2 s"], t.Labels);
        Assert.Equal(21, t.Minor.Length); // fifths of 0.5 from 0 to 2
        var small = TickMarks.Linear(-1.2e-4, 1.2e-4, 300, 46, "A", false);
        Assert.Contains("-100 µA", small.Labels);
        Assert.Contains("0 A", small.Labels);
        var plain = TickMarks.Linear(0, 1, 300, 46, "", false);
        Assert.Equal(["0", "0.2", "0.4", "0.6", "0.8", "1.0"], plain.Labels);
        Assert.Equal([1, 2, 3, 4, 5], TickMarks.Linear(1, 5, 300, 40, "", true).Major);
    }

    [Fact]
    public void Log_ticks_are_decades_labelled_with_prefixes_or_powers()
    {
        var t = TickMarks.Log(-6, -3, 300, 46, "A");
        Assert.Equal(["1 µA", "10 µA", "100 µA", "1 mA"], t.Labels);
        Assert.Contains(Math.Log10(2e-6), t.Minor);
        Assert.Equal(["10⁻⁸", "10⁻⁷", "10⁻⁶"], TickMarks.Log(-8, -6, 300, 46, "").Labels);
        Assert.Equal(["0.01", "0.1", "1", "10"], TickMarks.Log(-2, 1, 300, 46, "").Labels);
        var wide = TickMarks.Log(-15, 5, 200, 46, "");
        Assert.True(wide.Major.Length <= 6, "twenty decades on a short axis are thinned");
    }

    [Fact]
    public void Thinning_keeps_the_envelope_of_monotonic_data_and_the_shape_of_loops()
    {
        var n = 100_000;
        var x = Enumerable.Range(0, n).Select(i => (double)i).ToArray();
        var y = x.Select(v => Math.Sin(v * 0.01) + (v == 77_777 ? 10 : 0) - (v == 12_345 ? 10 : 0)).ToArray();
        var keep = Thinning.Keep(x, y, 700.0 / n, 100);
        Assert.True(keep.Length <= 4 * 701, $"{keep.Length} points kept for 700 columns");
        Assert.Contains(77_777, keep);
        Assert.Contains(12_345, keep);
        Assert.Equal(0, keep[0]);
        Assert.Equal(n - 1, keep[^1]);
        Assert.True(keep.Zip(keep.Skip(1)).All(p => p.First < p.Second));
        var phase = Enumerable.Range(0, n).Select(i => 4 * Math.PI * i / n).ToArray();
        var lx = phase.Select(Math.Sin).ToArray();
        var ly = phase.Select(p => Math.Sin(p) * Math.Cos(p)).ToArray();
        var loop = Thinning.Keep(lx, ly, 300, 300);
        Assert.False(Thinning.Monotonic(lx));
        Assert.True(loop.Length < n / 10, $"{loop.Length} of {n} loop points kept");
        // every dropped point lies within a pixel of the kept polyline's vertices
        var kept = loop.Select(i => (lx[i], ly[i])).ToArray();
        for (var i = 0; i < n; i += 997)
        {
            var d = kept.Min(k => Math.Max(Math.Abs(k.Item1 - lx[i]), Math.Abs(k.Item2 - ly[i]))) * 300;
            Assert.True(d < 1.5, $"point {i} is {d:F2} px from the thinned loop");
        }
    }

    [Fact]
    public void Histogram_of_integer_cuts_has_one_bar_per_value()
    {
        var bars = Histogram.Of("cuts", [11620, 11624, 11624, 11621, 11624]);
        Assert.Equal([11620, 11621, 11622, 11623, 11624], bars.Positions);
        Assert.Equal([1, 1, 0, 0, 3], bars.Heights);
        var wide = Histogram.Of("e", Enumerable.Range(0, 100).Select(i => i * 0.5));
        Assert.Equal(10, wide.Heights.Count);
        Assert.Equal(100, wide.Heights.Sum());
    }

    [Fact]
    public void Raster_interpolates_states_onto_a_uniform_time_grid()
    {
        double[] times = [0, 1, 3];
        List<double[]> states = [[0, 1], [1, 1], [3, 0]];
        var (map, rows) = Raster.Of(times, states, new FigureAxis("x"), columns: 6);
        Assert.Equal([0, 1], rows);
        Assert.Equal((0.0, 3.0), map.XExtent);
        Assert.Equal(6, map.Values.GetLength(1));
        // column centres at 0.25, 0.75, ... 2.75: state 0 is t on [0, 1] then 1 + (t - 1) = t on [1, 3]
        for (var c = 0; c < 6; c++)
        {
            var t = (c + 0.5) * 0.5;
            Assert.Equal(t, map.Values[0, c], 12);
            Assert.Equal(t <= 1 ? 1 : 1 - ((t - 1) / 2), map.Values[1, c], 12);
        }
    }

    [Fact]
    public void Bands_take_the_colour_of_the_line_they_surround()
    {
        Layer[] layers = [new LineSeries("a", [0], [0]), new Band("", [0], [0], [0]), new LineSeries("b", [0], [0]), new ReferenceLine("opt", 1)];
        Assert.Equal([Palette.At(0), Palette.At(1), Palette.At(1), Palette.Reference], PanelPlot.LayerColors(layers));
    }

    [Theory]
    [InlineData("png", PlotFormats.Png)]
    [InlineData("SVG", PlotFormats.Svg)]
    [InlineData("both", PlotFormats.Both)]
    [InlineData("none", PlotFormats.None)]
    [InlineData("jpeg", null)]
    public void Plot_format_names_parse(string text, PlotFormats? expected) => Assert.Equal(expected, PlotFormatNames.Parse(text));
}
