using Neuromorph.Circuits.Expressions;
using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Elements.Behavioral;

/// <summary>What a behavioural element's expression gives.</summary>
public enum BehavioralOutput
{
    /// <summary>The voltage from n+ to n- (B V=, E VALUE/TABLE, H), with a branch current.</summary>
    Voltage,

    /// <summary>The current from n+ through the element to n- (B I=, G VALUE/TABLE, F, R=expression).</summary>
    Current,

    /// <summary>A capacitance: i = C(...) dV(n+, n-)/dt (C=expression, ngspice's capacitance form).</summary>
    Capacitance,

    /// <summary>A charge: i = dQ(...)/dt (C Q=expression).</summary>
    Charge,
}

/// <summary>
/// A behavioural element after reading: its output kind and its bound expression (parameters folded, <c>.func</c>
/// calls inlined, node and element names flattened). <see cref="Text"/> is the expression as written, for messages.
/// </summary>
public sealed record BehavioralCard(string Name, IReadOnlyList<string> Nodes, BehavioralOutput Output, Expression Value, string Text, SourceLocation Location)
    : ElementCard(Name, Nodes, Location)
{
    /// <summary>True when a current output depends on its own terminal voltages (a resistor-like element: a DC path).</summary>
    public bool ConductsDc { get; init; }

    /// <summary>Initial voltage (capacitance forms with <c>IC=</c>), volts.</summary>
    public double? InitialCondition { get; init; }

    /// <summary>ngspice's B-source <c>tc1=</c>, 1/K: the value is scaled by 1 + tc1·ΔT + tc2·ΔT².</summary>
    public double Tc1 { get; init; }

    /// <summary>ngspice's B-source <c>tc2=</c>, 1/K².</summary>
    public double Tc2 { get; init; }

    /// <summary>Instance temperature, °C (<c>temp=</c>; null: the circuit's).</summary>
    public double? Temperature { get; init; }

    /// <summary>Offset from the circuit temperature, K (<c>dtemp=</c>).</summary>
    public double TemperatureOffset { get; init; }

    /// <summary>ngspice's <c>reciproctc=1</c>: the value is divided by the temperature factor instead.</summary>
    public bool ReciprocalTc { get; init; }

    /// <inheritdoc />
    public override IReadOnlyList<(int A, int B)> DcPaths => Output == BehavioralOutput.Voltage || (Output == BehavioralOutput.Current && ConductsDc) ? [(0, 1)] : [];

    /// <inheritdoc />
    public override IReadOnlyList<(int A, int B)> FixedVoltages => Output == BehavioralOutput.Voltage ? [(0, 1)] : [];
}
