namespace Neuromorph.Networks.Spiking;

/// <summary>
/// The memristive device behind each synapse: a conductance G in [G_off, G_on] read as the weight magnitude G / G_on.
/// Each device is programmed to <see cref="Nominal"/> · G_on and lands at that value times a lognormal factor
/// e^{σ z}, z ~ N(0, 1) (device-to-device variation), clipped to [G_off, G_on].
/// </summary>
public sealed record SynapseDevice
{
    /// <summary>Highest conductance G_on (S): weight magnitude 1.</summary>
    public double GOn { get; init; } = 1e-4;

    /// <summary>Lowest conductance G_off (S).</summary>
    public double GOff { get; init; } = 1e-6;

    /// <summary>Programmed conductance as a fraction of G_on.</summary>
    public double Nominal { get; init; } = 0.5;

    /// <summary>Lognormal device-to-device spread σ (0: every device at the nominal value).</summary>
    public double Sigma { get; init; } = 0.2;

    /// <summary>Throws <see cref="ArgumentException"/> unless 0 ≤ G_off &lt; G_on, σ ≥ 0 and the nominal fraction lies in [0, 1].</summary>
    public void Validate()
    {
        if (!(GOff >= 0 && GOn > GOff && double.IsFinite(GOn)))
        {
            throw new ArgumentException($"the conductances must satisfy 0 <= g_off < g_on, got g_off = {GOff}, g_on = {GOn}");
        }

        if (!(Sigma >= 0 && double.IsFinite(Sigma)))
        {
            throw new ArgumentException($"the device-to-device spread must not be negative, got {Sigma}");
        }

        if (!(Nominal is >= 0 and <= 1))
        {
            throw new ArgumentException($"the nominal conductance fraction must lie in [0, 1], got {Nominal}");
        }
    }
}
