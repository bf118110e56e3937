namespace Neuromorph.Devices.Knowm;

/// <summary>
/// Mean metastable switch equations as a plain struct (behind <see cref="KnowmModel"/> and the batched device kernels);
/// see <see cref="KnowmModel"/> for the model. State x (the fraction of switches in the on state) in [0, 1].
/// </summary>
public readonly struct KnowmEquations : IMemristorEquations
{
    private const double ElementaryCharge = 1.602176634e-19;
    private const double Boltzmann = 1.380649e-23;
    private readonly double _ron, _roff, _von, _voff, _tau, _beta, _phi, _af, _ar, _bf, _br, _x0;

    /// <summary>Creates the equations (parameters as in <see cref="KnowmModel"/>; <paramref name="temperature"/> in kelvin).</summary>
    public KnowmEquations(double ron, double roff, double von, double voff, double tau, double temperature, double phi, double af, double ar, double bf, double br, double x0)
    {
        (_ron, _roff, _von, _voff, _tau, _phi) = (ron, roff, von, voff, tau, phi);
        (_af, _ar, _bf, _br, _x0) = (af, ar, bf, br, x0);
        _beta = ElementaryCharge / (Boltzmann * temperature);
    }

    /// <inheritdoc />
    public double InitialState => _x0;

    /// <inheritdoc />
    public double MinState => 0;

    /// <inheritdoc />
    public double MaxState => 1;

    /// <inheritdoc />
    public double StateScale => 1;

    /// <summary>Probability per tau that an off switch turns on at voltage <paramref name="v"/>.</summary>
    public double POn(double v) => 1 / (1 + Math.Exp(-_beta * (v - _von)));

    /// <summary>Probability per tau that an on switch turns off at voltage <paramref name="v"/>.</summary>
    public double POff(double v) => 1 - (1 / (1 + Math.Exp(-_beta * (v + _voff))));

    /// <inheritdoc />
    public double Resistance(double voltage, double state)
    {
        var e = Evaluate(voltage, state);
        return Math.Abs(voltage) < 1e-12 ? 1 / e.DCurrentDVoltage : voltage / e.Current;
    }

    /// <inheritdoc />
    public MemristorEvaluation Evaluate(double voltage, double state)
    {
        var g = (state / _ron) + ((1 - state) / _roff);
        var ef = _af * Math.Exp(_bf * voltage);
        var er = _ar * Math.Exp(-_br * voltage);
        var i = (_phi * voltage * g) + ((1 - _phi) * (ef - er));
        var didv = (_phi * g) + ((1 - _phi) * ((_bf * ef) + (_br * er)));
        var didx = _phi * voltage * ((1 / _ron) - (1 / _roff));
        var pon = POn(voltage);
        var poff = POff(voltage);
        var dpon = _beta * pon * (1 - pon);
        var sOff = 1 - poff;
        var dpoff = -_beta * sOff * (1 - sOff);
        var rate = (((1 - state) * pon) - (state * poff)) / _tau;
        return new MemristorEvaluation(i, didv, didx, rate, (((1 - state) * dpon) - (state * dpoff)) / _tau, (-pon - poff) / _tau);
    }
}
