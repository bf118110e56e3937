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
    /// The V/2 programming scheme on physical devices whose half pulses change the state
    /// (<see cref="PhysicalResponse.HalfSelectDisturbs"/>; otherwise the update is the same as without it). Ideal wires
    /// unless <see cref="WireResistance"/> is set;
    /// half pulses carry no cycle-to-cycle noise; each device receives its own full pulses first, then its half up
    /// pulses, then its half down pulses (a reordering of the sequence in time, exact when a device has one kind alone).
    /// <para>
    /// Pulse count: devices are programmed one at a time, the selected row at the pulse voltage and the selected column
    /// at 0, every other line at half the voltage, so each pulse also gives the other devices of its row and of its
    /// column a half pulse.
    /// </para>
    /// <para>
    /// Stochastic: the update runs in four sign phases, as sign-separated hardware does: (d &gt; 0, x &gt; 0) and
    /// (d &lt; 0, x &lt; 0) are up phases, (d &gt; 0, x &lt; 0) and (d &lt; 0, x &gt; 0) down phases. In a phase only the
    /// rows and columns of its signs are driven with their bit streams, the other lines held at V/2; a phase with no
    /// row or no column of its signs is not run. In each of the BL slots a device whose row and column both fire gets a
    /// full pulse, and one where exactly one of its two lines fires a half pulse of the phase's polarity. Per phase, with
    /// cb and rb the device's row and column streams: both lines driven, popcount(cb &amp; rb) full and
    /// popcount(cb ^ rb) half pulses; only its row, popcount(cb) half pulses; only its column, popcount(rb).
    /// </para>
    /// </summary>
    public bool HalfSelect { get; init; }

    /// <summary>
    /// Resistance of one wire segment of the tile's lines (Ω, ≥ 0), between neighbouring crosspoints and between a
    /// line's driver and its first crosspoint (word line r driven at its column-0 end, bit line c at its row-0 end). 0
    /// (the default): ideal lines, the update as without it. Above 0 it needs the stochastic mode with
    /// <see cref="HalfSelect"/> on a physical device, and the update runs slot by slot through the wired array
    /// (<see cref="WiredHalfSelectUpdate"/>): IR drop lowers the selected devices' voltage by position and every
    /// half-selected device gets its own disturb.
    /// </summary>
    public double WireResistance { get; init; }

    /// <summary>
    /// aihwkit's update BL management (<c>update_bl_management</c>): each stochastic update uses the shortest stream that
    /// can carry it, BL = ⌈η·max|x|·max|d| / Δw_min⌉ clipped to [1, <see cref="BitLength"/>], with the probabilities
    /// rescaled to it (scale √(η/(BL·Δw_min))), so the expected update is unchanged while a small update is drawn from a
    /// stream of 1 to a few slots instead of <see cref="BitLength"/>.
    /// </summary>
    public bool BitLengthManagement { get; init; }

    /// <summary>The stream length a stochastic update of η·d·xᵀ uses (<see cref="BitLengthManagement"/>, else <see cref="BitLength"/>).</summary>
    public int StreamLength(double eta, double xMax, double dMax, double dwMin) =>
        BitLengthManagement ? (int)Math.Clamp(Math.Ceiling(eta * xMax * dMax / dwMin), 1, BitLength) : BitLength;
}
