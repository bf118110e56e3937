namespace Neuromorph.Devices.Knowm;

/// <summary>
/// Mean metastable switch: x is the fraction of switches in the on state. beta = q/(kT);
/// Pon(V) = 1/(1 + e^{-beta (V - Von)}), Poff(V) = 1 - 1/(1 + e^{-beta (V + Voff)});
/// dx/dt = ((1 - x) Pon - x Poff)/tau; I = phi V (x/Ron + (1 - x)/Roff) + (1 - phi)(af e^{bf V} - ar e^{-br V}).
/// </summary>
public sealed class KnowmModel(double ron, double roff, double von, double voff, double tau, double temperature, double phi, double af, double ar, double bf, double br, double x0)
    : MemristorModel<KnowmEquations>(new KnowmEquations(ron, roff, von, voff, tau, temperature, phi, af, ar, bf, br, x0))
{
    /// <inheritdoc />
    public override string ModelName => "knowm";

    /// <summary>Probability per tau that an off switch turns on at voltage <paramref name="v"/>.</summary>
    public double POn(double v) => Equations.POn(v);

    /// <summary>Probability per tau that an on switch turns off at voltage <paramref name="v"/>.</summary>
    public double POff(double v) => Equations.POff(v);
}
