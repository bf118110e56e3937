using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Elements.Passive;

/// <summary>
/// <c>Rname n+ n- [value] [model] [ac=r] [l= w=] [tc1= tc2= tce=] [temp= | dtemp=] [m=] [scale=]</c>: resistance in ohms
/// (NaN when the model gives it), with ngspice's instance parameters (null when not given).
/// </summary>
public sealed record ResistorCard(string Name, IReadOnlyList<string> Nodes, double Resistance, SourceLocation Location)
    : ElementCard(Name, Nodes, Location)
{
    /// <summary>The <c>.model name r|res</c> it uses, if any.</summary>
    public string? Model { get; init; }

    /// <summary>The resistance in AC analysis (<c>ac=</c>), if it differs.</summary>
    public double? AcResistance { get; init; }

    /// <summary>Instance temperature coefficients, overriding the model's.</summary>
    public double? Tc1 { get; init; }

    /// <summary>Second-order temperature coefficient, 1/K².</summary>
    public double? Tc2 { get; init; }

    /// <summary>Exponential temperature coefficient, %/K: R·1.01^(tce·ΔT).</summary>
    public double? Tce { get; init; }

    /// <summary>Instance temperature, °C (<c>temp=</c>).</summary>
    public double? Temperature { get; init; }

    /// <summary>Offset from the circuit temperature, K (<c>dtemp=</c>).</summary>
    public double TemperatureOffset { get; init; }

    /// <summary>Parallel multiplier <c>m</c>: the conductance is multiplied by it.</summary>
    public double Multiplier { get; init; } = 1;

    /// <summary><c>scale</c>: the resistance is multiplied by it.</summary>
    public double Scale { get; init; } = 1;

    /// <summary>Length and width of a semiconductor resistor (with the model's <c>rsh</c>), metres.</summary>
    public (double? L, double? W) Geometry { get; init; }

    /// <summary>True when only the resistance is given: the plain linear resistor.</summary>
    public bool IsPlain => Model is null && AcResistance is null && Tc1 is null && Tc2 is null && Tce is null && Temperature is null
        && TemperatureOffset == 0 && Multiplier == 1 && Scale == 1;
}

/// <summary><c>Cname n+ n- value [IC=v]</c>: capacitance in farads, optional initial voltage in volts.</summary>
public sealed record CapacitorCard(string Name, IReadOnlyList<string> Nodes, double Capacitance, double? InitialVoltage, SourceLocation Location)
    : ElementCard(Name, Nodes, Location)
{
    /// <inheritdoc />
    public override IReadOnlyList<(int A, int B)> DcPaths => [];
}

/// <summary><c>Lname n+ n- value [IC=i]</c>: inductance in henries, optional initial current in amperes.</summary>
public sealed record InductorCard(string Name, IReadOnlyList<string> Nodes, double Inductance, double? InitialCurrent, SourceLocation Location)
    : ElementCard(Name, Nodes, Location)
{
    /// <inheritdoc />
    public override IReadOnlyList<(int A, int B)> FixedVoltages => [(0, 1)];
}

/// <summary>
/// <c>Kname Lname1 Lname2 k</c>: magnetic coupling of two inductors with coefficient k (|k| ≤ 1), mutual inductance
/// M = k √(L1 L2). It has no terminals of its own; <see cref="InductorAt"/> locates the two names for messages.
/// </summary>
public sealed record MutualInductanceCard(string Name, string Inductor1, string Inductor2, double Coupling, SourceLocation Location)
    : ElementCard(Name, [], Location)
{
    /// <summary>Where each inductor name is written (first, second).</summary>
    public IReadOnlyList<SourceLocation> InductorAt { get; init; } = [Location, Location];

    /// <inheritdoc />
    public override IReadOnlyList<(int A, int B)> DcPaths => [];
}
