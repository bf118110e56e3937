using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Engine;

/// <summary>Reads one output variable (<c>v(a,b)</c>, <c>i(r1)</c>, <c>x(m1)</c>, <c>r(m1)</c>) from a solved point.</summary>
public sealed class OutputProbe(string header, Func<LoadContext, double> read)
{
    /// <summary>Column header.</summary>
    public string Header { get; } = header;

    /// <summary>Reads the value at the solution in <paramref name="ctx"/>.</summary>
    public double Read(LoadContext ctx) => read(ctx);

    /// <summary>Builds the probe for <paramref name="v"/>; unknown nodes and elements are located user errors.</summary>
    public static OutputProbe Create(Circuit circuit, OutputVariable v)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentNullException.ThrowIfNull(v);
        switch (v.Kind)
        {
            case OutputKind.Voltage:
            {
                var a = NodeOf(circuit, v.Target, v);
                var b = v.Reference is null ? -1 : NodeOf(circuit, v.Reference, v);
                return new OutputProbe(v.Header, ctx => ctx.V(a) - ctx.V(b));
            }

            case OutputKind.Current:
            {
                var e = ElementOf(circuit, v.Target.StartsWith("ymemristor!", StringComparison.Ordinal) ? v.Target["ymemristor!".Length..] : v.Target, v);
                return new OutputProbe(v.Header, e.Current);
            }

            default:
            {
                var e = ElementOf(circuit, v.Target, v);
                if (e is not IMemristiveBehavior m)
                {
                    throw new UserInputException(v.Location, $"{v.Header}: '{v.Target}' is not a memristor", "x() and r() read memristor state and resistance");
                }

                return v.Kind == OutputKind.MemristorState
                    ? new OutputProbe(v.Header, ctx => ctx.Solution[m.State])
                    : new OutputProbe(v.Header, m.Resistance);
            }
        }
    }

    /// <summary>The default outputs when a netlist has no .print for an analysis: every node voltage and memristor state.</summary>
    public static List<OutputProbe> Defaults(Circuit circuit)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        var probes = circuit.NodeNames.Select((n, i) => new OutputProbe($"v({n})", ctx => ctx.V(i))).ToList();
        probes.AddRange(circuit.Elements.Where(e => e is IMemristiveBehavior).Select(e => new OutputProbe($"x({e.Name})", ctx => ctx.Solution[((IMemristiveBehavior)e).State])));
        return probes;
    }

    /// <summary>The unknown of node <paramref name="node"/> (-1 for ground), or a located error naming the output item.</summary>
    public static int NodeOf(Circuit circuit, string node, OutputVariable v)
    {
        if (node == "0")
        {
            return -1;
        }

        return circuit.NodeIndex.TryGetValue(node, out var i)
            ? i
            : throw new UserInputException(v.Location, $"{v.Header}: no node '{node}'", Suggestions.Hint(node, circuit.NodeNames.ToList()));
    }

    /// <summary>The element called <paramref name="name"/>, or a located error naming the output item.</summary>
    public static ElementBehavior ElementOf(Circuit circuit, string name, OutputVariable v) =>
        circuit.ElementIndex.TryGetValue(name, out var e)
            ? e
            : throw new UserInputException(v.Location, $"{v.Header}: no element '{name}'", Suggestions.Hint(name, circuit.ElementIndex.Keys.ToList()));
}
