using Neuromorph.Circuits.Analyses;
using Neuromorph.Circuits.Engine;
using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Circuits.Simulation;

namespace Neuromorph.Dynamics;

/// <summary>
/// The reduced Caravelli–Traversa–Di Ventra engine for networks of LEVEL=7 memristors (<see cref="CtdNetlist"/>): it
/// integrates the deck's first .tran only, with the columns <see cref="CtdNetlist.Columns"/> lists.
/// </summary>
public sealed class CtdEngine : INetlistEngine
{
    /// <summary>The engine (it holds no state).</summary>
    public static CtdEngine Instance { get; } = new();

    /// <inheritdoc />
    public IReadOnlyList<AnalysisResult> Run(Netlist netlist, IProgress<double>? progress, CancellationToken cancel) => [CtdNetlist.Run(netlist, progress)];

    /// <inheritdoc />
    public OutputColumns? Columns(Netlist netlist, AnalysisCard analysis)
    {
        ArgumentNullException.ThrowIfNull(netlist);
        return ReferenceEquals(analysis, netlist.Analyses.OfType<TranCard>().FirstOrDefault()) ? CtdNetlist.Columns(netlist) : null;
    }

    /// <inheritdoc />
    public long? Rows(Netlist netlist, AnalysisCard analysis) =>
        analysis is TranCard tran && ReferenceEquals(analysis, netlist.Analyses.OfType<TranCard>().FirstOrDefault()) ? CtdNetlist.OutputTimes(tran).Length : null;
}
