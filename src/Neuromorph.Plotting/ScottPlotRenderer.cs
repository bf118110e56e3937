using Neuromorph.Figures;
using Neuromorph.Io;
using SkiaSharp;
using SP = ScottPlot;

namespace Neuromorph.Plotting;

/// <summary>
/// Renders <see cref="Figure"/>s with ScottPlot 5: one ScottPlot plot per panel, stacked with a multiplot, drawn onto a
/// Skia raster surface at twice the logical density (PNG) or onto Skia's SVG canvas (SVG), and written atomically.
/// Safe to call from several threads: every call builds its own plots.
/// </summary>
public sealed class ScottPlotRenderer : IFigureRenderer
{
    /// <summary>Pixels per logical pixel in PNG files.</summary>
    public const int PngDensity = 2;

    /// <inheritdoc />
    public IReadOnlyList<string> Write(Figure figure, string directory, PlotFormats formats)
    {
        ArgumentNullException.ThrowIfNull(figure);
        ArgumentNullException.ThrowIfNull(directory);
        var png = Path.Combine(directory, figure.Name + ".png");
        var svg = Path.Combine(directory, figure.Name + ".svg");
        switch (formats)
        {
            case PlotFormats.Png:
                AtomicFile.WriteAllBytes(png, RenderPng(figure));
                return [png];
            case PlotFormats.Svg:
                AtomicFile.WriteAllBytes(svg, RenderSvg(figure));
                return [svg];
            case PlotFormats.Both:
                Parallel.Invoke(() => AtomicFile.WriteAllBytes(png, RenderPng(figure)), () => AtomicFile.WriteAllBytes(svg, RenderSvg(figure)));
                return [png, svg];
            default:
                return [];
        }
    }

    /// <inheritdoc />
    public byte[] RenderPng(Figure figure)
    {
        var (multiplot, width, height) = Build(figure);
        var info = new SKImageInfo(width * PngDensity, height * PngDensity, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        surface.Canvas.Scale(PngDensity);
        multiplot.Render(surface.Canvas, new SP.PixelRect(0, width, height, 0));
        using var image = surface.Snapshot();
        using var pixels = image.PeekPixels();
        // the Sub row filter alone at zlib level 6: a third of the default encoder's time, and smaller files for plots
        using var data = pixels.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.Sub, 6))
            ?? throw new InvalidOperationException($"figure '{figure.Name}': the PNG encoder failed");
        return data.ToArray();
    }

    /// <summary>
    /// Loads the native graphics library, finds the font and compiles the drawing code on a background thread, so the
    /// first real figure of a short run (the quick-start simulation) does not pay for it after the simulation. Idempotent.
    /// </summary>
    public static void WarmUp() => _ = Warm.Value;

    private static readonly Lazy<Task> Warm = new(() => Task.Run(() =>
    {
        double[] x = [0, 1, 2];
        var panel = new Panel(new FigureAxis("t", "s"), new FigureAxis("v", "V"), [new LineSeries("a", x, x), new LineSeries("b", x, x)]);
        new ScottPlotRenderer().RenderPng(Figure.Single("warm-up", panel) with { Width = 120, PanelHeight = 80 });
    }));

    /// <summary>The figure as an SVG document (UTF-8 bytes).</summary>
    public static byte[] RenderSvg(Figure figure)
    {
        var (multiplot, width, height) = Build(figure);
        using var stream = new MemoryStream();
        using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, width, height), stream))
        {
            canvas.Clear(SKColors.White);
            multiplot.Render(canvas, new SP.PixelRect(0, width, height, 0));
        }

        return stream.ToArray();
    }

    private static (SP.Multiplot Multiplot, int Width, int Height) Build(Figure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        if (figure.Panels.Count == 0)
        {
            throw new ArgumentException($"figure '{figure.Name}' has no panels", nameof(figure));
        }

        var frames = FigureLayout.Frames(figure);
        var font = Typefaces.Sans;
        var multiplot = new SP.Multiplot(PanelPlot.Build(figure.Panels[0], frames[0], font));
        for (var k = 1; k < figure.Panels.Count; k++)
        {
            SP.IMultiplotExtensions.AddPlot(multiplot, PanelPlot.Build(figure.Panels[k], frames[k], font));
        }

        multiplot.Layout = new StackedRows([.. frames.Select(f => f.Height)]);
        // a legend in several columns may have widened the figure
        return (multiplot, frames[0].Width, frames.Sum(f => f.Height));
    }
}
