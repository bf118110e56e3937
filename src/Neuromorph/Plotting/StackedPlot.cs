using System.Text;
using Neuromorph.Io;

namespace Neuromorph.Plotting;

/// <summary>Several <see cref="LinePlot"/> panels stacked vertically in one SVG (e.g. voltages, currents and memristor states over time).</summary>
public sealed class StackedPlot(IReadOnlyList<LinePlot> panels)
{
    /// <summary>The SVG document with each panel nested at its offset.</summary>
    public string ToSvg()
    {
        ArgumentNullException.ThrowIfNull(panels);
        var width = panels.Max(p => p.Width);
        var height = panels.Sum(p => p.Height);
        var sb = new StringBuilder();
        sb.Append($"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{SvgCanvas.N(width)}\" height=\"{SvgCanvas.N(height)}\" viewBox=\"0 0 {SvgCanvas.N(width)} {SvgCanvas.N(height)}\">\n");
        double y = 0;
        foreach (var p in panels)
        {
            var inner = p.ToSvg();
            inner = inner[(inner.IndexOf("<svg", StringComparison.Ordinal))..];
            sb.Append(inner.Replace("<svg ", $"<svg y=\"{SvgCanvas.N(y)}\" ", StringComparison.Ordinal));
            y += p.Height;
        }

        sb.Append("</svg>\n");
        return sb.ToString();
    }

    /// <summary>Writes the SVG file atomically.</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, ToSvg());
}
