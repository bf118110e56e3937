using System.Globalization;
using System.Text;

namespace Neuromorph.Io;

/// <summary>
/// Writes ngspice's binary raw file (<c>ngspice -r</c>): per plot an ASCII header (Title, Date, Plotname, Flags,
/// No. Variables, No. Points, Variables, Binary:) followed by the points, each variable a little-endian float64 (two,
/// real then imaginary, for a complex plot). Plots follow one another in one file; ngspice's <c>load</c>, spicelib and
/// waveform viewers read it.
/// </summary>
public static class SpiceRawFile
{
    /// <summary>The header of <paramref name="plot"/>, ending with <c>Binary:</c> and a newline.</summary>
    public static string Header(string title, string date, RawPlot plot)
    {
        ArgumentNullException.ThrowIfNull(plot);
        var h = new StringBuilder();
        h.Append(CultureInfo.InvariantCulture, $"Title: {OneLine(title)}\n");
        h.Append(CultureInfo.InvariantCulture, $"Date: {OneLine(date)}\n");
        h.Append(CultureInfo.InvariantCulture, $"Plotname: {plot.Name}\n");
        h.Append(CultureInfo.InvariantCulture, $"Flags: {(plot.Complex ? "complex" : "real")}\n");
        h.Append(CultureInfo.InvariantCulture, $"No. Variables: {plot.Variables.Count}\n");
        h.Append(CultureInfo.InvariantCulture, $"No. Points: {plot.Points}\n");
        h.Append("Variables:\n");
        for (var k = 0; k < plot.Variables.Count; k++)
        {
            h.Append(CultureInfo.InvariantCulture, $"\t{k}\t{plot.Variables[k].Name}\t{plot.Variables[k].Type}\n");
        }

        return h.Append("Binary:\n").ToString();
    }

    /// <summary>Writes every plot of <paramref name="plots"/> to <paramref name="stream"/>, one after another.</summary>
    public static void Write(Stream stream, string title, string date, IEnumerable<RawPlot> plots)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(plots);
        using var w = new BinaryWriter(stream, Encoding.ASCII, leaveOpen: true);
        foreach (var plot in plots)
        {
            Check(plot);
            w.Write(Encoding.ASCII.GetBytes(Header(title, date, plot)));
            for (var i = 0; i < plot.Points; i++)
            {
                for (var k = 0; k < plot.Variables.Count; k++)
                {
                    // BinaryWriter writes little-endian on every platform
                    w.Write(plot.Real[k][i]);
                    if (plot.Imaginary is { } im)
                    {
                        w.Write(im[k][i]);
                    }
                }
            }
        }
    }

    /// <summary>The raw file of <paramref name="plots"/> as bytes.</summary>
    public static byte[] Bytes(string title, string date, IEnumerable<RawPlot> plots)
    {
        using var m = new MemoryStream();
        Write(m, title, date, plots);
        return m.ToArray();
    }

    /// <summary>A date as ngspice writes it, e.g. <c>Mon Dec  7 02:00:21  2026</c>.</summary>
    public static string Date(DateTime when) =>
        when.ToString("ddd MMM ", CultureInfo.InvariantCulture) + when.Day.ToString(CultureInfo.InvariantCulture).PadLeft(2) + when.ToString(" HH:mm:ss  yyyy", CultureInfo.InvariantCulture);

    private static void Check(RawPlot plot)
    {
        if (plot.Real.Count != plot.Variables.Count || plot.Real.Any(c => c.Count != plot.Points)
            || plot.Imaginary is { } im && (im.Count != plot.Variables.Count || im.Any(c => c.Count != plot.Points)))
        {
            throw new ArgumentException($"raw plot '{plot.Name}': one column of {plot.Points} values per variable expected", nameof(plot));
        }
    }

    private static string OneLine(string text) => (text ?? string.Empty).Replace('\n', ' ').Replace('\r', ' ');
}
