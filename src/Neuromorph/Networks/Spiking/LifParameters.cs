namespace Neuromorph.Networks.Spiking;

/// <summary>
/// Leaky integrate-and-fire neuron (Gerstner and Kistler 2002, ch. 4): τ_m dV/dt = −(V − V_rest) + R I(t); when V
/// reaches V_th the neuron spikes, V is set to V_reset and held there for the refractory period t_ref. SI units
/// (seconds, volts, ohms, amperes). Defaults are those of Maass, Natschläger and Markram (2002).
/// </summary>
public sealed record LifParameters
{
    /// <summary>Membrane time constant τ_m (s).</summary>
    public double TauM { get; init; } = 0.03;

    /// <summary>Resting potential V_rest (V).</summary>
    public double VRest { get; init; }

    /// <summary>Reset potential V_reset (V), below V_th.</summary>
    public double VReset { get; init; } = 0.0135;

    /// <summary>Firing threshold V_th (V).</summary>
    public double VThreshold { get; init; } = 0.015;

    /// <summary>Absolute refractory period t_ref (s): no integration after a spike.</summary>
    public double Refractory { get; init; } = 0.002;

    /// <summary>Membrane resistance R (Ω).</summary>
    public double Resistance { get; init; } = 1e6;

    /// <summary>The constant current below which the neuron never fires: (V_th − V_rest) / R (A).</summary>
    public double Rheobase => (VThreshold - VRest) / Resistance;

    /// <summary>Throws <see cref="ArgumentException"/> unless τ_m &gt; 0, R &gt; 0, t_ref ≥ 0 and V_reset &lt; V_th.</summary>
    public void Validate()
    {
        if (!(TauM > 0) || !double.IsFinite(TauM))
        {
            throw new ArgumentException($"the membrane time constant must be positive, got {TauM}");
        }

        if (!(Resistance > 0) || !double.IsFinite(Resistance))
        {
            throw new ArgumentException($"the membrane resistance must be positive, got {Resistance}");
        }

        if (!(Refractory >= 0) || !double.IsFinite(Refractory))
        {
            throw new ArgumentException($"the refractory period must not be negative, got {Refractory}");
        }

        if (!(VReset < VThreshold))
        {
            throw new ArgumentException($"the reset potential ({VReset}) must lie below the threshold ({VThreshold})");
        }
    }

    /// <summary>
    /// The closed-form steady firing rate (Hz) under a constant current I, for a neuron that has spiked at least once:
    /// 1 / (t_ref + τ_m ln((R I − (V_reset − V_rest)) / (R I − (V_th − V_rest)))), and 0 at or below the rheobase.
    /// </summary>
    public double FiringRate(double current)
    {
        var drive = Resistance * current;
        if (drive <= VThreshold - VRest)
        {
            return 0;
        }

        return 1 / (Refractory + (TauM * Math.Log((drive - (VReset - VRest)) / (drive - (VThreshold - VRest)))));
    }
}
