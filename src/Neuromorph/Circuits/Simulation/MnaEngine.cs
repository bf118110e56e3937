using Neuromorph.Circuits.Analyses;
using Neuromorph.Circuits.Engine;
using Neuromorph.Circuits.NetlistModel;

namespace Neuromorph.Circuits.Simulation;

/// <summary>The full circuit engine: modified nodal analysis of every element (<see cref="CircuitSimulator"/>), every analysis of the deck.</summary>
public sealed class MnaEngine : INetlistEngine
{
    /// <summary>The engine (it holds no state).</summary>
    public static MnaEngine Instance { get; } = new();

    /// <inheritdoc />
    public IReadOnlyList<AnalysisResult> Run(Netlist netlist, IProgress<double>? progress, CancellationToken cancel) =>
        CircuitSimulator.Run(netlist, progress, cancel: cancel);

    /// <inheritdoc />
    public OutputColumns? Columns(Netlist netlist, AnalysisCard analysis) => OutputProbe.Columns(netlist, analysis);
}
