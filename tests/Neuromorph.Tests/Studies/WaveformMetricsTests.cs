using Neuromorph.Diagnostics;
using Neuromorph.Studies;

namespace Neuromorph.Tests.Studies;

public class WaveformMetricsTests
{
    private static (double[] T, double[] Y) Sine(double amplitude, double frequency, int n)
    {
        var t = Enumerable.Range(0, n + 1).Select(i => (double)i / n / frequency).ToArray();
        return (t, t.Select(x => amplitude * Math.Sin(2 * Math.PI * frequency * x)).ToArray());
    }

    private static MetricSpec M(MetricKind kind, double? at = null, double? from = null, double? to = null, double? threshold = null, CrossDirection d = CrossDirection.Either) =>
        new("m", kind, "v(a)", SourceLocation.None, at, from, to, threshold, d);

    [Fact]
    public void Sine_metrics_match_their_closed_forms()
    {
        var (t, y) = Sine(2.0, 50, 20000);
        Assert.Equal(2.0 / Math.Sqrt(2), WaveformMetrics.Evaluate(M(MetricKind.Rms), t, y), 6);
        Assert.Equal(0.0, WaveformMetrics.Evaluate(M(MetricKind.Average), t, y), 6);
        Assert.Equal(4.0 / Math.PI, WaveformMetrics.Evaluate(M(MetricKind.Average, to: 0.01), t, y), 5);
        Assert.Equal(2.0, WaveformMetrics.Evaluate(M(MetricKind.Max), t, y), 6);
        Assert.Equal(-2.0, WaveformMetrics.Evaluate(M(MetricKind.Min), t, y), 6);
        Assert.Equal(2.0 * Math.Sin(2 * Math.PI * 50 * 0.0031), WaveformMetrics.Evaluate(M(MetricKind.At, at: 0.0031), t, y), 5);
        Assert.Equal(Math.Asin(0.25) / (2 * Math.PI * 50), WaveformMetrics.Evaluate(M(MetricKind.Cross, threshold: 0.5, d: CrossDirection.Rise), t, y), 8);
        var fall = (Math.PI - Math.Asin(0.25)) / (2 * Math.PI * 50);
        Assert.Equal(fall, WaveformMetrics.Evaluate(M(MetricKind.Cross, threshold: 0.5, d: CrossDirection.Fall), t, y), 8);
        Assert.True(double.IsNaN(WaveformMetrics.Evaluate(M(MetricKind.Cross, threshold: 3), t, y)));
    }

    [Theory]
    [InlineData(0.03, null, null)]
    [InlineData(null, -0.01, null)]
    [InlineData(null, null, 0.5)]
    [InlineData(null, 0.01, 0.005)]
    public void Times_outside_the_simulated_interval_are_located_errors_not_clamped_values(double? at, double? from, double? to)
    {
        var (t, y) = Sine(2.0, 50, 200); // 0 .. 20 ms
        var kind = at is null ? MetricKind.Average : MetricKind.At;
        var ex = Assert.Throws<UserInputException>(() => WaveformMetrics.Evaluate(M(kind, at, from, to), t, y));
        Assert.Contains("metric 'm'", ex.Diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_statistics_match_hand_computed_values()
    {
        var s = MetricSummary.Of([1.0, 2.0, 3.0, 4.0, double.NaN]);
        Assert.Equal(4, s.Count);
        Assert.Equal(2.5, s.Mean, 12);
        Assert.Equal(Math.Sqrt(5.0 / 3.0), s.StdDev, 12);
        // t(0.975, 3) = 3.182446305 (standard table value)
        Assert.Equal(3.182446305 * Math.Sqrt(5.0 / 3.0) / 2, s.Ci95, 6);
    }
}
