using Neuromorph.Circuits.Analyses;
using Neuromorph.Circuits.Simulation;
using Neuromorph.Experiments.Results;
using Neuromorph.Figures;

namespace Neuromorph.Experiments.Netlist;

/// <summary>One analysis of a netlist run as it is handed back: its runs, its table, its figures and its statistics.</summary>
/// <param name="Output">The analysis over all .step runs.</param>
/// <param name="Table">Its CSV table (<c>tran.csv</c> ...), rows limited to the spec's max points.</param>
/// <param name="Figures">Its figures (none for .op).</param>
/// <param name="Oversized">Set when the table is larger than <see cref="LargeTable.Threshold"/> though the estimate before the run said otherwise.</param>
public sealed record NetlistAnalysis(AnalysisOutput Output, ResultTable Table, IReadOnlyList<Figure> Figures, LargeTable? Oversized)
{
    /// <summary>
    /// The statistics line <c>simulate</c> prints: steps and points for a stepped deck, else points, accepted and rejected
    /// steps, Newton iterations and wall time.
    /// </summary>
    public string Statistics
    {
        get
        {
            var s = Output.Runs[0].Result.Statistics;
            return Output.StepNames.Count > 0
                ? $"  {Output.Name,-5} {Output.Runs.Count} steps, {Output.Runs.Sum(r => r.Result.Statistics.Points)} points"
                : $"  {Output.Name,-5} {s.Points} points, {s.AcceptedSteps} steps accepted, {s.RejectedSteps} rejected, {s.NewtonIterations} Newton iterations, {s.Wall.TotalMilliseconds:0.0} ms";
        }
    }

    /// <summary>The operating point's values, one <c>        v(out) = 0.5</c> line per column (unstepped .op only; else none).</summary>
    public IReadOnlyList<string> Values => AnalysisResult.IsPointKind(Output.Kind) && Output.StepNames.Count == 0
        ? [.. Output.Runs[0].Result.Columns.Select(c => $"        {c.Header} = {c.Values[0]:G6}")]
        : [];
}
