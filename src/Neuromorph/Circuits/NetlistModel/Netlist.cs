using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.NetlistModel;

/// <summary>
/// A parsed, flattened netlist: every parameter evaluated, every subcircuit instance expanded, every name
/// lower-cased, behavioural values bound. This is the contract between the netlist reader and the engines.
/// </summary>
/// <remarks>
/// Names inside an expanded subcircuit instance are prefixed Xyce-style with the instance path and a colon: element
/// <c>r1</c> of instance <c>x1</c> becomes <c>x1:r1</c>, its internal node <c>n3</c> becomes <c>x1:n3</c>. Ground is
/// <c>0</c>; <c>gnd</c> is read as <c>0</c>; nodes named by <c>.global</c> are not prefixed.
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

    /// <summary>Analyses in the order they run (dot-commands in file order, or a <c>.control</c> block's analyses).</summary>
    public List<AnalysisCard> Analyses { get; } = [];

    /// <summary><c>.print</c> commands in file order.</summary>
    public List<PrintCard> Prints { get; } = [];

    /// <summary><c>.measure</c> commands in file order.</summary>
    public List<MeasureCard> Measures { get; } = [];

    /// <summary>Output commands of a <c>.control</c> block (<c>wrdata</c>, <c>print</c>), each after the analysis it reads.</summary>
    public List<ControlOutput> ControlOutputs { get; } = [];

    /// <summary>The post-run commands and <c>alter</c>s of a <c>.control</c> block, or null without one.</summary>
    public ControlScript? Control { get; set; }

    /// <summary><c>.options</c> values by lower-case name (numbers; <c>method=gear</c> is in <see cref="TextOptions"/>).</summary>
    public Dictionary<string, double> Options { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary><c>.options</c> values that are words, e.g. <c>method</c> = <c>trap</c>.</summary>
    public Dictionary<string, string> TextOptions { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary><c>.ic v(node)=value</c> initial node voltages in volts.</summary>
    public Dictionary<string, double> InitialConditions { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary><c>.nodeset v(node)=value</c> starting guesses for operating points, volts.</summary>
    public Dictionary<string, double> NodeSets { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Global <c>.param</c> values after evaluation (for studies that override them).</summary>
    public Dictionary<string, double> Parameters { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary><c>.step</c> commands, run by the simulation service (one run per combination).</summary>
    public List<StepCard> Steps { get; } = [];

    /// <summary>Circuit temperature in degrees Celsius (<c>.temp</c> or <c>.options temp=</c>; 27 by default).</summary>
    public double Temperature { get; set; } = 27;

    /// <summary>
    /// Re-reads the same text at another circuit temperature (what <c>temper</c> means in constants, models and
    /// instances too), for <c>.dc temp</c>; null for a netlist built in code.
    /// </summary>
    public Func<double, Netlist>? AtTemperature { get; set; }

    /// <summary>Warnings found while reading (ignored options, control commands, suffixes SPICE ignores ...).</summary>
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
    IReadOnlyDictionary<string, SourceLocation>? ParameterLocations = null)
{
    /// <summary>Parameters with text values (ngspice's <c>version=4.5.0</c> on BSIM cards), by name.</summary>
    public IReadOnlyDictionary<string, string> TextParameters { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Where parameter <paramref name="name"/> was written (the card's location if unknown).</summary>
    public SourceLocation At(string name) =>
        ParameterLocations is not null && ParameterLocations.TryGetValue(name, out var l) ? l : Location;
}

/// <summary>A <c>.step param NAME ...</c> card: the list of values the parameter takes.</summary>
public sealed record StepCard(string Parameter, IReadOnlyList<double> Values, SourceLocation Location);

/// <summary>What a <c>.control</c> output command does.</summary>
public enum ControlOutputKind
{
    /// <summary><c>wrdata file vectors</c>: a text table file.</summary>
    Wrdata,

    /// <summary><c>print vectors</c>: a table on standard output.</summary>
    Print,

    /// <summary>Vectors a control command (<c>let</c>, <c>print</c>, <c>meas</c> ...) reads: recorded, not written.</summary>
    Record,
}

/// <summary>A <c>wrdata</c> or <c>print</c> of a <c>.control</c> block, reading the results of analysis number <see cref="AnalysisIndex"/>.</summary>
public sealed record ControlOutput(ControlOutputKind Kind, string? File, IReadOnlyList<OutputVariable> Vectors, int AnalysisIndex, SourceLocation Location);
