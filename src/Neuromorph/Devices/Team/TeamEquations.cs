namespace Neuromorph.Devices.Team;

/// <summary>
/// TEAM/VTEAM equations (Kvatinsky et al. 2013, 2015) in Xyce's form, as a plain struct: the one state update that
/// <see cref="TeamModel"/> (circuit engines) and the batched device kernels run. See <see cref="TeamModel"/> for the
/// equations; the state is in scaled units (m × XSCALING) and bounded to [XON, XOFF].
/// </summary>
public readonly struct TeamEquations : IMemristorEquations
{
    private readonly double _ron, _roff, _kon, _koff, _alphaOn, _alphaOff, _uon, _uoff, _xon, _xoff, _d, _p, _j, _aon, _aoff, _wc, _x0;
    private readonly int _voltageControlled, _ivRelation, _windowType;

    /// <summary>Creates the equations (parameters as in <see cref="TeamModel"/>).</summary>
    public TeamEquations(
        bool voltageControlled, double ron, double roff, double kon, double koff, double alphaOn, double alphaOff,
        double uon, double uoff, double xon, double xoff, int ivRelation, int windowType, double d, double p, double j,
        double aon, double aoff, double wc, double x0Fraction)
    {
        _voltageControlled = voltageControlled ? 1 : 0;
        (_ron, _roff, _kon, _koff, _alphaOn, _alphaOff, _uon, _uoff, _xon, _xoff) = (ron, roff, kon, koff, alphaOn, alphaOff, uon, uoff, xon, xoff);
        (_ivRelation, _windowType, _d, _p, _j, _aon, _aoff, _wc, _x0) = (ivRelation, windowType, d, p, j, aon, aoff, wc, x0Fraction);
    }

    /// <inheritdoc />
    public double InitialState => _xon + (_x0 * (_xoff - _xon));

    /// <summary>[min(XON, XOFF), max(XON, XOFF)]: the states between the on and off resistances.</summary>
    public (double Low, double High) ProgrammingRange => (Math.Min(_xon, _xoff), Math.Max(_xon, _xoff));

    /// <summary>XON: the state does not pass the on resistance (Kvatinsky's hard bound; R(x) would reach 0 and turn negative).</summary>
    public double MinState => _xon;

    /// <summary>XOFF: the state does not pass the off resistance (Kvatinsky's hard bound).</summary>
    public double MaxState => _xoff;

    /// <inheritdoc />
    public double StateScale => Math.Abs(_xoff - _xon);

    /// <inheritdoc />
    public double Resistance(double voltage, double state) => R(state).R;

    /// <inheritdoc />
    public MemristorEvaluation Evaluate(double voltage, double state)
    {
        var voltageControlled = _voltageControlled != 0;
        var (r, drdx) = R(state);
        var i = voltage / r;
        var didv = 1 / r;
        var didx = -voltage * drdx / (r * r);
        var u = voltageControlled ? voltage : i;
        double g = 0, dgdu = 0;
        if (u >= _uoff)
        {
            var b = (u / _uoff) - 1;
            g = _koff * Math.Pow(b, _alphaOff);
            dgdu = b > 0 ? _koff * _alphaOff * Math.Pow(b, _alphaOff - 1) / _uoff : 0;
        }
        else if (u <= _uon)
        {
            var b = (u / _uon) - 1;
            g = _kon * Math.Pow(b, _alphaOn);
            dgdu = b > 0 ? _kon * _alphaOn * Math.Pow(b, _alphaOn - 1) / _uon : 0;
        }

        var (w, dwdx) = Window(state, i);
        double dudv = voltageControlled ? 1 : didv, dudx = voltageControlled ? 0 : didx;
        var rate = g * w;
        return new MemristorEvaluation(i, didv, didx, rate, dgdu * dudv * w, (dgdu * dudx * w) + (g * dwdx));
    }

    private (double R, double DrDx) R(double x)
    {
        var span = _xoff - _xon;
        if (_ivRelation == 1)
        {
            var lambda = Math.Log(_roff / _ron);
            var r = _ron * Math.Exp(lambda * (x - _xon) / span);
            return (r, r * lambda / span);
        }

        var slope = (_roff - _ron) / span;
        return (_ron + ((x - _xon) * slope), slope);
    }

    private (double W, double DwDx) Window(double x, double i)
    {
        switch (_windowType)
        {
            case 1:
            {
                var (f, df) = Windows.Joglekar(x / _d, _p);
                return (f, df / _d);
            }

            case 2:
            {
                // Xyce's Biolek form: 1 - (x/D - stp(i))^(2p), stp(i) = 1 for i >= 0.
                var u = (x / _d) - (i >= 0 ? 1.0 : 0.0);
                var up = Math.Pow(Math.Abs(u), (2 * _p) - 1) * Windows.Sign(u);
                return (1 - (up * u), -2 * _p * up / _d);
            }

            case 3:
            {
                var (f, df) = Windows.Prodromakis(x / _d, _p, _j);
                return (f, df / _d);
            }

            case 4:
            {
                var e = i >= 0 ? Math.Exp((x - _aoff) / _wc) : Math.Exp(-(x - _aon) / _wc);
                if (double.IsInfinity(e))
                {
                    return (0, 0);
                }

                var f = Math.Exp(-e);
                return i >= 0 ? (f, -f * e / _wc) : (f, f * e / _wc);
            }

            default:
                return (1, 0);
        }
    }
}
