using Neuromorph.Circuits.Expressions;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.NetlistModel;

/// <summary>What a <c>.measure</c> computes.</summary>
public enum MeasureFunction
{
    /// <summary><c>TRIG ... TARG ...</c>: the independent-variable distance between two events.</summary>
    TrigTarg,

    /// <summary><c>FIND v WHEN ...</c> or <c>FIND v AT=x</c>: a vector's value at an event or a point.</summary>
    Find,

    /// <summary><c>WHEN ...</c>: where an event happens.</summary>
    When,

    /// <summary><c>AVG v</c>: time (or sweep) average over FROM..TO.</summary>
    Average,

    /// <summary><c>RMS v</c>: root mean square over FROM..TO.</summary>
    Rms,

    /// <summary><c>MIN v</c>.</summary>
    Minimum,

    /// <summary><c>MAX v</c>.</summary>
    Maximum,

    /// <summary><c>PP v</c>: maximum minus minimum.</summary>
    PeakToPeak,

    /// <summary><c>INTEG v</c>: trapezoidal integral over FROM..TO.</summary>
    Integral,

    /// <summary><c>MAX_AT v</c>: where (time, sweep value or frequency) the maximum over FROM..TO is.</summary>
    MaximumAt,

    /// <summary><c>MIN_AT v</c>: where the minimum over FROM..TO is.</summary>
    MinimumAt,

    /// <summary><c>DERIV v AT=x</c> or <c>DERIV v WHEN ...</c>: dv/dx at a point or an event.</summary>
    Derivative,

    /// <summary><c>param='expr'</c>: an expression of <c>.param</c>s and earlier measurement results.</summary>
    Param,
}

/// <summary>Which crossings of a level count.</summary>
public enum CrossingKind
{
    /// <summary><c>RISE=n</c>: upward crossings.</summary>
    Rise,

    /// <summary><c>FALL=n</c>: downward crossings.</summary>
    Fall,

    /// <summary><c>CROSS=n</c>: either direction.</summary>
    Cross,
}

/// <summary>
/// An event of a measurement: the <see cref="Count"/>-th crossing of <see cref="Level"/> by <see cref="Vector"/> after
/// <see cref="Delay"/> (<c>TD</c>), counting <see cref="Crossing"/>s; <c>LAST</c> is count -1. Or a fixed point <see cref="At"/>.
/// </summary>
public sealed record MeasureEvent(OutputVariable? Vector, double Level, CrossingKind Crossing, int Count, double Delay, double? At, SourceLocation Location)
{
    /// <summary>ngspice's <c>WHEN v(a)=v(b)</c>: the event is where <see cref="Vector"/> minus this vector crosses <see cref="Level"/> (0).</summary>
    public OutputVariable? Reference { get; init; }

    /// <summary><c>AT=name</c>: an expression of earlier measurement results, evaluated when they are known (replaces <see cref="At"/>).</summary>
    public ExpressionSource? AtExpression { get; init; }

    /// <summary><c>TD=name</c>: as <see cref="AtExpression"/>, for <see cref="Delay"/>.</summary>
    public ExpressionSource? DelayExpression { get; init; }

    /// <summary><c>VAL=name</c>: as <see cref="AtExpression"/>, for <see cref="Level"/>.</summary>
    public ExpressionSource? LevelExpression { get; init; }

    /// <summary><c>FROM=</c> of an event (ngspice): crossings before it do not count; null: from the start.</summary>
    public double? From { get; init; }

    /// <summary><c>TO=</c> of an event (ngspice): crossings after it do not count; null: to the end.</summary>
    public double? To { get; init; }
}

/// <summary>
/// One <c>.measure tran|dc|ac name ...</c> (ngspice and HSPICE syntax). <see cref="Vector"/> is the measured vector
/// (FIND and the statistics), <see cref="Trigger"/> and <see cref="Target"/> the events (TRIG/TARG; FIND/WHEN uses Target).
/// </summary>
public sealed record MeasureCard(
    PrintAnalysis Analysis,
    string Name,
    MeasureFunction Function,
    OutputVariable? Vector,
    MeasureEvent? Trigger,
    MeasureEvent? Target,
    double? From,
    double? To,
    SourceLocation Location)
{
    /// <summary>The expression of a <c>param='expr'</c> measurement (names are .params and earlier measurement results).</summary>
    public ExpressionSource? Expression { get; init; }

    /// <summary>For a <c>meas</c> of a <c>.control</c> block: the index of the analysis it reads (the last one run before it); null reads the first analysis of its kind.</summary>
    public int? AnalysisIndex { get; init; }

    /// <summary><c>FROM=name</c>: an expression of earlier measurement results, evaluated when they are known (replaces <see cref="From"/>).</summary>
    public ExpressionSource? FromExpression { get; init; }

    /// <summary><c>TO=name</c>: as <see cref="FromExpression"/>, for <see cref="To"/>.</summary>
    public ExpressionSource? ToExpression { get; init; }

    /// <summary>
    /// True for a <c>meas</c> of a <c>.control</c> block: ngspice's <c>meas</c> writes an earlier result into the line
    /// with <c>%e</c> (7 significant digits) before reading it, so its references are rounded the same way.
    /// </summary>
    public bool RoundsReferences { get; init; }
}
