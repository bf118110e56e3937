using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.NetlistModel;

/// <summary>
/// One circuit element line after expansion. <see cref="Name"/> is the full lower-case name (e.g. <c>r1</c>, <c>x1:c2</c>).
/// Concrete cards live with their element (Circuits/Elements/...); the topology members let the reader check a circuit
/// without knowing every element.
/// </summary>
public abstract record ElementCard(string Name, IReadOnlyList<string> Nodes, SourceLocation Location)
{
    /// <summary>Pairs of terminals (indices into <see cref="Nodes"/>) joined by a DC path through this element.</summary>
    public virtual IReadOnlyList<(int A, int B)> DcPaths => [(0, 1)];

    /// <summary>Pairs of terminals whose voltage this element fixes (voltage sources, inductors, E/H/B-V outputs).</summary>
    public virtual IReadOnlyList<(int A, int B)> FixedVoltages => [];
}
