namespace Neuromorph.Dynamics;

/// <summary>
/// The memristor network of a CTD run: a graph of devices (nodal or loop analysis of the circuit) or a dense Ω, with
/// one series source per device (volts).
/// </summary>
public sealed record CtdNetworkSpec
{
    /// <summary>The circuit's graph (one edge per memristor in series with its source), or null for a dense Ω.</summary>
    public MemristorGraph? Graph { get; init; }

    /// <summary>Dense Ω (M × M), or null for a graph.</summary>
    public double[,]? Omega { get; init; }

    /// <summary>Series source of each memristor, volts.</summary>
    public required IReadOnlyList<double> Sources { get; init; }

    /// <summary>Graph only: solve the nodal Laplacian by warm-started IC(0)-PCG instead of sparse Cholesky.</summary>
    public bool IterativeLaplacian { get; init; }

    /// <summary>Graph only: nodal or loop analysis (auto: the cheaper factorisation).</summary>
    public CircuitAnalysis Analysis { get; init; } = CircuitAnalysis.Auto;

    /// <summary>Number of memristors.</summary>
    public int Size => Graph?.Edges ?? Omega!.GetLength(0);

    /// <summary>Builds the rate system for <paramref name="parameters"/> (a fresh one per call, e.g. per restart).</summary>
    public ICtdSystem Build(CtdParameters parameters) => Graph is { } g
        ? new GraphCtd(g, parameters, Sources, iterative: IterativeLaplacian, analysis: Analysis)
        : new DenseCtd(Omega!, parameters, Sources);
}
