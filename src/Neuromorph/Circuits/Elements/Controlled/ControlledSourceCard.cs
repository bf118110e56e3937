using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Elements.Controlled;

/// <summary><c>Ename n+ n- nc+ nc- gain</c> (voltage-controlled voltage source) or <c>Gname</c> (voltage-controlled current source, gain in siemens).</summary>
public sealed record ControlledSourceCard(string Name, IReadOnlyList<string> Nodes, ControlledSourceKind Kind, double Gain, SourceLocation Location)
    : ElementCard(Name, Nodes, Location)
{
    /// <inheritdoc />
    public override IReadOnlyList<(int A, int B)> DcPaths => Kind == ControlledSourceKind.Vcvs ? [(0, 1)] : [];

    /// <inheritdoc />
    public override IReadOnlyList<(int A, int B)> FixedVoltages => Kind == ControlledSourceKind.Vcvs ? [(0, 1)] : [];
}

/// <summary>Linear controlled source kind.</summary>
public enum ControlledSourceKind
{
    /// <summary>E: voltage-controlled voltage source.</summary>
    Vcvs,

    /// <summary>G: voltage-controlled current source.</summary>
    Vccs,
}
