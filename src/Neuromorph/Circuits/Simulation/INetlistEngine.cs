using Neuromorph.Circuits.Analyses;
using Neuromorph.Circuits.Engine;
using Neuromorph.Circuits.NetlistModel;

namespace Neuromorph.Circuits.Simulation;

/// <summary>
/// An engine that simulates a parsed netlist's analyses (the MNA simulator, <see cref="MnaEngine"/>, or the CTD engine
/// for memristor networks) and says, before it runs, which columns each analysis will have: the one answer both the
/// result tables and the checks of what a caller may plot rely on.
/// </summary>
public interface INetlistEngine
{
    /// <summary>Runs the analyses of <paramref name="netlist"/> this engine runs, in netlist order.</summary>
    IReadOnlyList<AnalysisResult> Run(Netlist netlist, IProgress<double>? progress, CancellationToken cancel);

    /// <summary>The columns <see cref="Run"/> will give <paramref name="analysis"/>; null for an analysis this engine does not run.</summary>
    OutputColumns? Columns(Netlist netlist, AnalysisCard analysis);

    /// <summary>
    /// The rows <see cref="Run"/> will give <paramref name="analysis"/> when the engine knows them before it runs (a fixed
    /// output grid); null: <see cref="OutputSize"/> estimates them from the analysis line.
    /// </summary>
    long? Rows(Netlist netlist, AnalysisCard analysis) => null;
}
