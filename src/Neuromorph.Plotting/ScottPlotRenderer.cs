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
        var files = new List<string>();
        if (formats.HasFlag(PlotFormats.Png))
        {
            var path = Path.Combine(directory, figure.Name + ".png");
            AtomicFile.WriteAllBytes(path, RenderPng(figure));
            files.Add(path);
        }

        if (formats.HasFlag(PlotFormats.Svg))
        {
            var path = Path.Combine(directory, figure.Name + ".svg");
            AtomicFile.WriteAllBytes(path, RenderSvg(figure));
            files.Add(path);
        }

        return files;
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
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

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
        return (multiplot, figure.Width, frames.Sum(f => f.Height));
    }
}
