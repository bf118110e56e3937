using Neuromorph.Circuits.Simulation;
using Neuromorph.Diagnostics;
using Neuromorph.Experiments.Results;
using Neuromorph.Io;

namespace Neuromorph.Experiments.Netlist;

/// <summary>
/// Turns a <see cref="SimulationReport"/> into a <see cref="NetlistResult"/>: one row-limited table per analysis with
/// its figures, measure.csv and the measurements, the control block's files and text.
/// </summary>
public static class NetlistResults
{
    /// <summary>The result of <paramref name="report"/> under <paramref name="spec"/>.</summary>
    /// <param name="report">The simulation.</param>
    /// <param name="spec">Its spec (row limit, plot requests).</param>
    /// <param name="announced">Tables announced as large before the run (by file stem: tran, dc ...); the others are checked again.</param>
    /// <param name="figures">Whether to build the figures.</param>
    public static NetlistResult Of(SimulationReport report, NetlistSpec spec, IReadOnlySet<string> announced, bool figures)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(announced);
        var analyses = report.Analyses.Select(a => Analysis(a, spec, announced, figures)).ToList();
        var (table, measures) = Measures(report);
        var control = report.ControlOutputs.Select(c => new ControlBlockOutput(c.Output.File, ControlOutputText.Format(c))).ToList();
        return new NetlistResult(report, analyses, table, measures, control, [.. report.Netlist.Warnings]);
    }

    private static NetlistAnalysis Analysis(AnalysisOutput a, NetlistSpec spec, IReadOnlySet<string> announced, bool figures)
    {
        var (headers, columns) = a.Table();
        columns = LimitRows(columns, spec.MaxPoints);
        var table = new ResultTable($"{a.Name}.csv", headers, columns);
        var size = new LargeTable(table.Name, table.Rows, columns.Count, false);
        // the estimate before the run was too low when the time step control took many more steps
        var late = !announced.Contains(a.Name) && size.Bytes > LargeTable.Threshold ? size : null;
        return new NetlistAnalysis(a, table, figures ? ResultPlots.Figures(a, spec.Plots) : [], late);
    }

    private static (ResultTable? Table, IReadOnlyList<MeasureOutcome> Outcomes) Measures(SimulationReport report)
    {
        if (report.Netlist.Measures.Count == 0)
        {
            return (null, []);
        }

        var names = report.Netlist.Steps.Select(s => s.Parameter).ToList();
        var headers = names.Concat(report.Measures[0].Values.Select(v => v.Name)).ToList();
        var columns = headers.Select(_ => new List<double>()).ToList();
        var outcomes = new List<MeasureOutcome>();
        foreach (var run in report.Measures)
        {
            var k = 0;
            foreach (var n in names)
            {
                columns[k++].Add(run.Step[n]);
            }

            var step = string.Join(", ", names.Select(n => $"{n} = {run.Step[n]:G4}"));
            var at = names.Count == 0 ? "" : $" ({step})";
            foreach (var v in run.Values)
            {
                columns[k++].Add(v.Value);
                outcomes.Add(new MeasureOutcome(v.Name, v.Succeeded ? v.Value : double.NaN, step, v.Succeeded ? null : Diagnostic.Warning(v.Location, $".measure {v.Name} failed{at}: {v.Failure}")));
            }
        }

        return (new ResultTable("measure.csv", headers, [.. columns.Select(c => (IReadOnlyList<double>)c)]), outcomes);
    }

    private static IReadOnlyList<IReadOnlyList<double>> LimitRows(IReadOnlyList<IReadOnlyList<double>> columns, int maxRows) =>
        maxRows == 0 || columns.Count == 0 || columns[0].Count <= maxRows ? columns : CsvTable.SelectRows(columns, CsvTable.EvenlySpacedRows(columns[0].Count, maxRows));
}
