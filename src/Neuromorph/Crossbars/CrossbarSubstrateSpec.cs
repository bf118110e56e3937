namespace Neuromorph.Crossbars;

/// <summary>
/// How a network's weight matrix is held by crossbars (<see cref="CrossbarSubstrate"/>): the mapping scheme, the
/// conductance window in siemens, the number of programmable levels (0: continuous), the wire resistance per segment in
/// ohms, the device non-idealities, and the read voltage in volts that represents a +1 state.
/// </summary>
public sealed record CrossbarSubstrateSpec(
    MappingScheme Scheme,
    double GMin,
    double GMax,
    int Levels,
    double WireResistance,
    NonIdealities NonIdealities,
    double ReadVoltage)
{
    /// <summary>Defaults of the substrate section: differential mapping, 1–100 µS, continuous levels, ideal wires and devices, 0.1 V reads.</summary>
    public static CrossbarSubstrateSpec Default { get; } = new(MappingScheme.Differential, 1e-6, 100e-6, 0, 0, new NonIdealities(), 0.1);
}
