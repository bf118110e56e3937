using Neuromorph.Circuits.Analyses;
using Neuromorph.Circuits.NetlistModel;

namespace Neuromorph.Circuits.Simulation;

/// <summary>A control-block <c>wrdata</c>/<c>print</c> with the result it reads.</summary>
public sealed record ControlResult(ControlOutput Output, AnalysisResult Result)
{
    /// <summary>The text the command wrote (ngspice's layout), or null to format <see cref="Output"/>'s vectors of <see cref="Result"/>.</summary>
    public string? Text { get; init; }
}
