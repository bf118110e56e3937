namespace Neuromorph.Circuits.Elements.Semiconductors;

/// <summary>
/// A level-1 diode's model values (area applied): saturation current IS (A), emission coefficient N, series resistance
/// RS (ohm), zero-bias junction capacitance CJO (F), junction potential VJ (V), grading M, transit time TT (s),
/// breakdown BV (V, infinite when not given) at current IBV (A), forward-bias depletion coefficient FC, band gap EG (eV),
/// saturation-current exponent XTI, nominal temperature TNOM (Celsius), breakdown emission NBV.
/// </summary>
public sealed record DiodeParameters(double Is, double N, double Rs, double Cjo, double Vj, double M, double Tt, double Bv, double Ibv, double Fc, double Eg, double Xti, double Tnom, double Nbv)
{
    /// <summary>The values at <paramref name="celsius"/> (ngspice's temperature laws for IS; the breakdown knee matched to IBV).</summary>
    public DiodeOperating AtTemperature(double celsius, double gmin, double reltol)
    {
        var vt = Junction.ThermalVoltage(celsius);
        var vte = N * vt;
        var ratio = (celsius + Junction.ZeroCelsius) / (Tnom + Junction.ZeroCelsius);
        var isT = Is * Math.Exp((((ratio - 1) * Eg / vte)) + (Xti / N * Math.Log(ratio)));
        var vcrit = Junction.CriticalVoltage(vte, isT);
        var bv = double.PositiveInfinity;
        if (double.IsFinite(Bv))
        {
            // ngspice diotemp: find the knee voltage where the reverse exponential carries IBV
            var cbv = Ibv;
            if (cbv < isT * Bv / vt)
            {
                bv = Bv;
            }
            else
            {
                var tol = reltol * cbv;
                var xbv = Bv - (Nbv * vt * Math.Log(1 + (cbv / isT)));
                for (var k = 0; k < 25; k++)
                {
                    xbv = Bv - (Nbv * vt * Math.Log((cbv / isT) + 1 - (xbv / vt)));
                    var xcbv = isT * (Math.Exp((Bv - xbv) / (Nbv * vt)) - 1 + (xbv / vt));
                    if (Math.Abs(xcbv - cbv) <= tol)
                    {
                        break;
                    }
                }

                bv = xbv;
            }
        }

        return new DiodeOperating(isT, vte, vcrit, bv, Nbv * vt, Rs, Cjo, Vj, M, Fc, Tt, gmin);
    }
}

/// <summary>The values a diode computes with at the circuit temperature.</summary>
public sealed record DiodeOperating(double SaturationCurrent, double Vte, double Vcrit, double Breakdown, double VteBreakdown, double Rs, double Cjo, double Vj, double M, double Fc, double Tt, double Gmin)
{
    /// <summary>Junction current (with gmin in parallel), amperes, and its conductance, siemens, at junction voltage <paramref name="vd"/>.</summary>
    public (double Current, double Conductance) Evaluate(double vd)
    {
        double cd, gd;
        var csat = SaturationCurrent;
        if (vd >= -3 * Vte)
        {
            var evd = Math.Exp(vd / Vte);
            cd = csat * (evd - 1);
            gd = csat * evd / Vte;
        }
        else if (!double.IsFinite(Breakdown) || vd >= -Breakdown)
        {
            var arg = 3 * Vte / (vd * Math.E);
            arg = arg * arg * arg;
            cd = -csat * (1 + arg);
            gd = csat * 3 * arg / vd;
        }
        else
        {
            var evrev = Math.Exp(-(Breakdown + vd) / VteBreakdown);
            cd = -csat * evrev;
            gd = csat * evrev / VteBreakdown;
        }

        return (cd + (Gmin * vd), gd + Gmin);
    }

    /// <summary>Stored charge (depletion plus diffusion TT·I), coulombs, and its derivative, farads.</summary>
    public (double Charge, double Capacitance) Charge(double vd, double current, double conductance)
    {
        var (q, c) = Junction.Depletion(vd, Cjo, Vj, M, Fc);
        return (q + (Tt * current), c + (Tt * conductance));
    }
}
