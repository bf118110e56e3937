using Neuromorph.Circuits.NetlistModel;

namespace Neuromorph.Circuits.Simulation;

/// <summary>Everything one simulate run produced.</summary>
public sealed record SimulationReport(Netlist Netlist, IReadOnlyList<AnalysisOutput> Analyses, IReadOnlyList<StepMeasures> Measures, IReadOnlyList<ControlResult> ControlOutputs)
{
    /// <summary>True when the deck has <c>.step</c> lines.</summary>
    public bool Stepped => Netlist.Steps.Count > 0;
}
