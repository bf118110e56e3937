using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.NetlistModel;

/// <summary>An analysis: a dot-command, or a line of an ngspice <c>.control</c> block.</summary>
public abstract record AnalysisCard(SourceLocation Location)
{
    /// <summary>The analysis kind as files and .print name it: <c>op</c>, <c>dc</c>, <c>tran</c>, <c>ac</c>.</summary>
    public abstract string Kind { get; }
}

/// <summary><c>.op</c>: DC operating point.</summary>
public sealed record OpCard(SourceLocation Location) : AnalysisCard(Location)
{
    /// <inheritdoc />
    public override string Kind => "op";
}

/// <summary><c>.dc src start stop step [src2 start2 stop2 step2]</c>: DC sweep of an independent source.</summary>
public sealed record DcCard(IReadOnlyList<DcSweep> Sweeps, SourceLocation Location) : AnalysisCard(Location)
{
    /// <inheritdoc />
    public override string Kind => "dc";
}

/// <summary>One swept source of a <c>.dc</c> card; <see cref="Source"/> is the lower-case element name.</summary>
public sealed record DcSweep(string Source, double Start, double Stop, double Step)
{
    /// <summary>The name of ngspice's temperature sweep vector (<c>.dc temp ...</c>).</summary>
    public const string TemperatureVector = "temp-sweep";

    /// <summary>Whether this sweeps the circuit temperature (ngspice's <c>.dc temp start stop step</c>, °C) rather than a source.</summary>
    public bool IsTemperature => string.Equals(Source, "temp", StringComparison.OrdinalIgnoreCase);
}

/// <summary><c>.tran tstep tstop [tstart [tmax]] [uic]</c>; seconds. <see cref="MaxStep"/> is null when not given.</summary>
public sealed record TranCard(double Step, double Stop, double Start, double? MaxStep, bool UseInitialConditions, SourceLocation Location)
    : AnalysisCard(Location)
{
    /// <inheritdoc />
    public override string Kind => "tran";
}

/// <summary>How an <c>.ac</c> sweep spaces its frequencies.</summary>
public enum AcSpacing
{
    /// <summary><c>dec</c>: points per decade.</summary>
    Decade,

    /// <summary><c>oct</c>: points per octave.</summary>
    Octave,

    /// <summary><c>lin</c>: total points, linearly spaced.</summary>
    Linear,
}

/// <summary><c>.ac dec|oct|lin n fstart fstop</c>: small-signal sweep, hertz.</summary>
public sealed record AcCard(AcSpacing Spacing, int Points, double Start, double Stop, SourceLocation Location) : AnalysisCard(Location)
{
    /// <inheritdoc />
    public override string Kind => "ac";

    /// <summary>
    /// The frequencies of the sweep, hertz (SPICE's spacing; the stop frequency is included when it falls on the grid). A
    /// decade sweep over at least a decade takes ngspice's floor(decades x points) equal steps, so it ends at the stop frequency.
    /// </summary>
    public IReadOnlyList<double> Frequencies()
    {
        var f = new List<double>();
        if (Spacing == AcSpacing.Linear)
        {
            for (var k = 0; k < Points; k++)
            {
                f.Add(Points == 1 ? Start : Start + ((Stop - Start) * k / (Points - 1)));
            }

            return f;
        }

        var ratio = Math.Pow(Spacing == AcSpacing.Decade ? 10 : 2, 1.0 / Points);
        if (Spacing == AcSpacing.Decade && Stop / 10 >= Start)
        {
            // ngspice's acan.c: a whole number of steps, floor(decades x points), spread evenly so the last is the stop frequency
            var steps = Math.Floor(Math.Abs(Math.Log10(Stop / Start)) * Points);
            ratio = Math.Exp(Math.Log(Stop / Start) / steps);
        }

        for (var k = 0; ; k++)
        {
            var v = Start * Math.Pow(ratio, k);
            if (v > Stop * (1 + 1e-9))
            {
                break;
            }

            f.Add(v);
        }

        return f;
    }
}

/// <summary>The analysis a <c>.print</c> or <c>.measure</c> belongs to.</summary>
public enum PrintAnalysis
{
    /// <summary><c>op</c>.</summary>
    Op,

    /// <summary><c>dc</c>.</summary>
    Dc,

    /// <summary><c>tran</c>.</summary>
    Tran,

    /// <summary><c>ac</c>.</summary>
    Ac,
}

/// <summary><c>.print tran|dc|op|ac item...</c>.</summary>
public sealed record PrintCard(PrintAnalysis Analysis, IReadOnlyList<OutputVariable> Items, SourceLocation Location);

/// <summary>What an output item reads.</summary>
public enum OutputKind
{
    /// <summary><c>v(n)</c> or <c>v(a,b)</c>: node voltage or difference, volts.</summary>
    Voltage,

    /// <summary><c>i(element)</c>: current through an element from its first terminal to its second, amperes.</summary>
    Current,

    /// <summary><c>x(name)</c> or <c>n(ymemristor!name_x)</c>: memristor state.</summary>
    MemristorState,

    /// <summary><c>r(name)</c> or <c>n(ymemristor!name:r)</c>: memristor resistance, ohms.</summary>
    MemristorResistance,

    /// <summary>
    /// Xyce's <c>{expression}</c> column: an expression over node voltages, branch currents, <c>time</c> and parameters
    /// (<see cref="OutputVariable.Value"/>), evaluated at each output point.
    /// </summary>
    Expression,
}

/// <summary>Which part of a complex small-signal value an <c>.ac</c> output takes (<c>vm vp vdb vr vi</c>).</summary>
public enum ComplexPart
{
    /// <summary>Magnitude (<c>vm</c>, and <c>v</c> in .ac).</summary>
    Magnitude,

    /// <summary>Phase in radians (<c>vp</c>).</summary>
    Phase,

    /// <summary>20 log10 of the magnitude (<c>vdb</c>).</summary>
    Decibel,

    /// <summary>Real part (<c>vr</c>).</summary>
    Real,

    /// <summary>Imaginary part (<c>vi</c>).</summary>
    Imaginary,
}

/// <summary>
/// One output item. <see cref="Header"/> is the text exactly as written, lower-cased (the CSV column header).
/// <see cref="Target"/> is a node name, an element name or a memristor instance name (without <c>ymemristor!</c>);
/// <see cref="Reference"/> is the second node of <c>v(a,b)</c>, else null. <see cref="Part"/> matters in .ac only.
/// </summary>
public sealed record OutputVariable(string Header, OutputKind Kind, string Target, string? Reference, SourceLocation Location, ComplexPart Part = ComplexPart.Magnitude)
{
    /// <summary>The bound expression of an <see cref="OutputKind.Expression"/> column (parameters folded); null otherwise.</summary>
    public Expressions.Expression? Value { get; init; }
}
