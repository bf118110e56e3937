namespace Neuromorph.Devices.Transients;

/// <summary>The signals of a <see cref="MemristorLane{TModel}"/>, by number (the same for every model).</summary>
public static class MemristorSignals
{
    /// <summary>Signal 0: the drive voltage v(t) (V).</summary>
    public const int Drive = 0;

    /// <summary>Signal 1: the state x.</summary>
    public const int State = 1;

    /// <summary>Signal 2: the current through the device and R_s (A).</summary>
    public const int Current = 2;

    /// <summary>Signal 3: the voltage across the device (V).</summary>
    public const int DeviceVoltage = 3;

    /// <summary>Signal 4: the device's resistance as its model reports it (Ω).</summary>
    public const int Resistance = 4;
}
