namespace Neuromorph.Networks.Spiking;

/// <summary>
/// Pair-based additive spike-timing-dependent plasticity (Bi and Poo 1998; Song, Miller and Abbott 2000) acting on
/// a synapse's conductance: with Δt = t_post − t_pre, ΔG = A₊ e^{−Δt/τ₊} for Δt &gt; 0 (pre before post) and
/// ΔG = −A₋ e^{Δt/τ₋} for Δt &lt; 0, G clipped to [G_off, G_on]. All-to-all pairing: every earlier spike of the partner
/// counts, through a presynaptic trace (decay τ₊) and a postsynaptic trace (decay τ₋) that jump by 1 at each spike.
/// </summary>
public sealed record StdpRule
{
    /// <summary>Potentiation amplitude A₊ (S).</summary>
    public double APlus { get; init; } = 1e-6;

    /// <summary>Depression amplitude A₋ (S).</summary>
    public double AMinus { get; init; } = 1.05e-6;

    /// <summary>Potentiation window τ₊ (s).</summary>
    public double TauPlus { get; init; } = 0.02;

    /// <summary>Depression window τ₋ (s).</summary>
    public double TauMinus { get; init; } = 0.02;

    /// <summary>ΔG of one pre/post pair separated by Δt = t_post − t_pre (0 at Δt = 0).</summary>
    public double Window(double deltaT) =>
        deltaT > 0 ? APlus * Math.Exp(-deltaT / TauPlus) : deltaT < 0 ? -AMinus * Math.Exp(deltaT / TauMinus) : 0;

    /// <summary>Throws <see cref="ArgumentException"/> unless the amplitudes are non-negative and the windows positive.</summary>
    public void Validate()
    {
        if (!(APlus >= 0 && AMinus >= 0 && double.IsFinite(APlus) && double.IsFinite(AMinus)))
        {
            throw new ArgumentException($"the STDP amplitudes must not be negative, got a_plus = {APlus}, a_minus = {AMinus}");
        }

        if (!(TauPlus > 0 && TauMinus > 0 && double.IsFinite(TauPlus) && double.IsFinite(TauMinus)))
        {
            throw new ArgumentException($"the STDP time constants must be positive, got tau_plus = {TauPlus}, tau_minus = {TauMinus}");
        }
    }
}
