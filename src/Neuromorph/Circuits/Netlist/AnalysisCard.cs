using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Netlist;

/// <summary>An analysis dot-command.</summary>
public abstract record AnalysisCard(SourceLocation Location);

/// <summary><c>.op</c>: DC operating point.</summary>
public sealed record OpCard(SourceLocation Location) : AnalysisCard(Location);

/// <summary><c>.dc src start stop step [src2 start2 stop2 step2]</c>: DC sweep of an independent source.</summary>
public sealed record DcCard(IReadOnlyList<DcSweep> Sweeps, SourceLocation Location) : AnalysisCard(Location);

/// <summary>One swept source of a <c>.dc</c> card; <see cref="Source"/> is the lower-case element name.</summary>
public sealed record DcSweep(string Source, double Start, double Stop, double Step);

/// <summary><c>.tran tstep tstop [tstart [tmax]] [uic]</c>; seconds. <see cref="MaxStep"/> is null when not given.</summary>
public sealed record TranCard(double Step, double Stop, double Start, double? MaxStep, bool UseInitialConditions, SourceLocation Location)
    : AnalysisCard(Location);

/// <summary>The analysis a <c>.print</c> belongs to.</summary>
public enum PrintAnalysis
{
    /// <summary><c>.print op</c>.</summary>
    Op,

    /// <summary><c>.print dc</c>.</summary>
    Dc,

    /// <summary><c>.print tran</c>.</summary>
    Tran,
}

/// <summary><c>.print tran|dc|op item...</c>.</summary>
public sealed record PrintCard(PrintAnalysis Analysis, IReadOnlyList<OutputVariable> Items, SourceLocation Location);

/// <summary>What an output item reads.</summary>
public enum OutputKind
{
    /// <summary><c>v(n)</c> or <c>v(a,b)</c>: node voltage or difference, volts.</summary>
    Voltage,

    /// <summary><c>i(element)</c>: current through a two-terminal element from n+ to n-, amperes.</summary>
    Current,

    /// <summary><c>x(name)</c> or <c>n(ymemristor!name_x)</c>: memristor state.</summary>
    MemristorState,

    /// <summary><c>r(name)</c> or <c>n(ymemristor!name:r)</c>: memristor resistance, ohms.</summary>
    MemristorResistance,
}

/// <summary>
/// One output item. <see cref="Header"/> is the text exactly as written, lower-cased (the CSV column header).
/// <see cref="Target"/> is a node name, an element name or a memristor instance name (without <c>ymemristor!</c>);
/// <see cref="Reference"/> is the second node of <c>v(a,b)</c>, else null.
/// </summary>
public sealed record OutputVariable(string Header, OutputKind Kind, string Target, string? Reference, SourceLocation Location);
