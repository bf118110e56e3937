using Neuromorph.Crossbars;
using Neuromorph.Diagnostics;
using Neuromorph.Experiments.Shared;
using Neuromorph.Networks.Reservoirs;
using Neuromorph.Networks.Tasks;

namespace Neuromorph.Experiments.Reservoir;

/// <summary>What an <c>kind: esn</c> run measures.</summary>
public enum EsnMode
{
    /// <summary>Teacher-forced prediction of the task's targets on the test part.</summary>
    Predict,

    /// <summary>Free-running generation after teacher forcing (outputs fed back as inputs).</summary>
    Generate,

    /// <summary>Jaeger's short-term memory capacity.</summary>
    MemoryCapacity,
}

/// <summary>
/// A reservoir run: an echo-state reservoir (<see cref="Echo"/>) or a memristive one (<see cref="Memristive"/> with its
/// device model and parameters), the data, the ridge readout, what to measure, and optionally crossbars holding W,
/// W_in and W_out of an echo-state network.
/// </summary>
public sealed record EsnSpec
{
    /// <summary>Echo-state reservoir, or null for a memristive one.</summary>
    public ReservoirSpec? Echo { get; init; }

    /// <summary>Memristive reservoir, or null.</summary>
    public MemristiveReservoirSpec? Memristive { get; init; }

    /// <summary>Device model name of a memristive reservoir (<c>neuromorph models</c>).</summary>
    public string DeviceModel { get; init; } = "yakopcic";

    /// <summary>Device parameters (model defaults for the rest).</summary>
    public IReadOnlyDictionary<string, double> DeviceParameters { get; init; } = new Dictionary<string, double>();

    /// <summary>Where the device section is, for errors in its parameters.</summary>
    public SourceLocation DeviceLocation { get; init; }

    /// <summary>The data (series tasks).</summary>
    public required TaskSpec Task { get; init; }

    /// <summary>Ridge parameter λ.</summary>
    public double Ridge { get; init; } = 1e-8;

    /// <summary>Steps driven before the readout is fitted.</summary>
    public int Washout { get; init; } = 100;

    /// <summary>Where the washout is given (the readout section's <c>washout</c> key, or where it would go), for errors about it.</summary>
    public SourceLocation WashoutLocation { get; init; } = SourceLocation.None;

    /// <summary>Whether u_t is a readout feature.</summary>
    public bool IncludeInput { get; init; } = true;

    /// <summary>What to measure.</summary>
    public EsnMode Mode { get; init; } = EsnMode.Predict;

    /// <summary>Free-running steps (generate mode; 0: the whole test part).</summary>
    public int GenerateSteps { get; init; }

    /// <summary>Largest delay, training and test lengths of a memory-capacity measurement.</summary>
    public (int MaxDelay, int Train, int Test) Memory { get; init; } = (0, 4000, 2000);

    /// <summary>Crossbars for W, W_in and W_out (echo-state only), or null.</summary>
    public CrossbarSubstrateSpec? Substrate { get; init; }

    /// <summary>Periphery of the crossbars.</summary>
    public PeripherySpec Periphery { get; init; } = new();

    /// <summary>Seed.</summary>
    public ulong Seed { get; init; } = 1;
}
