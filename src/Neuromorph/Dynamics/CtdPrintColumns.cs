using Neuromorph.Circuits.Analyses;
using Neuromorph.Circuits.Elements.Memristors;
using Neuromorph.Circuits.Elements.Sources;
using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Devices.CtdLinear;
using Neuromorph.Diagnostics;

namespace Neuromorph.Dynamics;

/// <summary>
/// The <c>.print tran</c> items of a CTD-engine run besides the states: the resistance r(m) = Ron (1 + ξ x) of a
/// memristor, its current i(m) from its first terminal to its second, recovered from the state equation itself
/// (dx/dt = α x − (Ron/β) i, so i = β (α x − dx/dt) / Ron), the current i(v) of a voltage source folded into a
/// memristor's branch (the series current, signed by which terminals they share) and the constant current of a DC
/// current source. Node voltages are eliminated by the CTD equation: a v() item is refused at its location.
/// </summary>
internal static class CtdPrintColumns
{
    /// <summary>The columns for every item of the netlist's .print tran cards that is not a memristor state.</summary>
    public static IEnumerable<ResultColumn> Compute(
        Netlist netlist,
        IReadOnlyList<MemristorCard> memristors,
        IReadOnlyList<CtdLinearModel> models,
        IReadOnlyDictionary<string, CtdFoldedSource> foldedInto,
        IReadOnlyList<SourceCard> currentSources,
        IReadOnlyList<double[]> states,
        Action<double[], double[]> rate)
    {
        var items = Items(netlist);
        if (items.Count == 0)
        {
            return [];
        }

        var memristorIndex = memristors.Select((m, k) => (m.Name, k)).ToDictionary(t => t.Name, t => t.k, StringComparer.OrdinalIgnoreCase);
        double[][]? currents = null;
        double[][] Currents() => currents ??= MemristorCurrents(models, states, rate);
        var columns = new List<ResultColumn>();
        foreach (var item in items)
        {
            columns.Add(item.Kind switch
            {
                OutputKind.MemristorResistance when memristorIndex.TryGetValue(item.Target, out var k) =>
                    new ResultColumn(item.Header, [.. states.Select(x => models[k].Ron * (1 + (models[k].Xi * x[k])))]),
                OutputKind.Current when memristorIndex.TryGetValue(item.Target, out var k) =>
                    new ResultColumn(item.Header, [.. Currents().Select(i => i[k])]),
                OutputKind.Current when foldedInto.TryGetValue(item.Target, out var f) =>
                    new ResultColumn(item.Header, [.. Currents().Select(i => SourceCurrent(f.Source, memristors[f.Memristor], f.Node, i[f.Memristor]))]),
                OutputKind.Current when currentSources.FirstOrDefault(c => string.Equals(c.Name, item.Target, StringComparison.OrdinalIgnoreCase)) is { } c =>
                    new ResultColumn(item.Header, [.. states.Select(_ => c.Dc)]),
                OutputKind.Expression => throw new UserInputException(item.Location, $"the CTD engine does not evaluate .print expressions such as {item.Header}", "print x(), r() and i() columns, or use the MNA engine for expression columns"),
                OutputKind.Voltage => throw new UserInputException(item.Location, $"the CTD engine does not compute {item.Header}: the CTD equation eliminates node potentials", "print x(), r() and i() of memristors and i() of sources, or use the MNA engine for node voltages"),
                _ => throw new UserInputException(item.Location, $"the CTD engine cannot print {item.Header}: '{item.Target}' is not a memristor or source of the network", "print x(), r() and i() of memristors and i() of sources"),
            });
        }

        return columns;
    }

    /// <summary>The .print tran items that are not memristor states, once each (the columns after the states), in order.</summary>
    public static IReadOnlyList<OutputVariable> Items(Netlist netlist) =>
        [.. netlist.Prints.Where(p => p.Analysis == PrintAnalysis.Tran).SelectMany(p => p.Items)
            .Where(i => i.Kind != OutputKind.MemristorState).DistinctBy(i => i.Header, StringComparer.OrdinalIgnoreCase)];

    /// <summary>i = β (α x − dx/dt) / Ron for every memristor at every sample (convention A of the state equation).</summary>
    private static double[][] MemristorCurrents(IReadOnlyList<CtdLinearModel> models, IReadOnlyList<double[]> states, Action<double[], double[]> rate)
    {
        var p = models[0];
        var result = new double[states.Count][];
        var dxdt = new double[models.Count];
        for (var t = 0; t < states.Count; t++)
        {
            var x = (double[])states[t].Clone();
            rate(x, dxdt);
            result[t] = [.. x.Select((xk, k) => p.Beta * ((p.Alpha * xk) - dxdt[k]) / p.Ron)];
        }

        return result;
    }

    /// <summary>
    /// The series current through a source that shares <paramref name="node"/> with memristor <paramref name="m"/>:
    /// the memristor's current leaves the shared node through m when it is m's first terminal, so it enters the node
    /// through the source, which flows from its second terminal to its first when the node is its first terminal.
    /// </summary>
    private static double SourceCurrent(SourceCard source, MemristorCard m, string node, double memristorCurrent)
    {
        var intoMemristor = string.Equals(m.Nodes[0], node, StringComparison.Ordinal) ? -1.0 : 1.0;
        var sourceFirst = string.Equals(source.Nodes[0], node, StringComparison.Ordinal) ? 1.0 : -1.0;
        return intoMemristor * sourceFirst * memristorCurrent;
    }
}

/// <summary>A DC source folded into a memristor's branch by <see cref="CtdNetlist"/>: the memristor and the node between them.</summary>
/// <param name="Source">The source card.</param>
/// <param name="Memristor">Index of the memristor it is in series with.</param>
/// <param name="Node">The node the source shares with that memristor.</param>
public sealed record CtdFoldedSource(SourceCard Source, int Memristor, string Node);
