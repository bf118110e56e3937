using System.Numerics;
using Neuromorph.Circuits.Expressions;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.NetlistModel;

/// <summary>
/// What an ngspice <c>.control</c> block does after (and between) its analyses: <see cref="Commands"/> run in order once
/// the analyses have run, each reading the vectors of analysis <see cref="ControlCommand.AnalysisIndex"/> (the last one run
/// before it, -1 for none); <see cref="Alterations"/> holds, for each analysis of the netlist, the <c>alter</c> and
/// <c>altermod</c> changes in force when it runs.
/// </summary>
public sealed class ControlScript
{
    /// <summary>The post-run commands in block order.</summary>
    public List<ControlCommand> Commands { get; } = [];

    /// <summary>For analysis k of the netlist, the element and model changes it runs with (empty: the netlist as read).</summary>
    public List<IReadOnlyList<Alteration>> Alterations { get; } = [];

    /// <summary>The scalar variables known when the block was read (.param, .csparam, constant <c>let</c>s).</summary>
    public Dictionary<string, double> Constants { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The exit status of the <c>quit n</c> / <c>exit n</c> that ended the block (null: none given).</summary>
    public int? ExitCode { get; set; }
}

/// <summary>A change made by <c>alter</c> (an element) or <c>altermod</c> (a model card, <see cref="Model"/> true).</summary>
public sealed record Alteration(string Target, string Parameter, double Value, bool Model, SourceLocation Location)
{
    /// <summary>
    /// A source waveform replaced as a whole (<c>alter @v1[sin] [ 0 3 1meg ]</c>, ngspice's vector form): the new
    /// waveform, with <see cref="Parameter"/> naming its kind; null for a scalar alteration.
    /// </summary>
    public WaveformSpec? Waveform { get; init; }
}

/// <summary>A command of a <c>.control</c> block run after the analyses, reading analysis <see cref="AnalysisIndex"/>.</summary>
public abstract record ControlCommand(int AnalysisIndex, SourceLocation Location);

/// <summary>
/// <c>let name = expression</c> (or <c>let name[index] = expression</c>, <see cref="Index"/> set): a vector computed
/// element-wise from the analysis vectors and earlier variables.
/// </summary>
public sealed record LetCommand(string Name, ExpressionSource Source, int AnalysisIndex, SourceLocation Location) : ControlCommand(AnalysisIndex, Location)
{
    /// <summary>The element assigned (<c>let a[i] = ...</c>), or null for the whole vector.</summary>
    public int? Index { get; init; }

    /// <summary>The value when the block's reading computed it already (no simulation result needed), else null.</summary>
    public IReadOnlyList<Complex>? Value { get; init; }
}

/// <summary><c>print expr ...</c> (or <c>print all</c>, <see cref="Items"/> empty): scalars as <c>name = value</c>, vectors as a table.</summary>
public sealed record PrintCommand(IReadOnlyList<ExpressionSource> Items, int AnalysisIndex, SourceLocation Location) : ControlCommand(AnalysisIndex, Location)
{
    /// <summary>The file of a <c>print ... &gt; file</c> redirection (relative to the output folder), or null for the console.</summary>
    public string? File { get; init; }
}

/// <summary><c>echo text</c>, with <c>$&amp;name</c> replaced by the variable's value.</summary>
public sealed record EchoCommand(string Text, int AnalysisIndex, SourceLocation Location) : ControlCommand(AnalysisIndex, Location);

/// <summary>
/// <c>wrdata file expr ...</c> in ngspice's layout: for each vector a scale column and a value column (one scale column
/// with <c>set wr_singlescale</c>), a header line of names with <c>set wr_vecnames</c>.
/// </summary>
public sealed record WrdataCommand(string File, IReadOnlyList<ExpressionSource> Items, bool SingleScale, bool VectorNames, int AnalysisIndex, SourceLocation Location) : ControlCommand(AnalysisIndex, Location);

/// <summary>A <c>meas</c> of the block: its result becomes a variable for later commands.</summary>
public sealed record MeasCommand(MeasureCard Card, int AnalysisIndex, SourceLocation Location) : ControlCommand(AnalysisIndex, Location);
