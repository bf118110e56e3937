using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Netlist;

/// <summary>One circuit element line after expansion. <see cref="Name"/> is the full lower-case name (e.g. <c>r1</c>, <c>x1:c2</c>).</summary>
public abstract record ElementCard(string Name, IReadOnlyList<string> Nodes, SourceLocation Location);

/// <summary><c>Rname n+ n- value</c>: resistance in ohms.</summary>
public sealed record ResistorCard(string Name, IReadOnlyList<string> Nodes, double Resistance, SourceLocation Location)
    : ElementCard(Name, Nodes, Location);

/// <summary><c>Cname n+ n- value [IC=v]</c>: capacitance in farads, optional initial voltage in volts.</summary>
public sealed record CapacitorCard(string Name, IReadOnlyList<string> Nodes, double Capacitance, double? InitialVoltage, SourceLocation Location)
    : ElementCard(Name, Nodes, Location);

/// <summary><c>Lname n+ n- value [IC=i]</c>: inductance in henries, optional initial current in amperes.</summary>
public sealed record InductorCard(string Name, IReadOnlyList<string> Nodes, double Inductance, double? InitialCurrent, SourceLocation Location)
    : ElementCard(Name, Nodes, Location);

/// <summary>An independent source: <c>Vname</c> (volts) or <c>Iname</c> (amperes, flowing from n+ through the source to n-).</summary>
public sealed record SourceCard(string Name, IReadOnlyList<string> Nodes, SourceKind Kind, double Dc, WaveformSpec? Waveform, SourceLocation Location)
    : ElementCard(Name, Nodes, Location);

/// <summary>Independent source kind.</summary>
public enum SourceKind
{
    /// <summary>Voltage source (V).</summary>
    Voltage,

    /// <summary>Current source (I).</summary>
    Current,
}

/// <summary><c>Ename n+ n- nc+ nc- gain</c> (voltage-controlled voltage source) or <c>Gname</c> (voltage-controlled current source, gain in siemens).</summary>
public sealed record ControlledSourceCard(string Name, IReadOnlyList<string> Nodes, ControlledSourceKind Kind, double Gain, SourceLocation Location)
    : ElementCard(Name, Nodes, Location);

/// <summary>Linear controlled source kind.</summary>
public enum ControlledSourceKind
{
    /// <summary>E: voltage-controlled voltage source.</summary>
    Vcvs,

    /// <summary>G: voltage-controlled current source.</summary>
    Vccs,
}

/// <summary>
/// A memristor: Xyce <c>YMEMRISTOR name n+ n- model [XO=...]</c> or ngspice XSPICE <c>Aname n+ n- model</c>.
/// <see cref="Name"/> is the instance name without the <c>ymemristor</c> prefix (e.g. <c>mr1</c>);
/// <see cref="Syntax"/> records which form was used. Instance parameters (e.g. <c>xo</c>) override the model's.
/// </summary>
public sealed record MemristorCard(
    string Name,
    IReadOnlyList<string> Nodes,
    string ModelName,
    IReadOnlyDictionary<string, double> InstanceParameters,
    MemristorSyntax Syntax,
    SourceLocation Location)
    : ElementCard(Name, Nodes, Location);

/// <summary>Which peer's syntax a memristor line used.</summary>
public enum MemristorSyntax
{
    /// <summary>Xyce <c>YMEMRISTOR</c>.</summary>
    Xyce,

    /// <summary>ngspice XSPICE <c>A</c> element.</summary>
    XSpice,
}
