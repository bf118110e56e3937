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
        return Integrated(netlist, analysis) is not null ? CtdNetlist.Columns(netlist) : null;
    }

    /// <inheritdoc />
    public long? Rows(Netlist netlist, AnalysisCard analysis)
    {
        ArgumentNullException.ThrowIfNull(netlist);
        return Integrated(netlist, analysis) is { } tran ? CtdNetlist.OutputTimes(tran).Length : null;
    }

    /// <summary>The analysis as the .tran this engine integrates (the deck's first), or null for any other.</summary>
    private static TranCard? Integrated(Netlist netlist, AnalysisCard analysis) =>
        analysis is TranCard tran && ReferenceEquals(tran, netlist.Analyses.OfType<TranCard>().FirstOrDefault()) ? tran : null;
}
