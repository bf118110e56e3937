namespace Neuromorph.Circuits.Elements.Semiconductors;

/// <summary>
/// pn-junction physics shared by diodes and MOSFET bulk junctions, with SPICE's (ngspice's) forms: thermal voltage,
/// the critical voltage and step limiting of Newton updates (pnjlim), and the depletion charge with its linear
/// extension above FC·VJ.
/// </summary>
public static class Junction
{
    /// <summary>Boltzmann constant, J/K (ngspice's value).</summary>
    public const double Boltzmann = 1.38064852e-23;

    /// <summary>Elementary charge, C (ngspice's value).</summary>
    public const double Charge = 1.6021766208e-19;

    /// <summary>0 degrees Celsius in kelvin.</summary>
    public const double ZeroCelsius = 273.15;

    /// <summary>Thermal voltage kT/q at <paramref name="celsius"/>, volts.</summary>
    public static double ThermalVoltage(double celsius) => Boltzmann * (celsius + ZeroCelsius) / Charge;

    /// <summary>The voltage above which the exponential is limited: vt ln(vt / (sqrt(2) is)).</summary>
    public static double CriticalVoltage(double vt, double saturationCurrent) => vt * Math.Log(vt / (Math.Sqrt(2) * saturationCurrent));

    /// <summary>SPICE's pnjlim: limits a junction-voltage update from <paramref name="old"/> to <paramref name="value"/>; <paramref name="limited"/> tells whether it did.</summary>
    public static double Limit(double value, double old, double vt, double vcrit, out bool limited)
    {
        limited = false;
        if (value > vcrit && Math.Abs(value - old) > vt + vt)
        {
            limited = true;
            if (old > 0)
            {
                var arg = (value - old) / vt;
                return arg > 0 ? old + (vt * (2 + Math.Log(arg - 2))) : old - (vt * (2 + Math.Log(2 - arg)));
            }

            return vt * Math.Log(value / vt);
        }

        if (value < 0)
        {
            var arg = old > 0 ? -old - 1 : (2 * old) - 1;
            if (value < arg)
            {
                limited = true;
                return arg;
            }
        }

        return value;
    }

    /// <summary>
    /// Depletion charge and capacitance at <paramref name="v"/> for zero-bias capacitance <paramref name="cj0"/> (F),
    /// junction potential <paramref name="vj"/> (V), grading <paramref name="m"/> and forward coefficient <paramref name="fc"/>.
    /// </summary>
    public static (double Charge, double Capacitance) Depletion(double v, double cj0, double vj, double m, double fc)
    {
        if (cj0 == 0)
        {
            return (0, 0);
        }

        var vdep = fc * vj;
        if (v < vdep)
        {
            var arg = 1 - (v / vj);
            var sarg = Math.Exp(-m * Math.Log(arg));
            return (vj * cj0 * (1 - (arg * sarg)) / (1 - m), cj0 * sarg);
        }

        var f1 = vj * (1 - Math.Exp((1 - m) * Math.Log(1 - fc))) / (1 - m);
        var f2 = Math.Exp((1 + m) * Math.Log(1 - fc));
        var f3 = 1 - (fc * (1 + m));
        var czof2 = cj0 / f2;
        var q = (cj0 * f1) + (czof2 * ((f3 * (v - vdep)) + (m / (vj + vj) * ((v * v) - (vdep * vdep)))));
        return (q, czof2 * (f3 + (m * v / vj)));
    }
}
