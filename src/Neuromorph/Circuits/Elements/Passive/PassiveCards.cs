using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Elements.Passive;

/// <summary><c>Rname n+ n- value</c>: resistance in ohms.</summary>
public sealed record ResistorCard(string Name, IReadOnlyList<string> Nodes, double Resistance, SourceLocation Location)
    : ElementCard(Name, Nodes, Location);

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
