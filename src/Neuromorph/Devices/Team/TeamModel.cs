namespace Neuromorph.Devices.Team;

/// <summary>
/// TEAM/VTEAM equations in Xyce's form. The state x is in scaled units (m × XSCALING) and is not clamped
/// (Xyce does not clamp it; windows keep it near [XON, XOFF]). R(x) = Ron + (x - Xon)(Roff - Ron)/(Xoff - Xon)
/// (IVRELATION=0) or Ron exp(ln(Roff/Ron)(x - Xon)/(Xoff - Xon)) (IVRELATION=1); i = v / R.
/// dx/dt = koff (u/uoff - 1)^aoff W for u &gt;= uoff, kon (u/uon - 1)^aon W for u &lt;= uon, else 0,
/// with u the current (TEAM) or voltage (VTEAM). Window W (WT): 1 Joglekar and 3 Prodromakis on x/D,
/// 2 Biolek in Xyce's convention (step on the current's sign), 4 Kvatinsky exp(-exp(±(x - a)/wc)) chosen by the current's sign.
/// </summary>
public sealed class TeamModel(
    string name, bool voltageControlled, double ron, double roff, double kon, double koff, double alphaOn, double alphaOff,
    double uon, double uoff, double xon, double xoff, int ivRelation, int windowType, double d, double p, double j,
    double aon, double aoff, double wc, double x0Fraction) : IMemristorModel
{
    /// <inheritdoc />
    public string ModelName => name;

    /// <inheritdoc />
    public double InitialState => xon + (x0Fraction * (xoff - xon));

    /// <inheritdoc />
    public double MinState => double.NegativeInfinity;

    /// <inheritdoc />
    public double MaxState => double.PositiveInfinity;

    /// <inheritdoc />
    public (double Low, double High) ProgrammingRange => (Math.Min(xon, xoff), Math.Max(xon, xoff));

    /// <inheritdoc />
    public double Resistance(double voltage, double state) => R(state).R;

    /// <inheritdoc />
    public MemristorEvaluation Evaluate(double voltage, double state)
    {
        var (r, drdx) = R(state);
        var i = voltage / r;
        var didv = 1 / r;
        var didx = -voltage * drdx / (r * r);
        var u = voltageControlled ? voltage : i;
        double g = 0, dgdu = 0;
        if (u >= uoff)
        {
            var b = (u / uoff) - 1;
            g = koff * Math.Pow(b, alphaOff);
            dgdu = b > 0 ? koff * alphaOff * Math.Pow(b, alphaOff - 1) / uoff : 0;
        }
        else if (u <= uon)
        {
            var b = (u / uon) - 1;
            g = kon * Math.Pow(b, alphaOn);
            dgdu = b > 0 ? kon * alphaOn * Math.Pow(b, alphaOn - 1) / uon : 0;
        }

        var (w, dwdx) = Window(state, i);
        double dudv = voltageControlled ? 1 : didv, dudx = voltageControlled ? 0 : didx;
        var rate = g * w;
        return new MemristorEvaluation(i, didv, didx, rate, dgdu * dudv * w, (dgdu * dudx * w) + (g * dwdx));
    }

    private (double R, double DrDx) R(double x)
    {
        var span = xoff - xon;
        if (ivRelation == 1)
        {
            var lambda = Math.Log(roff / ron);
            var r = ron * Math.Exp(lambda * (x - xon) / span);
            return (r, r * lambda / span);
        }

        var slope = (roff - ron) / span;
        return (ron + ((x - xon) * slope), slope);
    }

    private (double W, double DwDx) Window(double x, double i)
    {
        switch (windowType)
        {
            case 1:
            {
                var (f, df) = Windows.Joglekar(x / d, p);
                return (f, df / d);
            }

            case 2:
            {
                // Xyce's Biolek form: 1 - (x/D - stp(i))^(2p), stp(i) = 1 for i >= 0.
                var u = (x / d) - (i >= 0 ? 1.0 : 0.0);
                var up = Math.Pow(Math.Abs(u), (2 * p) - 1) * Math.Sign(u);
                return (1 - (up * u), -2 * p * up / d);
            }

            case 3:
            {
                var (f, df) = Windows.Prodromakis(x / d, p, j);
                return (f, df / d);
            }

            case 4:
            {
                if (i >= 0)
                {
                    var e = Math.Exp((x - aoff) / wc);
                    if (double.IsInfinity(e))
                    {
                        return (0, 0);
                    }

                    var f = Math.Exp(-e);
                    return (f, -f * e / wc);
                }
                else
                {
                    var e = Math.Exp(-(x - aon) / wc);
                    if (double.IsInfinity(e))
                    {
                        return (0, 0);
                    }

                    var f = Math.Exp(-e);
                    return (f, f * e / wc);
                }
            }

            default:
                return (1, 0);
        }
    }
}
