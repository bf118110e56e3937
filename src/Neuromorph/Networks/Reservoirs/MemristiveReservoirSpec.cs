namespace Neuromorph.Networks.Reservoirs;

/// <summary>How a memristive reservoir is driven and read (the device model itself is given separately).</summary>
public sealed record MemristiveReservoirSpec
{
    /// <summary>N, devices.</summary>
    public int Devices { get; init; } = 50;

    /// <summary>Input features per step.</summary>
    public int InputSize { get; init; } = 1;

    /// <summary>Duration of one input pulse, seconds.</summary>
    public double PulseWidth { get; init; } = 1e-3;

    /// <summary>Volts per unit of masked input.</summary>
    public double VoltageScale { get; init; } = 1;

    /// <summary>Constant voltage added to every pulse, volts.</summary>
    public double VoltageOffset { get; init; }

    /// <summary>Mask entries ±1 (true) or uniform in [−1, 1] (false).</summary>
    public bool BinaryMask { get; init; }

    /// <summary>Conductance reads per pulse (time-multiplexed virtual nodes).</summary>
    public int VirtualNodes { get; init; } = 4;

    /// <summary>Integration (TR-BDF2) steps per pulse (rounded to a multiple of the virtual nodes).</summary>
    public int Substeps { get; init; } = 40;

    /// <summary>Relaxation time τ toward the resting state, seconds (0: only the model's own dynamics).</summary>
    public double DecayTime { get; init; }

    /// <summary>Resting state; null: the bound of lower conductance.</summary>
    public double? RestState { get; init; }

    /// <summary>Read voltage, volts.</summary>
    public double ReadVoltage { get; init; } = 0.05;

    /// <summary>Seed of the mask.</summary>
    public ulong Seed { get; init; } = 1;
}
