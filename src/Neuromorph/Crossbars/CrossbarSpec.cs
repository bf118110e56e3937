using Neuromorph.Devices;

namespace Neuromorph.Crossbars;

/// <summary>A crossbar evaluation: target conductances (or weights and their mapping), wires, inputs, non-idealities, programming.</summary>
public sealed record CrossbarSpec(
    double[,] Target,
    WeightMapping? Mapping,
    double[,]? Weights,
    int Levels,
    double WordWire,
    double BitWire,
    double? Source,
    double? Sink,
    double[][] Inputs,
    NonIdealities NonIdealities,
    long Seed,
    bool WriteDeviceCurrents)
{
    /// <summary>Series on-resistance of a 1T1R access transistor, ohms (null: passive 0T1R).</summary>
    public double? AccessResistance { get; init; }

    /// <summary>Builds one programmable device for write-verify programming, or null for direct programming.</summary>
    public Func<IMemristorModel>? Device { get; init; }

    /// <summary>Write-verify settings when <see cref="Device"/> is set.</summary>
    public WriteVerifySettings? WriteVerify { get; init; }

    /// <summary>How reads with wire resistance are solved (direct, iterative or by size).</summary>
    public NodalSolverOptions Solver { get; init; } = new();
}
