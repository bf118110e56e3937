using System.Globalization;
using Neuromorph.Devices.Pem;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Elements.Memristors.ModelFiles;

/// <summary>
/// Reads an f(x) table of Xyce's piecewise-empirical memristor (<c>FXPDATA</c>/<c>FXMDATA</c>): one point per line,
/// "x,f" or "x f" (comma, whitespace or semicolon between the two numbers), lines starting with <c>#</c> and blank
/// lines skipped, x increasing. Xyce's own reader takes the first character after x as the separator, so in a
/// whitespace-separated file it drops the first digit of f; this reader keeps f whole (docs/netlist-reference.md).
/// </summary>
public static class PemTableFile
{
    /// <summary>Reads the table at <paramref name="path"/>; a missing file or a bad line is a located error.</summary>
    public static PiecewiseLinear Read(string path, SourceLocation namedAt, string key)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new UserInputException(namedAt, $"{key}: no table file '{path}'", "the path is relative to the netlist's folder; each line holds x and f(x)");
        }

        var xs = new List<double>();
        var fs = new List<double>();
        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split([',', ';', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2
                || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
                || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var f)
                || !double.IsFinite(x) || !double.IsFinite(f))
            {
                throw new UserInputException(new SourceLocation(path, number, 1), $"expected two numbers 'x,f(x)', got '{line}'", $"each line of a {key} table holds one point, e.g. 0.5,0.63");
            }

            if (xs.Count > 0 && !(x > xs[^1]))
            {
                throw new UserInputException(new SourceLocation(path, number, 1), $"x = {x.ToString(CultureInfo.InvariantCulture)} does not increase (the line before has {xs[^1].ToString(CultureInfo.InvariantCulture)})", "sort the table by x, without repeated x");
            }

            xs.Add(x);
            fs.Add(f);
        }

        return xs.Count >= 2
            ? new PiecewiseLinear(xs, fs)
            : throw new UserInputException(new SourceLocation(path, Math.Max(1, number), 1), $"a {key} table needs at least two points, the file has {xs.Count}", "one 'x,f(x)' pair per line");
    }
}
