using Neuromorph.Circuits.Engine;
using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Circuits.Simulation;
using Neuromorph.Diagnostics;
using ParsedNetlist = Neuromorph.Circuits.NetlistModel.Netlist;

namespace Neuromorph.Experiments.Netlist;

/// <summary>
/// What a plot request may name, from the columns the engine will give each plotted analysis (.tran, .dc, .ac:
/// <see cref="INetlistEngine.Columns"/>, the same list its result tables are built from): the stepped parameters, the
/// independent variable, the table's columns, the vectors recorded for measurements and control commands, and
/// <c>v(a,b)</c> of two node voltages among them.
/// </summary>
public static class PlotColumns
{
    /// <summary>The plotted analyses of <paramref name="netlist"/> that <paramref name="engine"/> runs, with the names a plot may use in each.</summary>
    public static IReadOnlyList<(AnalysisCard Analysis, IReadOnlyList<string> Names)> Of(ParsedNetlist netlist, INetlistEngine engine)
    {
        ArgumentNullException.ThrowIfNull(netlist);
        ArgumentNullException.ThrowIfNull(engine);
        var steps = netlist.Steps.Select(s => s.Parameter.ToLowerInvariant()).ToList();
        return [.. netlist.Analyses.Where(a => a is not OpCard)
            .Select(a => (Analysis: a, Columns: engine.Columns(netlist, a)))
            .Where(p => p.Columns is not null)
            .Select(p => (p.Analysis, (IReadOnlyList<string>)[.. steps.Concat(p.Columns!.Readable).Distinct(StringComparer.Ordinal)]))];
    }

    /// <summary>
    /// Checks every request: some plotted analysis must have both of its names (<see cref="Accepts"/>). The error
    /// points at the <c>.print</c> line of the first analysis that lacks one (else at the analysis) and lists its columns.
    /// </summary>
    public static void Check(IReadOnlyList<PlotRequest> requests, ParsedNetlist netlist, INetlistEngine engine)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(netlist);
        if (requests.Count == 0)
        {
            return;
        }

        var analyses = Of(netlist, engine);
        foreach (var request in requests)
        {
            if (analyses.Count == 0)
            {
                throw new UserInputException(new SourceLocation(netlist.SourceFile, 1, 1), $"{request.Origin}: the netlist runs no .tran, .dc or .ac analysis to plot", "add an analysis, e.g. .tran 1m 2");
            }

            if (analyses.Any(a => Accepts(a.Names, request.Y) && Accepts(a.Names, request.X)))
            {
                continue;
            }

            var (analysis, names) = analyses[0];
            var name = Accepts(names, request.Y) ? request.X : request.Y;
            var print = netlist.Prints.FirstOrDefault(p => p.Analysis == OutputProbe.Printed(analysis));
            var shown = names.Count > 40 ? $"{string.Join(", ", names.Take(40))}, ... ({names.Count} in all)" : string.Join(", ", names);
            throw new UserInputException(print?.Location ?? analysis.Location, $"{request.Origin}: no column '{name}' in the {analysis.Kind} results",
                Suggestions.Closest(name, names) is { } close
                    ? $"did you mean '{close}'? (columns: {shown})"
                    : $"columns: {shown} (add it to .print {analysis.Kind})");
        }
    }

    /// <summary>True when <paramref name="name"/> is one of <paramref name="names"/>, or v(a,b) of two node voltages among them (b may be ground, 0).</summary>
    public static bool Accepts(IReadOnlyList<string> names, string name)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(name);
        if (names.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        return PlotRequest.Difference(name) is var (a, b) && names.Contains($"v({a})", StringComparer.OrdinalIgnoreCase) && (b == "0" || names.Contains($"v({b})", StringComparer.OrdinalIgnoreCase));
    }
}
