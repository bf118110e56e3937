namespace Neuromorph.Crossbars.Training;

/// <summary>How a tile turns an outer-product update η·d·xᵀ into pulses.</summary>
public enum UpdateMode
{
    /// <summary>No pulses: W += η·d·xᵀ exactly, clipped to the bounds (the floating-point reference).</summary>
    Ideal,

    /// <summary>Gokmen–Vlasov stochastic pulse coincidence: Bernoulli streams of length BL on rows and columns.</summary>
    Stochastic,

    /// <summary>Deterministic pulse count: round(η·d_j·x_i/Δw_min) pulses on device (j, i), each through the device response.</summary>
    PulseCount,
}

/// <summary>Settings of the pulsed update.</summary>
/// <param name="Mode">Ideal, stochastic or deterministic pulse count.</param>
/// <param name="BitLength">Stream length BL of the stochastic update (1 to 1024).</param>
/// <param name="UpdateManagement">
/// aihwkit's update management: scale the column probabilities by m = sqrt(max|d|/max|x|) and the row ones by 1/m, so
/// both streams use their range (the product, hence the expected update, is unchanged).
/// </param>
public sealed record PulseUpdate(UpdateMode Mode, int BitLength = 31, bool UpdateManagement = true)
{
    /// <summary>The longest stream a tile accepts.</summary>
    public const int MaxBitLength = 1024;

    /// <summary>
    /// The V/2 programming scheme of a pulse-count update on physical devices: devices are programmed one at a time,
    /// the selected row at the pulse voltage and the selected column at 0, every other line at half the voltage, so
    /// each pulse also gives the other devices of its row and of its column a half pulse (ideal wires). Each device
    /// receives its own pulses first, then the half pulses of its row and column (a reordering of the sequential
    /// scheme, exact when a device has either kind alone). Half pulses carry no cycle-to-cycle noise.
    /// </summary>
    public bool HalfSelect { get; init; }
}
