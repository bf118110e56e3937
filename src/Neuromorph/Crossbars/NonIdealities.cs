namespace Neuromorph.Crossbars;

/// <summary>Distribution of device-to-device variability.</summary>
public enum VariabilityDistribution
{
    /// <summary>G (1 + σ N(0,1)), clipped at 0; for R_on/R_off, R (1 + σ N(0,1)) with draws of 1 + σ N ≤ 0 redrawn (truncated at 0).</summary>
    Normal,

    /// <summary>G exp(σ N(0,1)) (or R exp(σ N(0,1))): median G (R), always positive.</summary>
    Lognormal,
}

/// <summary>What device-to-device variability perturbs.</summary>
public enum VariabilityTarget
{
    /// <summary>The programmed conductance itself.</summary>
    Conductance,

    /// <summary>Each device's on-resistance R_on (its highest conductance 1/R_on); targets keep their place in the device's own window.</summary>
    Ron,

    /// <summary>Each device's off-resistance R_off (its lowest conductance 1/R_off).</summary>
    Roff,

    /// <summary>R_on and R_off, drawn independently with the same σ.</summary>
    Both,
}

/// <summary>
/// The non-idealities the peers model (CrossSim, MemTorch, aihwkit), each off unless set, all drawn from one seeded
/// generator so a seed reproduces a run. Conductances in siemens, voltages in volts, times in seconds.
/// </summary>
public sealed record NonIdealities
{
    /// <summary>Relative device-to-device spread σ (0 = off).</summary>
    public double Variability { get; init; }

    /// <summary>What the device-to-device spread perturbs: the conductance, or each device's R_on and/or R_off.</summary>
    public VariabilityTarget VariabilityOn { get; init; } = VariabilityTarget.Conductance;

    /// <summary>Shape of the device-to-device spread.</summary>
    public VariabilityDistribution VariabilityDistribution { get; init; } = VariabilityDistribution.Lognormal;

    /// <summary>Absolute programming (cycle-to-cycle) noise σ in siemens, added when a target is written.</summary>
    public double ProgrammingNoise { get; init; }

    /// <summary>Use IBM's PCM statistical model (aihwkit) for programming noise, drift and read noise.</summary>
    public bool PcmModel { get; init; }

    /// <summary>Fraction of devices stuck at the low-resistance state (g_max).</summary>
    public double StuckAtLrs { get; init; }

    /// <summary>Fraction of devices stuck at the high-resistance state (g_min).</summary>
    public double StuckAtHrs { get; init; }

    /// <summary>Drift exponent ν in G(t) = G0 (t/t0)^-ν (0 = off; the PCM model draws ν per device).</summary>
    public double DriftNu { get; init; }

    /// <summary>Time since programming t for drift, seconds.</summary>
    public double DriftTime { get; init; }

    /// <summary>Drift reference time t0, seconds (aihwkit: 20 s).</summary>
    public double DriftT0 { get; init; } = 20;

    /// <summary>Relative read noise σ per operation on each device conductance (0 = off).</summary>
    public double ReadNoise { get; init; }

    /// <summary>DAC resolution in bits (0 = ideal inputs).</summary>
    public int DacBits { get; init; }

    /// <summary>DAC full scale: inputs are clipped to [-range, range] volts.</summary>
    public double DacRange { get; init; } = 1;

    /// <summary>ADC resolution in bits (0 = ideal outputs).</summary>
    public int AdcBits { get; init; }

    /// <summary>ADC full scale in amperes: outputs clipped to [-range, range]; 0 = the largest ideal |output| of the batch.</summary>
    public double AdcRange { get; init; }

    /// <summary>I–V nonlinearity k in 1/V: each device passes G sinh(k V)/k instead of G V (0 = linear; ideal reads only).</summary>
    public double Nonlinearity { get; init; }

    /// <summary>True if nothing is switched on.</summary>
    public bool None => Variability == 0 && ProgrammingNoise == 0 && !PcmModel && StuckAtLrs == 0 && StuckAtHrs == 0 && DriftNu == 0 && ReadNoise == 0 && DacBits == 0 && AdcBits == 0 && Nonlinearity == 0;
}
