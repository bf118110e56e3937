using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Circuits.Parsing;
using Neuromorph.Circuits.Simulation;
using Neuromorph.Circuits.Syntax;
using Neuromorph.Diagnostics;
using Neuromorph.Io.Yaml;
using ParsedNetlist = Neuromorph.Circuits.NetlistModel.Netlist;

namespace Neuromorph.Experiments.Netlist;

/// <summary>
/// A SPICE netlist run as <c>neuromorph simulate</c> runs it, as a use case: reads the netlist, checks the plot requests
/// against the columns the engine will produce, announces tables too large to write comfortably, simulates (once, or
/// once per <c>.step</c> combination, with <see cref="NetlistSimulation"/>) and hands back a <see cref="NetlistResult"/>
/// of tables, figures, measurements and control outputs, writing nothing. As <c>kind: netlist</c> (keys of
/// <see cref="NetlistSpecReader"/>) it runs under <c>neuromorph run</c> and <c>sweep</c>; its metrics are the netlist's
/// <c>.measure</c> values, so they depend on the file (<see cref="MetricNamesOf"/>) and <see cref="MetricNames"/> is empty.
/// </summary>
public sealed class NetlistExperiment : IExperiment, IFileMetrics
{
    /// <inheritdoc />
    public string Kind => "netlist";

    /// <inheritdoc />
    public string Description => "a SPICE netlist as 'simulate' runs it (.op .dc .tran .ac .measure .step; engine mna or ctd)";

    /// <summary>None: the metrics are the .measure names of each file (<see cref="MetricNamesOf"/>).</summary>
    public IReadOnlyList<string> MetricNames { get; } = [];

    /// <summary>The <c>.measure</c> names of the file's netlist; none for a stepped deck, whose runs each measure.</summary>
    public IReadOnlyList<string> MetricNamesOf(YamlSection root)
    {
        var spec = NetlistSpecReader.Read(root);
        var netlist = NetlistParser.Parse(NetlistSource.LoadText(spec.NetlistPath), spec.NetlistPath, spec.Parameters.Count == 0 ? null : spec.Parameters);
        return netlist.Steps.Count > 0 ? [] : [.. netlist.Measures.Select(m => m.Name).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>
    /// Runs <paramref name="spec"/>: the title goes to the context's log before anything is simulated; plot requests
    /// naming no column are located errors at the netlist's <c>.print</c> line; <paramref name="oversized"/> hears of every
    /// table estimated above <see cref="LargeTable.Threshold"/> before the run; the context's progress receives the
    /// fraction of each transient done. Figures are built only when the context has an output directory.
    /// </summary>
    public static NetlistResult Run(NetlistSpec spec, ExperimentContext context, Action<LargeTable>? oversized = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(context);
        var engine = NetlistEngines.For(spec.Engine);
        var announced = new HashSet<string>(StringComparer.Ordinal);
        void BeforeSimulating(ParsedNetlist netlist)
        {
            // the title goes out before the transient's progress lines (one pipe for both streams keeps the order)
            context.Log.WriteLine(netlist.Title);
            context.Log.Flush();
            // a misspelt column is reported before the simulation runs, at the .print line it is missing from
            PlotColumns.Check(spec.Plots, netlist, engine);
            foreach (var t in OutputSize.Estimate(netlist, engine))
            {
                var size = new LargeTable($"{t.Name}.csv", spec.MaxPoints > 0 ? Math.Min(t.Rows, spec.MaxPoints) : t.Rows, t.Columns, t.Name.StartsWith("tran", StringComparison.Ordinal));
                if (size.Bytes > LargeTable.Threshold)
                {
                    announced.Add(t.Name);
                    oversized?.Invoke(size);
                }
            }
        }

        var text = spec.Text ?? NetlistSource.LoadText(spec.NetlistPath);
        var report = NetlistSimulation.Run(spec.NetlistPath, text, spec.Parameters, engine, context.Progress, context.CancellationToken, BeforeSimulating);
        return NetlistResults.Of(report, spec, announced, context.OutputDirectory is not null);
    }

    /// <inheritdoc />
    public ExperimentReport Run(YamlSection root, ExperimentContext context)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(context);
        var spec = NetlistSpecReader.Read(root);
        if (context.Accelerator is not null)
        {
            context.Log.WriteLine("netlist: the circuit engines (MNA with sparse LU, CTD on sparse graphs) run on the CPU");
        }

        var large = new List<LargeTable>();
        var result = Run(spec, context, large.Add);
        var lines = new List<string>();
        foreach (var a in result.Analyses)
        {
            lines.Add(a.Statistics);
            lines.AddRange(a.Values);
        }

        lines.AddRange(result.Measures.Where(m => m.Failure is null).Select(m => m.Line));
        lines.AddRange(result.ControlOutputs.Where(c => c.File is null).Select(c => c.Text.TrimEnd('\n', '\r')));
        large.AddRange(result.Analyses.Select(a => a.Oversized).OfType<LargeTable>());
        return new ExperimentReport(result.MeasureValues, [], string.Join(Environment.NewLine, lines))
        {
            Outputs = result.Files,
            Figures = context.OutputDirectory is null ? [] : result.Figures,
            Warnings = [.. result.Warnings, .. large.Select(t => Diagnostic.Warning(root.LocationOf("max_points"), t.Message("max_points"))), .. result.Measures.Select(m => m.Failure).OfType<Diagnostic>()],
        };
    }
}
