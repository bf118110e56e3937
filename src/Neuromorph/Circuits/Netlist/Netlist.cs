using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Netlist;

/// <summary>
/// A parsed, flattened netlist: every parameter expression evaluated to a number, every
/// subcircuit instance expanded, every name lower-cased. This is the contract between the
/// netlist front end (lexer, parser, expander) and the engines that read it.
/// </summary>
/// <remarks>
/// Names inside an expanded subcircuit instance are prefixed Xyce-style with the instance path
/// and a colon: element <c>r1</c> of instance <c>x1</c> becomes <c>x1:r1</c>, its internal node
/// <c>n3</c> becomes <c>x1:n3</c>. Ground is <c>0</c>; <c>gnd</c> is read as <c>0</c>.
/// </remarks>
public sealed class Netlist
{
    /// <summary>The first line of the file, as SPICE reads it.</summary>
    public string Title { get; init; } = "";

    /// <summary>The file the netlist was read from.</summary>
    public string SourceFile { get; init; } = "<input>";

    /// <summary>Circuit elements in file order (after subcircuit expansion).</summary>
    public List<ElementCard> Elements { get; } = [];

    /// <summary>Model cards by lower-case name.</summary>
    public Dictionary<string, ModelCard> Models { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Analyses in file order.</summary>
    public List<AnalysisCard> Analyses { get; } = [];

    /// <summary><c>.print</c> commands in file order.</summary>
    public List<PrintCard> Prints { get; } = [];

    /// <summary><c>.options</c> values by lower-case name (numbers; <c>method=gear</c> is in <see cref="TextOptions"/>).</summary>
    public Dictionary<string, double> Options { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary><c>.options</c> values that are words, e.g. <c>method</c> = <c>trap</c>.</summary>
    public Dictionary<string, string> TextOptions { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary><c>.ic v(node)=value</c> initial node voltages in volts.</summary>
    public Dictionary<string, double> InitialConditions { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Global <c>.param</c> values after evaluation (for studies that override them).</summary>
    public Dictionary<string, double> Parameters { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary><c>.step</c> commands, for studies.</summary>
    public List<StepCard> Steps { get; } = [];

    /// <summary>Warnings found while reading (ignored options, skipped .control blocks ...).</summary>
    public List<Diagnostic> Warnings { get; } = [];

    /// <summary>Where the <c>.end</c> line was, if present.</summary>
    public SourceLocation? End { get; init; }
}

/// <summary>A <c>.model name type (params)</c> card; parameter names lower-case, values evaluated.</summary>
public sealed record ModelCard(
    string Name,
    string Type,
    IReadOnlyDictionary<string, double> Parameters,
    SourceLocation Location,
    IReadOnlyDictionary<string, SourceLocation>? ParameterLocations = null);

/// <summary>A <c>.step param NAME ...</c> card: the list of values the parameter takes.</summary>
public sealed record StepCard(string Parameter, IReadOnlyList<double> Values, SourceLocation Location);
