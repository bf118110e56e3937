using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Elements.Sources;

/// <summary>
/// An independent source: <c>Vname</c> (volts) or <c>Iname</c> (amperes, flowing from n+ through the source to n-),
/// with its DC value, transient waveform and small-signal <c>AC</c> magnitude and phase (degrees).
/// </summary>
public sealed record SourceCard(string Name, IReadOnlyList<string> Nodes, SourceKind Kind, double Dc, WaveformSpec? Waveform, SourceLocation Location)
    : ElementCard(Name, Nodes, Location)
{
    /// <summary>AC magnitude (0: no small-signal excitation).</summary>
    public double AcMagnitude { get; init; }

    /// <summary>AC phase, degrees.</summary>
    public double AcPhaseDegrees { get; init; }

    /// <inheritdoc />
    public override IReadOnlyList<(int A, int B)> DcPaths => Kind == SourceKind.Voltage ? [(0, 1)] : [];

    /// <inheritdoc />
    public override IReadOnlyList<(int A, int B)> FixedVoltages => Kind == SourceKind.Voltage ? [(0, 1)] : [];
}

/// <summary>Independent source kind.</summary>
public enum SourceKind
{
    /// <summary>Voltage source (V).</summary>
    Voltage,

    /// <summary>Current source (I).</summary>
    Current,
}
