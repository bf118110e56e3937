using Neuromorph.Circuits.Analyses;
using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Diagnostics;

namespace Neuromorph.Cli.Commands;

/// <summary>
/// One <c>--plot "Y vs X"</c> of <c>simulate</c>: two result columns (<c>i(rs)</c>, <c>v(in,mid)</c>, <c>time</c>). Requests
/// are checked against the netlist's <c>.print</c> lines before anything runs, so a typo costs no simulation.
/// </summary>
public sealed record PlotRequest(string Text, string Y, string X)
{
    /// <summary>Parses <c>"Y vs X"</c> (case-insensitive names).</summary>
    public static PlotRequest Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(" vs ", 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            throw new UserInputException($"--plot \"{text}\" is not of the form \"Y vs X\"", "e.g. --plot \"i(rs) vs v(in,mid)\"");
        }

        return new PlotRequest(text, parts[0].ToLowerInvariant(), parts[1].ToLowerInvariant());
    }

    /// <summary>
    /// Checks every request against the analyses that are plotted (tran, dc, ac): each name must be a printed column, the
    /// independent variable, a measured vector, or <c>v(a,b)</c> of printed node voltages; without a <c>.print</c> line,
    /// node voltages and element currents and states of the circuit. The error points at the <c>.print</c> line.
    /// </summary>
    public static void Validate(IReadOnlyList<PlotRequest> requests, Netlist netlist)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(netlist);
        var analyses = netlist.Analyses.Where(a => a.Kind != "op").ToList();
        foreach (var request in requests)
        {
            if (analyses.Count == 0)
            {
                throw new UserInputException(new SourceLocation(netlist.SourceFile, 1, 1), $"--plot \"{request.Text}\": the netlist runs no .tran, .dc or .ac analysis to plot", "add an analysis, e.g. .tran 1m 2");
            }

            var missing = new List<(AnalysisCard Analysis, string Name)>();
            foreach (var analysis in analyses)
            {
                var absent = new[] { request.Y, request.X }.FirstOrDefault(name => !Known(netlist, analysis, name));
                if (absent is null)
                {
                    missing.Clear();
                    break;
                }

                missing.Add((analysis, absent));
            }

            if (missing.Count > 0)
            {
                var (analysis, name) = missing[0];
                var print = netlist.Prints.FirstOrDefault(p => p.Analysis.ToString().Equals(analysis.Kind, StringComparison.OrdinalIgnoreCase));
                var columns = Columns(netlist, analysis);
                throw new UserInputException(print?.Location ?? analysis.Location, $"--plot \"{request.Text}\": no column '{name}' in the {analysis.Kind} results",
                    print is null
                        ? $"without .print {analysis.Kind}, plot node voltages v(node), currents i(element) or memristor states x(name)"
                        : Suggestions.Closest(name, columns) is { } close
                            ? $"did you mean '{close}'? (columns: {string.Join(", ", columns)})"
                            : $"columns: {string.Join(", ", columns)} (add it to .print {analysis.Kind})");
            }
        }
    }

    /// <summary>The column named <paramref name="header"/> of <paramref name="result"/>: printed, the independent variable, or v(a,b) from v(a) and v(b); null if absent.</summary>
    public static ResultColumn? Resolve(AnalysisResult result, string header)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (header == "time" || header == result.IndependentName)
        {
            return new ResultColumn(header, result.Independent);
        }

        if (result.Column(header) is { } direct)
        {
            return direct;
        }

        if (Difference(header) is var (a, b))
        {
            var first = result.Column($"v({a})");
            var second = b == "0" ? null : result.Column($"v({b})");
            if (first is not null && (second is not null || b == "0"))
            {
                return new ResultColumn(header, [.. first.Values.Select((v, i) => v - (second?.Values[i] ?? 0))]);
            }
        }

        return null;
    }

    private static bool Known(Netlist netlist, AnalysisCard analysis, string name)
    {
        var independent = analysis switch
        {
            TranCard => "time",
            AcCard => "frequency",
            DcCard dc => dc.Sweeps[0].Source,
            _ => "",
        };
        if (name == independent || (analysis is TranCard && name == "time"))
        {
            return true;
        }

        var printed = Printed(netlist, analysis);
        var columns = Columns(netlist, analysis);
        if (columns.Contains(name))
        {
            return true;
        }

        if (Difference(name) is var (a, b) && columns.Contains($"v({a})") && (b == "0" || columns.Contains($"v({b})")))
        {
            return true;
        }

        if (printed.Count > 0)
        {
            return false;
        }

        // no .print: the engine records every node voltage and the currents and states of the elements
        var open = name.IndexOf('(', StringComparison.Ordinal);
        if (open < 1 || !name.EndsWith(')'))
        {
            return false;
        }

        var inner = name[(open + 1)..^1].Split(',');
        var nodes = netlist.Elements.SelectMany(e => e.Nodes).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var elements = netlist.Elements.Select(e => e.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return name[0] == 'v' ? inner.All(n => n == "0" || nodes.Contains(n)) : inner.Length == 1 && (elements.Contains(inner[0]) || elements.Contains("ymemristor!" + inner[0]) || elements.Any(e => e.EndsWith(inner[0], StringComparison.OrdinalIgnoreCase)));
    }

    private static List<OutputVariable> Printed(Netlist netlist, AnalysisCard analysis) =>
        [.. netlist.Prints.Where(p => p.Analysis.ToString().Equals(analysis.Kind, StringComparison.OrdinalIgnoreCase)).SelectMany(p => p.Items)];

    private static List<string> Columns(Netlist netlist, AnalysisCard analysis)
    {
        var names = Printed(netlist, analysis).Select(v => v.Header).ToList();
        names.AddRange(netlist.Measures.Where(m => m.Analysis.ToString().Equals(analysis.Kind, StringComparison.OrdinalIgnoreCase)).SelectMany(m => new[] { m.Vector, m.Trigger?.Vector, m.Target?.Vector }).OfType<OutputVariable>().Select(v => v.Header));
        names.AddRange(netlist.ControlOutputs.SelectMany(o => o.Vectors).Select(v => v.Header));
        return [.. names.Distinct(StringComparer.Ordinal)];
    }

    private static (string A, string B)? Difference(string header)
    {
        if (header.StartsWith("v(", StringComparison.Ordinal) && header.EndsWith(')') && header[2..^1].Split(',') is [var a, var b])
        {
            return (a.Trim(), b.Trim());
        }

        return null;
    }
}
