using Neuromorph.Figures;
using Neuromorph.Plotting;

namespace Neuromorph.Tests.Plotting;

/// <summary>
/// Histograms put every value inside a bar drawn where the value is (all equal, non-integer, negative, single, huge),
/// and count axes are labelled with integers only.
/// </summary>
public class HistogramTests
{
    /// <summary>Every value lies inside exactly the bars whose counts include it, and the counts add up.</summary>
    private static void AssertCovers(Bars bars, double[] values)
    {
        Assert.Equal(values.Length, (int)bars.Heights.Sum());
        Assert.All(bars.Positions, p => Assert.True(double.IsFinite(p)));
        Assert.True(bars.BarWidth > 0 && double.IsFinite(bars.BarWidth), $"bar width {bars.BarWidth}");
        Assert.Equal(bars.Positions.Count, bars.Positions.Distinct().Count());
        // a value belongs to the bin around a bar: half the spacing of the bars (or the bar) either side
        var half = Math.Max(bars.BarWidth, bars.Positions.Count > 1 ? bars.Positions[1] - bars.Positions[0] : 0) / 2;
        foreach (var v in values)
        {
            var holding = Enumerable.Range(0, bars.Positions.Count).Where(k => bars.Heights[k] > 0 && Math.Abs(v - bars.Positions[k]) <= half * (1 + 1e-9)).ToList();
            Assert.True(holding.Count >= 1, $"value {v:R} lies in no drawn bar (bars at {string.Join(", ", bars.Positions)}, width {bars.BarWidth})");
        }
    }

    [Theory]
    [InlineData(new[] { -0.00208, -0.00208, -0.00208, -0.00208, -0.00208, -0.00208, -0.00208, -0.00208, -0.00208 })]
    [InlineData(new[] { 0.37 })]
    [InlineData(new[] { -12.5, -12.5 })]
    [InlineData(new[] { 0.0, 0.0, 0.0 })]
    [InlineData(new[] { 1e20, 1e20, 1e20, 1e20 })]
    [InlineData(new[] { 1e308, 1e308 })]
    [InlineData(new[] { 5e-324, 5e-324 })]
    [InlineData(new[] { 0.015167484380371344, 0.015167484380371344, 0.015167484380371346 })]
    public void All_equal_values_make_one_bar_centred_on_the_value(double[] values)
    {
        var bars = Histogram.Of("restarts", values);
        AssertCovers(bars, values);
        Assert.Single(bars.Heights, h => h > 0);
        var k = bars.Heights.ToList().FindIndex(h => h > 0);
        Assert.Equal(values[0], bars.Positions[k], Math.Abs(values[0]) * 1e-12);
        var panel = new Panel(new FigureAxis("Final objective"), new FigureAxis("Restarts") { IntegerTicks = true }, [bars]);
        var (lo, hi) = PanelRanges.X(panel);
        Assert.True(lo < values.Min() && values.Max() < hi, $"the value {values[0]:R} is outside the x range [{lo:R}, {hi:R}]");
    }

    [Theory]
    [InlineData(new[] { -0.3, 0.1, 0.25, 1.7, 2.2, 2.2, -0.3 })]
    [InlineData(new[] { -40.5, -3.25, -3.25, -1.0, -7.75 })]
    [InlineData(new[] { 9007199254740992.0, 9007199254740994.0, 9007199254740996.0, 9007199254740994.0 })]
    [InlineData(new[] { -1e308, 1e308, 0.0, 5.0 })]
    [InlineData(new[] { -1.0, -2.0, -2.0, -5.0 })]
    [InlineData(new[] { 1e20, 1e20 + 16384, 1e20 + 32768 })]
    public void Values_lie_in_the_bars_that_count_them(double[] values) => AssertCovers(Histogram.Of("restarts", values), values);

    [Fact]
    public void Integer_values_get_one_bar_per_integer_and_an_integer_axis()
    {
        var bars = Histogram.Of("restarts", [-2, -2, 0, 1]);
        Assert.Equal([-2.0, -1, 0, 1], bars.Positions);
        Assert.Equal([2.0, 0, 1, 1], bars.Heights);
        Assert.True(Histogram.Integral([-2, -2, 0, 1]));
        Assert.True(Histogram.Integral([0, 0, 0, double.NaN]));
        Assert.False(Histogram.Integral([0, 0.5]));
        Assert.False(Histogram.Integral([1e300]));
    }

    [Fact]
    public void Count_axes_are_labelled_with_integers_only()
    {
        foreach (var (lo, hi) in new[] { (0.0, 12.6), (0, 13.65), (0, 1.05), (-0.44, 0.44), (0, 26.25), (0, 3.15), (-0.5, 7.5), (0, 1250) })
        {
            foreach (var pixels in new[] { 120.0, 300, 600 })
            {
                var ticks = TickMarks.Linear(lo, hi, pixels, 46, "", integer: true);
                Assert.All(ticks.Major, t => Assert.Equal(Math.Round(t), t));
                Assert.All(ticks.Minor, t => Assert.Equal(Math.Round(t), t));
                Assert.All(ticks.Labels, l => Assert.DoesNotContain(".", l, StringComparison.Ordinal));
            }
        }

        Assert.Equal(["0"], TickMarks.Linear(-0.44, 0.44, 600, 90, "", integer: true).Labels);
        Assert.Contains("10", TickMarks.Linear(0, 12.6, 300, 46, "", integer: true).Labels);
    }

    [Fact]
    public void The_final_histogram_of_integer_objectives_has_an_integer_x_axis()
    {
        var panel = Neuromorph.Experiments.Minimize.MinimizeFigures.HistogramPanel("unsatisfied clauses", [0, 0, 0], null);
        Assert.True(panel.X.IntegerTicks);
        Assert.True(panel.Y.IntegerTicks);
        var (lo, hi) = PanelRanges.X(panel);
        Assert.Equal(["0"], TickMarks.For(panel.X, lo, hi, 600, 90).Labels);
        Assert.False(Neuromorph.Experiments.Minimize.MinimizeFigures.HistogramPanel("cost", [-0.00208, -0.00208], null).X.IntegerTicks);
    }
}
