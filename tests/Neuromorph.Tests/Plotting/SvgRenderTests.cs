using System.Diagnostics;
using Neuromorph.Plotting;
using Neuromorph.Tests.Support;
using Neuromorph.Units;

namespace Neuromorph.Tests.Plotting;

public class SvgRenderTests
{
    private static bool HasRsvg()
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("rsvg-convert", ["--version"]) { RedirectStandardOutput = true, RedirectStandardError = true });
            p!.WaitForExit(10_000);
            return p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static (int Width, int Height, long Bytes) Render(string svg)
    {
        using var dir = new TempDirectory("nm-render");
        var src = Path.Combine(dir, "p.svg");
        var png = Path.Combine(dir, "p.png");
        File.WriteAllText(src, svg);
        using var p = Process.Start(new ProcessStartInfo("rsvg-convert", [src, "-o", png]) { RedirectStandardError = true })!;
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit(30_000);
        Assert.True(p.ExitCode == 0, err);
        var b = File.ReadAllBytes(png);
        // PNG IHDR: width and height are big-endian at bytes 16..23
        int W(int o) => (b[o] << 24) | (b[o + 1] << 16) | (b[o + 2] << 8) | b[o + 3];
        return (W(16), W(20), b.LongLength);
    }

    [SkippableFact]
    public void Line_plot_heatmap_and_stacked_panels_render_to_pngs_of_the_declared_size()
    {
        Skip.IfNot(HasRsvg(), "rsvg-convert is not installed (scripts/test.sh installs librsvg2-bin)");
        var t = Enumerable.Range(0, 20001).Select(i => i * 1e-6).ToArray();
        var plot = new LinePlot { Title = "decimated sine & <escaped> text", X = new Axis("Time", "s"), Y = new Axis("Current", "A", AxisScale.Log) };
        plot.Add(new Series("i", t, t.Select(x => 1e-6 * (1.5 + Math.Sin(2e4 * x))).ToArray()) { Lower = t.Select(_ => 1e-7).ToArray(), Upper = t.Select(_ => 2e-6).ToArray() });
        plot.Add(new Series("nan gap", [1e-3, 2e-3, double.NaN, 4e-3], [1e-6, 2e-6, 1e-6, 3e-6], LineStyle.Dashed));
        var svg = plot.ToSvg();
        Assert.True(svg.Length < 400_000, $"20k points decimated, got {svg.Length} bytes");
        var (w, h, bytes) = Render(svg);
        Assert.Equal((760, 440), (w, h));
        Assert.True(bytes > 5_000);
        var map = new Heatmap(new double[,] { { 1, 2, 3 }, { 4, double.NaN, 6 } }) { Title = "map", ValueUnit = "S" };
        var (mw, mh, _) = Render(map.ToSvg());
        Assert.True(mw > 200 && mh > 100);
        var (sw, sh, _) = Render(new StackedPlot([plot, plot]).ToSvg());
        Assert.Equal((760, 880), (sw, sh));
    }

    [Theory]
    [InlineData(1.5e-3, "A", "1.5 mA")]
    [InlineData(2e-5, "s", "20 µs")]
    [InlineData(3300, "Ω", "3.3 kΩ")]
    [InlineData(0, "V", "0 V")]
    [InlineData(-4.7e-9, "F", "-4.7 nF")]
    public void Si_format_uses_prefixes(double v, string unit, string expected) => Assert.Equal(expected, SiFormat.Format(v, unit));

    [Fact]
    public void Ticks_are_nice_1_2_5_steps()
    {
        Assert.Equal([0, 0.2, 0.4, 0.6, 0.8, 1.0], Ticks.Linear(0, 1).Select(x => Math.Round(x, 12)));
        Assert.Equal([1e-3, 1e-2, 1e-1, 1], Ticks.Log(1e-3, 1));
    }
}
