using Neuromorph.Figures;
using Neuromorph.Tests.Cli;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Plotting;

/// <summary>
/// A panel of many signals is drawn as median, 5–95 % band and five sample traces (<see cref="SignalSummary"/>):
/// percentiles equal NumPy's default (linear interpolation between order statistics), computed here by hand; few
/// signals are drawn one by one; a deck with hundreds of states plots the summary.
/// </summary>
public class SignalSummaryTests
{
    [Fact]
    public void Percentiles_interpolate_between_order_statistics_as_numpy_does()
    {
        // numpy.percentile([1, 2, 3, 4, 10], [5, 50, 95]) = [1.2, 3.0, 8.8]
        double[] sorted = [1, 2, 3, 4, 10];
        Assert.Equal(1.2, SignalSummary.Percentile(sorted, 5), 12);
        Assert.Equal(3.0, SignalSummary.Percentile(sorted, 50), 12);
        Assert.Equal(8.8, SignalSummary.Percentile(sorted, 95), 12);
        Assert.Equal(7.0, SignalSummary.Percentile([7.0], 95));
        Assert.True(double.IsNaN(SignalSummary.Percentile([], 50)));
    }

    [Fact]
    public void Percentiles_by_selection_equal_those_of_the_sorted_values_for_any_order_and_ties()
    {
        var random = new Random(3);
        foreach (var n in (int[])[1, 2, 3, 15, 16, 17, 100, 1001, 20_000])
        {
            var shapes = new Dictionary<string, double[]>
            {
                ["random"] = [.. Enumerable.Range(0, n).Select(_ => random.NextDouble())],
                ["ties"] = [.. Enumerable.Range(0, n).Select(_ => (double)random.Next(4))],
                ["equal"] = [.. Enumerable.Repeat(2.5, n)],
                ["ascending"] = [.. Enumerable.Range(0, n).Select(k => (double)k)],
                ["descending"] = [.. Enumerable.Range(0, n).Select(k => (double)-k)],
                ["organ pipe"] = [.. Enumerable.Range(0, n).Select(k => (double)Math.Min(k, n - k))],
            };
            foreach (var (shape, values) in shapes)
            {
                double[] sorted = [.. values.Order()];
                foreach (var p in (double[])[0, 5, 50, 95, 100])
                {
                    var copy = values.ToArray();
                    Assert.True(SignalSummary.Percentile(sorted, p) == SignalSummary.Unsorted(copy, p), $"{shape}, n = {n}, p = {p}");
                    Assert.Equal(sorted, copy.Order());
                }
            }
        }
    }

    [Fact]
    public void Many_signals_become_a_band_a_median_and_five_samples_with_nan_left_out()
    {
        // signal k at x_i is k + i (k = 0..100), one NaN: at each x the values are i + 0..100
        double[] x = [0, 1, 2];
        var signals = Enumerable.Range(0, 101).Select(k => ($"x(m{k})", (IReadOnlyList<double>)[k + 0.0, k + 1.0, k == 50 ? double.NaN : k + 2.0])).ToList();
        var layers = SignalSummary.Layers(x, signals);
        Assert.Equal(2 + SignalSummary.Samples, layers.Count);
        var band = Assert.IsType<Band>(layers[0]);
        Assert.Equal("5–95 % of 101 signals", band.Name);
        Assert.Equal([5.0, 6.0], band.Lower.Take(2));
        Assert.Equal([95.0, 96.0], band.Upper.Take(2));
        var median = Assert.IsType<LineSeries>(layers[1]);
        Assert.Equal([50.0, 51.0], median.Y.Take(2));
        // at x = 2 the 100 values 2..102 without 52: the median lies between 51 and 53
        double[] third = [.. Enumerable.Range(0, 101).Where(k => k != 50).Select(k => k + 2.0)];
        Assert.Equal(SignalSummary.Percentile(third, 50), median.Y[2]);
        Assert.Equal(["x(m0)", "x(m25)", "x(m50)", "x(m75)", "x(m100)"], layers.Skip(2).Select(l => l.Name));

        var few = SignalSummary.Layers(x, signals.Take(SignalSummary.Threshold).ToList());
        Assert.Equal(SignalSummary.Threshold, few.Count);
        Assert.All(few, l => Assert.IsType<LineSeries>(l));
    }

    [Theory]
    [InlineData(50_000, 30, 4_000_000)]
    [InlineData(50_000, 30, 700_000)]
    [InlineData(3_000, 7, 1_000)]
    public void A_summary_of_many_signals_in_blocks_and_on_every_core_equals_the_percentiles_of_each_x(int n, int points, long gathered)
    {
        // all 30 x at once, summarised in parallel; blocks of 14 x (the last one shorter); one x at a time: each x must
        // still get the percentiles of exactly its own values (NaN left out), as sorting them says
        var random = new Random(7);
        double[] x = [.. Enumerable.Range(0, points).Select(i => (double)i)];
        var values = Enumerable.Range(0, n).Select(k => (IReadOnlyList<double>)[.. Enumerable.Range(0, points).Select(i => k % 97 == i ? double.NaN : random.NextDouble() * (i + 1))]).ToList();
        var signals = values.Select((v, k) => ($"s{k}", v)).ToList();
        var layers = SignalSummary.Layers(x, signals, gathered);
        var band = Assert.IsType<Band>(layers[0]);
        var median = Assert.IsType<LineSeries>(layers[1]);
        foreach (var i in (int[])[0, points / 2, points - 1])
        {
            double[] at = [.. values.Select(v => v[i]).Where(v => !double.IsNaN(v)).Order()];
            Assert.Equal(SignalSummary.Percentile(at, 5), band.Lower[i]);
            Assert.Equal(SignalSummary.Percentile(at, 50), median.Y[i]);
            Assert.Equal(SignalSummary.Percentile(at, 95), band.Upper[i]);
        }
    }

    [Fact]
    public void A_deck_with_hundreds_of_memristors_plots_their_states_as_a_band()
    {
        using var dir = new TempDirectory("nm-summary");
        var deck = new List<string> { "many states", ".model lin memristor level=7 ron=100 roff=1k alpha=0 beta=10 xo=0.8" };
        for (var k = 0; k < 300; k++)
        {
            deck.Add($"v{k} a{k} 0 {0.1 + (k / 300.0)}");
            deck.Add($"ymemristor m{k} a{k} 0 lin");
        }

        deck.AddRange([".tran 10m 0.1", ".end"]);
        var file = Path.Combine(dir, "many.cir");
        File.WriteAllLines(file, deck);
        var (code, _, error) = CliHarness.Run("simulate", file, "-o", Path.Combine(dir, "out"), "--engine", "ctd");
        Assert.True(code == 0, error);
        var png = PngImage.Load(Path.Combine(dir, "out", "tran.png"));
        Assert.True(png.DistinctColors() > 10);
        Assert.Equal(300, File.ReadAllLines(Path.Combine(dir, "out", "tran.csv"))[0].Split(',').Count(h => h.StartsWith("x(", StringComparison.Ordinal)));
    }
}
