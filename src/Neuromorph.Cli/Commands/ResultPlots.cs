using Neuromorph.Circuits.Analyses;
using Neuromorph.Diagnostics;
using Neuromorph.Plotting;

namespace Neuromorph.Cli.Commands;

/// <summary>Plots of a simulation result: one SVG per analysis with a panel per quantity, plus requested "Y vs X" plots.</summary>
public static class ResultPlots
{
    /// <summary>Writes the plots into <paramref name="dir"/>, files named after <paramref name="name"/> (default: the analysis kind); returns their paths.</summary>
    public static List<string> Write(AnalysisResult result, string dir, IReadOnlyList<string> requests, string? name = null)
    {
        name ??= result?.Kind;
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(requests);
        var files = new List<string>();
        if (result.Kind == "op" || result.Independent.Length < 2)
        {
            return files;
        }

        var xAxis = result.Kind == "tran" ? new Axis("Time", "s") : new Axis(result.IndependentName, result.IndependentName.StartsWith('i') ? "A" : "V");
        var panels = new List<LinePlot>();
        foreach (var group in result.Columns.GroupBy(c => Quantity(c.Header)))
        {
            var plot = new LinePlot { Title = panels.Count == 0 ? $"{result.Kind} analysis" : "", X = xAxis, Y = new Axis(group.Key.Label, group.Key.Unit), Height = 300 };
            foreach (var c in group)
            {
                plot.Add(new Series(c.Header, result.Independent, c.Values));
            }

            panels.Add(plot);
        }

        var main = Path.Combine(dir, $"{name}.svg");
        new StackedPlot(panels).Save(main);
        files.Add(main);
        for (var k = 0; k < requests.Count; k++)
        {
            var parts = requests[k].Split(" vs ", 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2)
            {
                throw new UserInputException($"--plot '{requests[k]}' is not of the form \"Y vs X\"", "e.g. --plot \"i(rs) vs v(in,mid)\"");
            }

            var y = Find(result, parts[0].ToLowerInvariant());
            var x = Find(result, parts[1].ToLowerInvariant());
            var (yq, xq) = (Quantity(y.Header), Quantity(x.Header));
            var plot = new LinePlot { Title = $"{y.Header} vs {x.Header}", X = new Axis(x.Header, xq.Unit), Y = new Axis(y.Header, yq.Unit), Width = 560, Height = 480 };
            plot.Add(new Series(y.Header, x.Values, y.Values));
            var path = Path.Combine(dir, $"{name}_plot{k + 1}.svg");
            plot.Save(path);
            files.Add(path);
        }

        return files;
    }

    private static ResultColumn Find(AnalysisResult r, string header)
    {
        if (header == "time" || header == r.IndependentName)
        {
            return new ResultColumn(header, r.Independent);
        }

        if (r.Column(header) is { } direct)
        {
            return direct;
        }

        // v(a,b) from v(a) and v(b) when only the node voltages were printed
        if (header.StartsWith("v(", StringComparison.Ordinal) && header.EndsWith(')') && header.Contains(',', StringComparison.Ordinal))
        {
            var nodes = header[2..^1].Split(',');
            var a = r.Column($"v({nodes[0]})");
            var b = nodes[1] == "0" ? null : r.Column($"v({nodes[1]})");
            if (a is not null && (b is not null || nodes[1] == "0"))
            {
                return new ResultColumn(header, [.. a.Values.Select((v, i) => v - (b?.Values[i] ?? 0))]);
            }
        }

        return r.Column(header) ?? throw new UserInputException($"--plot: no column '{header}' in the {r.Kind} results",
            $"columns: {string.Join(", ", r.Columns.Select(c => c.Header).Prepend(r.IndependentName))} (add it to .print {r.Kind})");
    }

    private static (string Label, string Unit) Quantity(string header) => header switch
    {
        _ when header == "time" => ("Time", "s"),
        _ when header.StartsWith("v(", StringComparison.Ordinal) => ("Voltage", "V"),
        _ when header.StartsWith("i(", StringComparison.Ordinal) => ("Current", "A"),
        _ when header.StartsWith("r(", StringComparison.Ordinal) || header.EndsWith(":r)", StringComparison.Ordinal) => ("Resistance", "Ω"),
        _ => ("Memristor state", ""),
    };
}
