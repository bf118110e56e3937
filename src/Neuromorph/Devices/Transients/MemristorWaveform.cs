namespace Neuromorph.Devices.Transients;

/// <summary>
/// The samples of one memristor transient (<see cref="MemristorTransient"/>): every signal of its lane
/// (<see cref="MemristorSignals"/>) at every sample the integrator took, in time order.
/// </summary>
/// <param name="Time">Sample times (s).</param>
/// <param name="Drive">The drive voltage v(t) (V).</param>
/// <param name="State">The state x (model units).</param>
/// <param name="Current">The current through the device and R_s (A).</param>
/// <param name="DeviceVoltage">The voltage across the device (V).</param>
/// <param name="Resistance">The device's resistance as its model reports it (Ω).</param>
public sealed record MemristorWaveform(
    IReadOnlyList<double> Time,
    IReadOnlyList<double> Drive,
    IReadOnlyList<double> State,
    IReadOnlyList<double> Current,
    IReadOnlyList<double> DeviceVoltage,
    IReadOnlyList<double> Resistance)
{
    /// <summary>Number of samples.</summary>
    public int Count => Time.Count;

    /// <summary>True when every state is a number: false when the integration diverged or its step underflowed.</summary>
    public bool Completed => State.All(double.IsFinite);
}
