using Neuromorph.Circuits.Simulation;
using Neuromorph.Diagnostics;
using Neuromorph.Experiments.Results;
using Neuromorph.Figures;

namespace Neuromorph.Experiments.Netlist;

/// <summary>
/// What a netlist run hands back (<see cref="NetlistExperiment.Run(NetlistSpec, ExperimentContext, Action{LargeTable}?)"/>),
/// as data: nothing here has been written to disk. Without an output directory in the context the tables, figures and
/// files are left out (a study needs the report and the measurements only).
/// </summary>
/// <param name="Report">The simulation: the parsed netlist, every analysis over its .step runs, measurements, control outputs.</param>
/// <param name="Analyses">One table (tran.csv, tran2.csv, op.csv ...) with its figures and statistics per analysis.</param>
/// <param name="MeasureTable">measure.csv (the stepped parameters, then one column per .measure; a row per run), or null without .measure.</param>
/// <param name="Measures">Every measurement of every run, in run order.</param>
/// <param name="ControlOutputs">The control block's wrdata files and printed text, in the order its commands ran.</param>
/// <param name="Warnings">The netlist's warnings (lines ignored, defaults taken ...).</param>
public sealed record NetlistResult(
    SimulationReport Report,
    IReadOnlyList<NetlistAnalysis> Analyses,
    ResultTable? MeasureTable,
    IReadOnlyList<MeasureOutcome> Measures,
    IReadOnlyList<ControlBlockOutput> ControlOutputs,
    IReadOnlyList<Diagnostic> Warnings)
{
    /// <summary>The netlist's title line.</summary>
    public string Title => Report.Netlist.Title;

    /// <summary>The status of the <c>.control</c> block's <c>quit n</c> / <c>exit n</c> (null: none given).</summary>
    public int? ExitCode => Report.Netlist.Control?.ExitCode;

    /// <summary>Every file to write, tables first, then measure.csv and the wrdata files.</summary>
    public IReadOnlyList<ResultFile> Files =>
        [.. Analyses.Select(a => (ResultFile)a.Table), .. MeasureTable is null ? [] : new ResultFile[] { MeasureTable }, .. ControlOutputs.Select(c => c.AsFile).OfType<ResultFile>()];

    /// <summary>Every figure, analysis by analysis.</summary>
    public IReadOnlyList<Figure> Figures => [.. Analyses.SelectMany(a => a.Figures)];

    /// <summary>
    /// The measurements of an unstepped deck by name (NaN where one failed); empty for a stepped deck, whose runs each
    /// have their own (<see cref="Measures"/>).
    /// </summary>
    public IReadOnlyDictionary<string, double> MeasureValues =>
        Report.Stepped ? new Dictionary<string, double>() : Measures.GroupBy(m => m.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.OrdinalIgnoreCase);
}
