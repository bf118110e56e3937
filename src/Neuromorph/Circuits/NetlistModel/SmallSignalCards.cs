using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.NetlistModel;

/// <summary>
/// <c>.tf v(out[,ref])|i(vsrc) src</c>: SPICE's DC small-signal transfer function from the independent source
/// <see cref="Source"/> (lower case) to <see cref="Output"/>, with the input resistance at the source and the output
/// resistance at the output, from the circuit linearised at its operating point.
/// </summary>
public sealed record TfCard(OutputVariable Output, string Source, SourceLocation Location) : AnalysisCard(Location)
{
    /// <inheritdoc />
    public override string Kind => "tf";
}

/// <summary>
/// <c>.sens v(out[,ref])|i(vsrc)</c>: SPICE's DC sensitivity of <see cref="Output"/> to the parameters of the
/// circuit's elements, at the operating point.
/// </summary>
public sealed record SensCard(OutputVariable Output, SourceLocation Location) : AnalysisCard(Location)
{
    /// <inheritdoc />
    public override string Kind => "sens";
}
