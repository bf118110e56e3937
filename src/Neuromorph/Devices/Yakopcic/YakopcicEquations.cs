namespace Neuromorph.Devices.Yakopcic;

/// <summary>
/// Yakopcic equations as a plain struct (behind <see cref="YakopcicModel"/> and the batched device kernels); see
/// <see cref="YakopcicModel"/> for the model. State x in [0, 1].
/// </summary>
public readonly struct YakopcicEquations(double a1, double a2, double b, double vp, double vn, double ap, double an, double xp, double xn, double alphap, double alphan, double eta, double x0) : IMemristorEquations
{
    /// <inheritdoc />
    public double InitialState => x0;

    /// <inheritdoc />
    public double MinState => 0;

    /// <inheritdoc />
    public double MaxState => 1;

    /// <inheritdoc />
    public double StateScale => 1;

    /// <inheritdoc />
    public double Resistance(double voltage, double state)
    {
        var a = voltage >= 0 ? a1 : a2;
        var g = Math.Abs(voltage) < 1e-12 ? a * state * b : a * state * Math.Sinh(b * voltage) / voltage;
        return 1 / g;
    }

    /// <inheritdoc />
    public MemristorEvaluation Evaluate(double voltage, double state)
    {
        var a = voltage >= 0 ? a1 : a2;
        var sh = Math.Sinh(b * voltage);
        var i = a * state * sh;
        var didv = a * state * b * Math.Cosh(b * voltage);
        var didx = a * sh;
        double g = 0, dg = 0;
        if (voltage > vp)
        {
            g = ap * (Math.Exp(voltage) - Math.Exp(vp));
            dg = ap * Math.Exp(voltage);
        }
        else if (voltage < -vn)
        {
            g = -an * (Math.Exp(-voltage) - Math.Exp(vn));
            dg = an * Math.Exp(-voltage);
        }

        var (f, df) = Motion(voltage, state);
        return new MemristorEvaluation(i, didv, didx, eta * g * f, eta * dg * f, eta * g * df);
    }

    private (double F, double DfDx) Motion(double v, double x)
    {
        if (eta * v >= 0)
        {
            if (x < xp)
            {
                return (1, 0);
            }

            var e = Math.Exp(-alphap * (x - xp));
            var w = ((xp - x) / (1 - xp)) + 1;
            return (e * w, (-alphap * e * w) - (e / (1 - xp)));
        }

        if (x > 1 - xn)
        {
            return (1, 0);
        }

        var en = Math.Exp(alphan * (x + xn - 1));
        var wn = x / (1 - xn);
        return (en * wn, (alphan * en * wn) + (en / (1 - xn)));
    }
}
