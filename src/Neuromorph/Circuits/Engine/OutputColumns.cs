using Neuromorph.Circuits.NetlistModel;

namespace Neuromorph.Circuits.Engine;

/// <summary>
/// The columns one analysis of a netlist produces, known before it runs (<see cref="OutputProbe.Columns"/>).
/// </summary>
/// <param name="Independent">The independent variable: <c>time</c>, <c>frequency</c>, the swept source; empty for .op.</param>
/// <param name="Table">The result's columns, in order: the <c>.print</c> items, or the engine's defaults without one.</param>
/// <param name="Recorded">
/// Vectors recorded beside the table for <c>.measure</c> and control-block commands: readable by header (plots,
/// measurements), not written to the CSV.
/// </param>
public sealed record OutputColumns(string Independent, IReadOnlyList<OutputVariable> Table, IReadOnlyList<OutputVariable> Recorded)
{
    /// <summary>The headers of one run's table: the independent variable (not for .op), then the <see cref="Table"/> columns.</summary>
    public IReadOnlyList<string> Headers => [.. (Independent.Length == 0 ? [] : new[] { Independent }).Concat(Table.Select(c => c.Header))];

    /// <summary>Every name a run of the analysis can be read by: <see cref="Headers"/>, then the <see cref="Recorded"/> vectors.</summary>
    public IReadOnlyList<string> Readable => [.. Headers.Concat(Recorded.Select(v => v.Header)).Distinct(StringComparer.Ordinal)];
}
