using System.Globalization;
using System.Net;
using System.Text;

namespace Neuromorph.Plotting;

/// <summary>Minimal SVG 1.1 writer: shapes and text with XML escaping and invariant number formatting.</summary>
public sealed class SvgCanvas(double width, double height)
{
    private readonly StringBuilder _body = new();

    /// <summary>Width in pixels.</summary>
    public double Width { get; } = width;

    /// <summary>Height in pixels.</summary>
    public double Height { get; } = height;

    /// <summary>Formats a coordinate.</summary>
    public static string N(double v) => Math.Round(v, 2).ToString(CultureInfo.InvariantCulture);

    /// <summary>Escapes text for XML.</summary>
    public static string E(string s) => WebUtility.HtmlEncode(s);

    /// <summary>Adds raw SVG markup.</summary>
    public void Raw(string svg) => _body.Append(svg).Append('\n');

    /// <summary>A line segment.</summary>
    public void Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, string? dash = null) =>
        _body.Append($"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\" stroke=\"{stroke}\" stroke-width=\"{N(width)}\"{(dash is null ? "" : $" stroke-dasharray=\"{dash}\"")}/>\n");

    /// <summary>A rectangle.</summary>
    public void Rect(double x, double y, double w, double h, string fill, string? stroke = null) =>
        _body.Append($"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(w)}\" height=\"{N(h)}\" fill=\"{fill}\"{(stroke is null ? "" : $" stroke=\"{stroke}\"")}/>\n");

    /// <summary>Text; anchor is start, middle or end.</summary>
    public void Text(double x, double y, string text, double size = 12, string anchor = "start", string fill = "#222", double rotate = 0, string weight = "normal") =>
        _body.Append($"<text x=\"{N(x)}\" y=\"{N(y)}\" font-size=\"{N(size)}\" text-anchor=\"{anchor}\" fill=\"{fill}\" font-weight=\"{weight}\"{(rotate != 0 ? $" transform=\"rotate({N(rotate)} {N(x)} {N(y)})\"" : "")}>{E(text)}</text>\n");

    /// <summary>A polyline through points.</summary>
    public void Polyline(IEnumerable<(double X, double Y)> points, string stroke, double width = 1.6, string? dash = null)
    {
        var pts = string.Join(" ", points.Select(p => $"{N(p.X)},{N(p.Y)}"));
        if (pts.Length > 0)
        {
            _body.Append($"<polyline fill=\"none\" stroke=\"{stroke}\" stroke-width=\"{N(width)}\" stroke-linejoin=\"round\"{(dash is null ? "" : $" stroke-dasharray=\"{dash}\"")} points=\"{pts}\"/>\n");
        }
    }

    /// <summary>A filled polygon.</summary>
    public void Polygon(IEnumerable<(double X, double Y)> points, string fill, double opacity) =>
        _body.Append($"<polygon fill=\"{fill}\" fill-opacity=\"{N(opacity)}\" stroke=\"none\" points=\"{string.Join(" ", points.Select(p => $"{N(p.X)},{N(p.Y)}"))}\"/>\n");

    /// <summary>A circle marker.</summary>
    public void Circle(double x, double y, double r, string fill) =>
        _body.Append($"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"{N(r)}\" fill=\"{fill}\"/>\n");

    /// <summary>The complete document.</summary>
    public override string ToString() =>
        $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{N(Width)}\" height=\"{N(Height)}\" viewBox=\"0 0 {N(Width)} {N(Height)}\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n{_body}</svg>\n";
}
