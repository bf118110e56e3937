using Neuromorph.Circuits.Analyses;
using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Circuits.Parsing;

namespace Neuromorph.Circuits.Simulation;

/// <summary>
/// The analyses of one netlist run when a <c>.control</c> block alters elements or models between them (ngspice's
/// <c>alter</c>/<c>altermod</c>): each group of analyses with the same alterations runs on an altered copy of the netlist.
/// </summary>
internal static class AlteredRuns
{
    /// <summary>
    /// Runs the analyses of <paramref name="netlist"/>; where a <c>.control</c> block alters elements or models between
    /// them, each group of analyses with the same alterations runs on its own altered copy of the netlist.
    /// </summary>
    public static IReadOnlyList<AnalysisResult> Run(Netlist netlist, INetlistEngine engine, IProgress<double>? progress, CancellationToken cancel)
    {
        if (netlist.Control is not null && netlist.Analyses.Count == 0)
        {
            return []; // a control block of variables, loops and echo only: nothing to simulate (the circuit may be empty)
        }

        var alterations = netlist.Control?.Alterations;
        if (alterations is null || alterations.All(a => a.Count == 0) || alterations.Count != netlist.Analyses.Count)
        {
            return engine.Run(netlist, progress, cancel);
        }

        var results = new List<AnalysisResult>();
        for (var k = 0; k < netlist.Analyses.Count;)
        {
            var end = k + 1;
            while (end < netlist.Analyses.Count && ReferenceEquals(alterations[end], alterations[k]))
            {
                end++;
            }

            var part = Altered(netlist, alterations[k], k, end);
            results.AddRange(engine.Run(part, progress, cancel));
            foreach (var w in part.Warnings.Where(w => !netlist.Warnings.Contains(w)))
            {
                netlist.Warnings.Add(w);
            }

            k = end;
        }

        return results;
    }

    /// <summary>
    /// Runs <paramref name="analyses"/> (those a <c>.control</c> block has met so far, analysis k with
    /// <paramref name="alterations"/>[k]) on <paramref name="netlist"/> as read, for a condition of the block that reads
    /// their results (from analysis <paramref name="from"/> on); the netlist's own analyses are left as they are.
    /// </summary>
    internal static List<AnalysisResult> RunSoFar(Netlist netlist, IReadOnlyList<AnalysisCard> analyses, IReadOnlyList<IReadOnlyList<Alteration>> alterations, INetlistEngine engine, int from = 0)
    {
        var own = netlist.Analyses.ToList();
        netlist.Analyses.Clear();
        netlist.Analyses.AddRange(analyses);
        try
        {
            var results = new List<AnalysisResult>();
            for (var k = from; k < analyses.Count;)
            {
                var end = k + 1;
                while (end < analyses.Count && ReferenceEquals(alterations[end], alterations[k]))
                {
                    end++;
                }

                results.AddRange(engine.Run(Altered(netlist, alterations[k], k, end), null, CancellationToken.None));
                k = end;
            }

            return results;
        }
        finally
        {
            netlist.Analyses.Clear();
            netlist.Analyses.AddRange(own);
        }
    }

    /// <summary>A copy of <paramref name="netlist"/> with analyses <paramref name="from"/> to <paramref name="to"/> (exclusive) and <paramref name="alterations"/> applied.</summary>
    private static Netlist Altered(Netlist netlist, IReadOnlyList<Alteration> alterations, int from, int to)
    {
        // a .dc temp sweep re-reads the deck at each temperature: possible while nothing is altered (a re-read would drop it)
        var copy = new Netlist
        {
            Title = netlist.Title, SourceFile = netlist.SourceFile, End = netlist.End, Temperature = netlist.Temperature,
            AtTemperature = alterations.Count == 0 ? netlist.AtTemperature : null,
        };
        copy.Elements.AddRange(netlist.Elements.Select(e => ControlBlock.Apply(e, alterations)));
        foreach (var (name, model) in netlist.Models)
        {
            var changes = alterations.Where(a => a.Model && string.Equals(a.Target, name, StringComparison.OrdinalIgnoreCase)).ToList();
            if (changes.Count == 0)
            {
                copy.Models[name] = model;
                continue;
            }

            var parameters = new Dictionary<string, double>(model.Parameters, StringComparer.OrdinalIgnoreCase);
            foreach (var a in changes)
            {
                parameters[a.Parameter] = a.Value;
            }

            copy.Models[name] = model with { Parameters = parameters };
        }

        copy.Analyses.AddRange(netlist.Analyses.Skip(from).Take(to - from));
        copy.Prints.AddRange(netlist.Prints);
        copy.Measures.AddRange(netlist.Measures.Where(m => m.AnalysisIndex is null));
        copy.ControlOutputs.AddRange(netlist.ControlOutputs.Where(o => o.AnalysisIndex >= from && o.AnalysisIndex < to).Select(o => o with { AnalysisIndex = o.AnalysisIndex - from }));
        foreach (var m in netlist.Measures.Where(m => m.AnalysisIndex >= from && m.AnalysisIndex < to))
        {
            // the vectors a control-block meas reads are recorded like those of a print
            copy.ControlOutputs.Add(new ControlOutput(ControlOutputKind.Record, null, [.. new[] { m.Vector, m.Trigger?.Vector, m.Target?.Vector, m.Trigger?.Reference, m.Target?.Reference }.OfType<OutputVariable>()], m.AnalysisIndex!.Value - from, m.Location));
        }

        foreach (var (k, v) in netlist.Options)
        {
            copy.Options[k] = v;
        }

        foreach (var (k, v) in netlist.TextOptions)
        {
            copy.TextOptions[k] = v;
        }

        foreach (var (k, v) in netlist.InitialConditions)
        {
            copy.InitialConditions[k] = v;
        }

        foreach (var (k, v) in netlist.NodeSets)
        {
            copy.NodeSets[k] = v;
        }

        foreach (var (k, v) in netlist.Parameters)
        {
            copy.Parameters[k] = v;
        }

        return copy;
    }
}
