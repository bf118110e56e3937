namespace Neuromorph.Devices.Knowm;

/// <summary>
/// Mean metastable switch: x is the fraction of switches in the on state. beta = q/(kT);
/// Pon(V) = 1/(1 + e^{-beta (V - Von)}), Poff(V) = 1 - 1/(1 + e^{-beta (V + Voff)});
/// dx/dt = ((1 - x) Pon - x Poff)/tau; I = phi V (x/Ron + (1 - x)/Roff) + (1 - phi)(af e^{bf V} - ar e^{-br V}).
/// </summary>
public sealed class KnowmModel(double ron, double roff, double von, double voff, double tau, double temperature, double phi, double af, double ar, double bf, double br, double x0) : IMemristorModel
{
    private const double ElementaryCharge = 1.602176634e-19;
    private const double Boltzmann = 1.380649e-23;
    private readonly double _beta = ElementaryCharge / (Boltzmann * temperature);

    /// <inheritdoc />
    public string ModelName => "knowm";

    /// <inheritdoc />
    public double InitialState => x0;

    /// <inheritdoc />
    public double MinState => 0;

    /// <inheritdoc />
    public double MaxState => 1;

    /// <summary>Probability per tau that an off switch turns on at voltage <paramref name="v"/>.</summary>
    public double POn(double v) => 1 / (1 + Math.Exp(-_beta * (v - von)));

    /// <summary>Probability per tau that an on switch turns off at voltage <paramref name="v"/>.</summary>
    public double POff(double v) => 1 - (1 / (1 + Math.Exp(-_beta * (v + voff))));

    /// <inheritdoc />
    public double Resistance(double voltage, double state)
    {
        var e = Evaluate(voltage, state);
        return Math.Abs(voltage) < 1e-12 ? 1 / e.DCurrentDVoltage : voltage / e.Current;
    }

    /// <inheritdoc />
    public MemristorEvaluation Evaluate(double voltage, double state)
    {
        var g = (state / ron) + ((1 - state) / roff);
        var ef = af * Math.Exp(bf * voltage);
        var er = ar * Math.Exp(-br * voltage);
        var i = (phi * voltage * g) + ((1 - phi) * (ef - er));
        var didv = (phi * g) + ((1 - phi) * ((bf * ef) + (br * er)));
        var didx = phi * voltage * ((1 / ron) - (1 / roff));
        var pon = POn(voltage);
        var poff = POff(voltage);
        var dpon = _beta * pon * (1 - pon);
        var sOff = 1 - poff;
        var dpoff = -_beta * sOff * (1 - sOff);
        var rate = (((1 - state) * pon) - (state * poff)) / tau;
        return new MemristorEvaluation(i, didv, didx, rate, (((1 - state) * dpon) - (state * dpoff)) / tau, (-pon - poff) / tau);
    }
}
