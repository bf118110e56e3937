using Neuromorph.Circuits.Elements.Memristors;
using Neuromorph.Circuits.Elements.Sources;
using Neuromorph.Circuits.Expressions;
using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Engine;

/// <summary>Reads one output variable (<c>v(a,b)</c>, <c>i(r1)</c>, <c>x(m1)</c>, <c>r(m1)</c>, <c>{expression}</c>) from a solved point.</summary>
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

            case OutputKind.Expression:
                return Evaluated(circuit, v);

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

    /// <summary>An expression column: its node voltages and element currents are read at the point, then the program runs.</summary>
    private static OutputProbe Evaluated(Circuit circuit, OutputVariable v)
    {
        var bound = v.Value ?? throw new ArgumentException($"{v.Header} has no bound expression", nameof(v));
        if (TimeDerivatives.Any(bound))
        {
            throw new UserInputException(v.Location, $"{v.Header}: ddt() is read in element expressions only (B sources, E/G VALUE=, R= and C= expressions), not in output expressions",
                "compute the derivative with a B source, Bd d 0 V=ddt(...), and print v(d)");
        }

        var program = ExpressionCompiler.Compile(bound, v.Header);
        var readers = program.Variables.Select(p =>
        {
            if (p.Kind == ProbedQuantity.Voltage)
            {
                var node = NodeOf(circuit, p.Target, v);
                return (Func<LoadContext, double>)(ctx => ctx.V(node));
            }

            return ElementOf(circuit, p.Target, v).Current;
        }).ToArray();
        return new OutputProbe(v.Header, ctx =>
        {
            Span<double> values = readers.Length <= 16 ? stackalloc double[readers.Length] : new double[readers.Length];
            for (var k = 0; k < readers.Length; k++)
            {
                values[k] = readers[k](ctx);
            }

            return program.Evaluate(values, ctx.Time, ctx.Temperature);
        });
    }

    /// <summary>
    /// The columns the MNA engine gives <paramref name="analysis"/> of <paramref name="netlist"/> (one of its analyses, or
    /// the .op it runs when it has none): the <c>.print</c> items of that analysis kind; without one, every node voltage,
    /// memristor state and voltage-source current (.op, .dc, .tran; ngspice's default vectors) or the magnitude and phase of every node voltage (.ac). The vectors the
    /// analysis's measurements and control-block commands read are recorded beside them.
    /// </summary>
    public static OutputColumns Columns(Netlist netlist, AnalysisCard analysis)
    {
        ArgumentNullException.ThrowIfNull(netlist);
        ArgumentNullException.ThrowIfNull(analysis);
        if (analysis is TfCard or SensCard)
        {
            // DC small-signal analyses: their columns are their own results (ngspice's names), known as they run
            return new OutputColumns("", [], []);
        }

        var index = Math.Max(0, netlist.Analyses.ToList().FindIndex(a => ReferenceEquals(a, analysis)));
        var kind = Printed(analysis);
        var printed = netlist.Prints.Where(p => p.Analysis == kind).SelectMany(p => p.Items).ToList();
        var nodes = netlist.Elements.SelectMany(e => e.Nodes).Where(n => n != "0").Distinct(StringComparer.Ordinal).ToList();
        List<OutputVariable> table = printed.Count > 0 ? printed
            : analysis is AcCard ? [.. nodes.SelectMany(n => new[]
            {
                new OutputVariable($"vm({n})", OutputKind.Voltage, n, null, analysis.Location, ComplexPart.Magnitude),
                new OutputVariable($"vp({n})", OutputKind.Voltage, n, null, analysis.Location, ComplexPart.Phase),
            })]
            : [.. nodes.Select(n => new OutputVariable($"v({n})", OutputKind.Voltage, n, null, analysis.Location)),
                .. netlist.Elements.OfType<MemristorCard>().Select(m => new OutputVariable($"x({m.Name})", OutputKind.MemristorState, m.Name, null, analysis.Location)),
                .. netlist.Elements.OfType<SourceCard>().Where(v => v.Kind == SourceKind.Voltage)
                    .Select(v => new OutputVariable($"i({v.Name})", OutputKind.Current, v.Name, null, analysis.Location))];
        // an .ac analysis records what is not printed; the others what is not in their table (defaults included)
        var shown = analysis is AcCard ? printed : table;
        var recorded = netlist.Measures.Where(m => m.Analysis == kind).SelectMany(m => new[] { m.Vector, m.Trigger?.Vector, m.Target?.Vector, m.Trigger?.Reference, m.Target?.Reference }).OfType<OutputVariable>()
            .Concat(netlist.ControlOutputs.Where(o => o.AnalysisIndex == index).SelectMany(o => o.Vectors))
            .GroupBy(v => v.Header, StringComparer.Ordinal).Select(g => g.First())
            .Where(v => !shown.Any(p => p.Header == v.Header)).ToList();
        var independent = analysis switch
        {
            TranCard => "time",
            AcCard => "frequency",
            DcCard dc => dc.Sweeps[0].IsTemperature ? DcSweep.TemperatureVector : dc.Sweeps[0].Source,
            _ => "",
        };
        return new OutputColumns(independent, table, recorded);
    }

    /// <summary>The <c>.print</c> analysis kind of <paramref name="analysis"/>.</summary>
    public static PrintAnalysis Printed(AnalysisCard analysis) => analysis switch
    {
        OpCard => PrintAnalysis.Op,
        DcCard => PrintAnalysis.Dc,
        AcCard => PrintAnalysis.Ac,
        _ => PrintAnalysis.Tran,
    };

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
