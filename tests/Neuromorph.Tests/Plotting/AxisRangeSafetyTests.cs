using Neuromorph.Figures;
using Neuromorph.Plotting;
using Neuromorph.Tests.Cli;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Plotting;

/// <summary>
/// Every axis range is safe to draw: whatever the data (a few ulps apart, all equal, zero, huge, 1e308, denormal, on
/// linear, integer and log axes) the visible range is finite and wider than nothing, and the ticks are few, finite and
/// inside it, computed in bounded time.
/// </summary>
public class AxisRangeSafetyTests
{
    private const double Ulp = 0.015167484380371346 - 0.015167484380371344;

    /// <summary>Data sets that once broke, or could break, range and tick arithmetic.</summary>
    private static readonly double[][] Data =
    [
        [0.015167484380371344, 0.015167484380371344, 0.015167484380371346],
        [1, 1 + 2.220446049250313e-16],
        [1e15, 1e15 + 1],
        [1e16, 1e16 + 2],
        [9007199254740992, 9007199254740994, 9007199254740996],
        [-3.5e12, -3.5e12 + 0.0005],
        [0, 0],
        [0],
        [1, 1],
        [-5, -5],
        [0.5, 0.5],
        [1e308, 1e308],
        [-1e308, 1e308],
        [-double.MaxValue, double.MaxValue],
        [double.MaxValue],
        [-double.MaxValue],
        [double.Epsilon],
        [double.Epsilon, 2 * double.Epsilon],
        [0, double.Epsilon],
        [1e-310, 3e-310],
        [-1e-300, 1e-300],
        [1e-300, 1e-300 * (1 + 1e-15)],
        [1e-320, 1e308],
        [1, 1e300],
        [double.NaN, double.PositiveInfinity, double.NegativeInfinity],
        [],
    ];

    private static IEnumerable<FigureAxis> Axes() =>
    [
        new FigureAxis("x"),
        new FigureAxis("Time", "s"),
        new FigureAxis("Count") { IntegerTicks = true },
        FigureAxis.Log("x"),
        FigureAxis.Log("Current", "A"),
        new FigureAxis("x") { Min = 1e308, Max = 1e308 },
        new FigureAxis("x") { Min = 0.015167484380371344, Max = 0.015167484380371346 },
        new FigureAxis("x") { Min = 2, Max = 1 },
        FigureAxis.Log("x") with { Min = 1, Max = 1 + 1e-15 },
    ];

    private static void AssertSafe(FigureAxis axis, double[] data, bool tight, double pixels, string what)
    {
        var (lo, hi) = AxisTransform.Range(axis, data.Select(v => AxisTransform.Map(axis, v)), tight);
        Assert.True(double.IsFinite(lo) && double.IsFinite(hi) && hi > lo, $"{what}: range [{lo:R}, {hi:R}]");
        Assert.True(double.IsFinite(hi - lo), $"{what}: the width of [{lo:R}, {hi:R}] overflows");
        var ticks = TickMarks.For(axis, lo, hi, pixels, 46);
        Assert.True(ticks.Major.Length <= 64, $"{what}: {ticks.Major.Length} major ticks");
        Assert.True(ticks.Minor.Length <= 640, $"{what}: {ticks.Minor.Length} minor ticks");
        Assert.Equal(ticks.Major.Length, ticks.Labels.Length);
        var slack = (hi - lo) * 1e-6;
        Assert.All(ticks.Major.Concat(ticks.Minor), t => Assert.True(double.IsFinite(t) && t >= lo - slack && t <= hi + slack, $"{what}: tick {t:R} outside [{lo:R}, {hi:R}]"));
        Assert.All(ticks.Labels, l => Assert.False(string.IsNullOrWhiteSpace(l) || l.Contains("NaN", StringComparison.Ordinal) || l.Contains('∞', StringComparison.Ordinal), $"{what}: label '{l}'"));
    }

    [Fact]
    public async Task Every_range_gives_a_finite_axis_and_a_bounded_number_of_ticks_quickly()
    {
        var work = Task.Run(() =>
        {
            foreach (var axis in Axes())
            {
                foreach (var data in Data)
                {
                    foreach (var tight in new[] { false, true })
                    {
                        foreach (var pixels in new[] { 0.0, 40, 600, 1e6 })
                        {
                            AssertSafe(axis, data, tight, pixels, $"{axis.Scale} axis (min {axis.Min}, max {axis.Max}, integer {axis.IntegerTicks}), data [{string.Join(", ", data.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}], tight {tight}, {pixels} px");
                        }
                    }
                }
            }
        });
        await work.WaitAsync(TimeSpan.FromSeconds(10)); // a hang fails with a TimeoutException
    }

    [Fact]
    public async Task Linear_ticks_are_bounded_for_any_pair_of_finite_ends()
    {
        var random = new Random(23);
        var ends = new List<(double, double)> { (0.015167484380371344, 0.015167484380371344 + (3 * Ulp)), (-double.MaxValue, double.MaxValue), (0, double.Epsilon), (1e16, 1e16 + 2), (-1e-320, 1e-320) };
        for (var i = 0; i < 2000; i++)
        {
            var a = BitConverter.Int64BitsToDouble(random.NextInt64());
            var b = random.Next(3) switch
            {
                0 => BitConverter.Int64BitsToDouble(random.NextInt64()),
                1 => Math.BitIncrement(Math.BitIncrement(a)),
                _ => a * (1 + (random.NextDouble() * 1e-9)),
            };
            if (double.IsFinite(a) && double.IsFinite(b) && a != b)
            {
                ends.Add((Math.Min(a, b), Math.Max(a, b)));
            }
        }

        var work = Task.Run(() =>
        {
            foreach (var (lo, hi) in ends)
            {
                foreach (var integer in new[] { false, true })
                {
                    var ticks = TickMarks.Linear(lo, hi, 600, 46, "", integer);
                    Assert.True(ticks.Major.Length <= 64 && ticks.Minor.Length <= 640, $"[{lo:R}, {hi:R}]: {ticks.Major.Length} major, {ticks.Minor.Length} minor ticks");
                    Assert.All(ticks.Major.Concat(ticks.Minor), t => Assert.True(double.IsFinite(t)));
                }
            }
        });
        await work.WaitAsync(TimeSpan.FromSeconds(10)); // a hang fails with a TimeoutException
    }

    [Fact]
    public async Task A_series_a_few_ulps_wide_renders_in_bounded_time()
    {
        double[] y = [0.015167484380371344, 0.015167484380371344, 0.015167484380371346];
        var figure = Figure.Single("ulps", new Panel(new FigureAxis("x"), new FigureAxis("y"), [new LineSeries("y", [1, 2, 3], y)]));
        var extreme = Figure.Single("huge", new Panel(new FigureAxis("x", "s"), FigureAxis.Log("y", "A"), [new LineSeries("y", [-double.MaxValue, 0, double.MaxValue], [double.Epsilon, 1, double.MaxValue]), new LineSeries("z", [1, 1], [1e-300, 1e-300])]));
        var render = Task.Run(() => (new ScottPlotRenderer().RenderPng(figure), new ScottPlotRenderer().RenderPng(extreme)));
        await render.WaitAsync(TimeSpan.FromSeconds(60)); // a hang fails with a TimeoutException
        var png = PngImage.Decode((await render).Item1);
        Assert.Equal(2 * figure.Width, png.Width);
        Assert.True(png.CountColor("#0072B2", 0, 0, png.Width - 1, png.Height - 1) > 100, "the flat line is drawn");
    }

    [Fact]
    public async Task Plot_of_a_column_a_few_ulps_wide_finishes()
    {
        using var dir = new TempDirectory("nm-ulps");
        var csv = Path.Combine(dir, "c.csv");
        File.WriteAllText(csv, "x,y\n1,0.015167484380371344\n2,0.015167484380371344\n3,0.015167484380371346\n");
        var run = Task.Run(() => CliHarness.Run("plot", csv, "--x", "x", "--y", "y", "-o", Path.Combine(dir, "c.png")));
        await run.WaitAsync(TimeSpan.FromSeconds(60)); // a hang fails with a TimeoutException
        var (code, output, error) = await run;
        Assert.True(code == 0, error);
        Assert.Contains("c.png", output, StringComparison.Ordinal);
        Assert.Equal(1520, PngImage.Load(Path.Combine(dir, "c.png")).Width);
    }
}
