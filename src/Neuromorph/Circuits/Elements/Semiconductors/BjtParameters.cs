namespace Neuromorph.Circuits.Elements.Semiconductors;

/// <summary>
/// A Gummel–Poon bipolar transistor's model card as given (ngspice's names, area not applied): polarity (+1 NPN, −1 PNP),
/// substrate placement (vertical: the substrate junction faces the collector, ngspice's default for NPN; lateral: the
/// base, the default for PNP) and the SPICE2 parameters. <see cref="AtTemperature"/> applies area and temperature as
/// ngspice's bjttemp does (TLEV = TLEVC = 0).
/// </summary>
public sealed record BjtModel(int Type, bool Lateral)
{
    /// <summary>Transport saturation current IS (A) and the optional separate BE/BC saturation currents IBE, IBC (A, 0 when not given).</summary>
    public double Is { get; init; } = 1e-16;

    /// <summary>IBE, used only when both IBE and IBC are given.</summary>
    public double Ibe { get; init; }

    /// <summary>IBC, used only when both IBE and IBC are given.</summary>
    public double Ibc { get; init; }

    /// <summary>Ideal forward and reverse beta.</summary>
    public double Bf { get; init; } = 100;

    /// <summary>Reverse beta.</summary>
    public double Br { get; init; } = 1;

    /// <summary>Forward and reverse emission coefficients.</summary>
    public double Nf { get; init; } = 1;

    /// <summary>Reverse emission coefficient.</summary>
    public double Nr { get; init; } = 1;

    /// <summary>Forward and reverse Early voltages (V; 0: none).</summary>
    public double Vaf { get; init; }

    /// <summary>Reverse Early voltage.</summary>
    public double Var { get; init; }

    /// <summary>Forward and reverse knee currents (A; 0: none).</summary>
    public double Ikf { get; init; }

    /// <summary>Reverse knee current.</summary>
    public double Ikr { get; init; }

    /// <summary>NKF, the exponent of high injection (NaN: SPICE's square root).</summary>
    public double Nkf { get; init; } = double.NaN;

    /// <summary>B-E leakage saturation current (A; a value above 1e-4 multiplies IS, SPICE2's C2) and its emission coefficient.</summary>
    public double Ise { get; init; }

    /// <summary>B-E leakage emission coefficient.</summary>
    public double Ne { get; init; } = 1.5;

    /// <summary>B-C leakage saturation current (A; above 1e-4 a multiple of IS, SPICE2's C4) and its emission coefficient.</summary>
    public double Isc { get; init; }

    /// <summary>B-C leakage emission coefficient.</summary>
    public double Nc { get; init; } = 2;

    /// <summary>Zero-bias base resistance (ohm).</summary>
    public double Rb { get; init; }

    /// <summary>Minimum base resistance (ohm; NaN: RB).</summary>
    public double Rbm { get; init; } = double.NaN;

    /// <summary>Current where the base resistance falls halfway to RBM (A; 0: none).</summary>
    public double Irb { get; init; }

    /// <summary>Emitter resistance (ohm).</summary>
    public double Re { get; init; }

    /// <summary>Collector resistance (ohm).</summary>
    public double Rc { get; init; }

    /// <summary>B-E zero-bias depletion capacitance (F), potential (V), grading.</summary>
    public double Cje { get; init; }

    /// <summary>B-E built-in potential.</summary>
    public double Vje { get; init; } = 0.75;

    /// <summary>B-E grading coefficient.</summary>
    public double Mje { get; init; } = 0.33;

    /// <summary>Forward transit time (s) and its bias dependence XTF, VTF (V; 0: none), ITF (A).</summary>
    public double Tf { get; init; }

    /// <summary>Coefficient of TF's bias dependence.</summary>
    public double Xtf { get; init; }

    /// <summary>VBC dependence of TF (V; 0: none).</summary>
    public double Vtf { get; init; }

    /// <summary>High-current dependence of TF (A).</summary>
    public double Itf { get; init; }

    /// <summary>B-C zero-bias depletion capacitance (F), potential, grading and the fraction XCJC at the internal base.</summary>
    public double Cjc { get; init; }

    /// <summary>B-C built-in potential.</summary>
    public double Vjc { get; init; } = 0.75;

    /// <summary>B-C grading coefficient.</summary>
    public double Mjc { get; init; } = 0.33;

    /// <summary>Fraction of the B-C capacitance at the internal base.</summary>
    public double Xcjc { get; init; } = 1;

    /// <summary>Reverse transit time (s).</summary>
    public double Tr { get; init; }

    /// <summary>Substrate zero-bias capacitance (F), potential, grading.</summary>
    public double Cjs { get; init; }

    /// <summary>Substrate potential.</summary>
    public double Vjs { get; init; } = 0.75;

    /// <summary>Substrate grading coefficient.</summary>
    public double Mjs { get; init; }

    /// <summary>Substrate saturation current (A; NaN: no substrate diode beyond gmin) and emission coefficient.</summary>
    public double Iss { get; init; } = double.NaN;

    /// <summary>Substrate emission coefficient.</summary>
    public double Ns { get; init; } = 1;

    /// <summary>Forward-bias depletion coefficient.</summary>
    public double Fc { get; init; } = 0.5;

    /// <summary>Beta temperature exponent, band gap (eV), IS temperature exponent.</summary>
    public double Xtb { get; init; }

    /// <summary>Band gap, eV.</summary>
    public double Eg { get; init; } = 1.11;

    /// <summary>IS temperature exponent.</summary>
    public double Xti { get; init; } = 3;

    /// <summary>Excess phase at 1/(2 pi TF), degrees (small-signal analysis only).</summary>
    public double Ptf { get; init; }

    /// <summary>Nominal temperature, Celsius.</summary>
    public double Tnom { get; init; } = 27;

    /// <summary>ngspice's reference temperature (27 °C) in kelvin.</summary>
    private const double ReferenceKelvin = 300.15;

    /// <summary>The values at <paramref name="celsius"/> for an instance of <paramref name="area"/> (ngspice bjttemp, TLEV = TLEVC = 0).</summary>
    public BjtOperating AtTemperature(double celsius, double area, double gmin)
    {
        var t = celsius + Junction.ZeroCelsius;
        var tnom = Tnom + Junction.ZeroCelsius;
        var vt = Junction.ThermalVoltage(celsius);
        var vtnom = Junction.ThermalVoltage(Tnom);
        var ratlog = Math.Log(t / tnom);
        var factlog = (((t / tnom) - 1) * Eg / vt) + (Xti * ratlog);
        var isT = area * Is * Math.Exp(factlog);
        var both = Ibe > 0 && Ibc > 0;
        var isBe = both ? area * Ibe * Math.Exp(factlog / Nf) : isT;
        // ngspice scales the B-C saturation current by the base (vertical) or collector (lateral) area once more
        var isBc = (both ? Ibc * Math.Exp(factlog / Nr) : isT) * area;
        var bfactor = Math.Exp(ratlog * Xtb);
        var ise = Ise > 1e-4 ? Is * Ise : Ise;
        var isc = Isc > 1e-4 ? Is * Isc : Isc;
        var iseT = area * ise * Math.Exp(factlog / Ne) / bfactor;
        var iscT = area * isc * Math.Exp(factlog / Nc) / bfactor;
        var issT = double.IsNaN(Iss) ? 0 : Iss * Math.Exp(both ? factlog / Nr : factlog) * area;
        var fc = Math.Min(Fc, 0.9999);

        // depletion capacitances and potentials: ngspice's band-gap law between TNOM and the device temperature
        double PbFactor(double kelvin, double thermal)
        {
            var egfet = 1.16 - (7.02e-4 * kelvin * kelvin / (kelvin + 1108));
            var arg = (-egfet / (2 * Junction.Boltzmann * kelvin)) + (1.1150877 / (Junction.Boltzmann * (ReferenceKelvin + ReferenceKelvin)));
            return -2 * thermal * ((1.5 * Math.Log(kelvin / ReferenceKelvin)) + (Junction.Charge * arg));
        }

        var pbfact = PbFactor(t, vt);
        var pbfact1 = PbFactor(tnom, vtnom);
        (double Cap, double Pot) Scale(double cap, double pot, double m)
        {
            var fact1 = tnom / ReferenceKelvin;
            var pbo = (pot - pbfact1) / fact1;
            var gmaold = (pot - pbo) / pbo;
            var c = cap / (1 + (m * ((4e-4 * (tnom - ReferenceKelvin)) - gmaold)));
            var potT = (t / ReferenceKelvin * pbo) + pbfact;
            var gmanew = (potT - pbo) / pbo;
            return (c * (1 + (m * ((4e-4 * (t - ReferenceKelvin)) - gmanew))), potT);
        }

        var (mje, mjc, mjs) = (Math.Min(Mje, 0.999), Math.Min(Mjc, 0.999), Math.Min(Mjs, 0.999));
        var (cje, vje) = Scale(Cje, Vje, mje);
        var (cjc, vjc) = Scale(Cjc, Vjc, mjc);
        var (cjs, vjs) = Scale(Cjs, Vjs, mjs);
        var rbm = double.IsNaN(Rbm) ? Rb : Rbm;
        return new BjtOperating
        {
            Type = Type,
            Lateral = Lateral,
            Vt = vt,
            IsBe = isBe,
            IsBc = isBc,
            Ise = iseT,
            Isc = iscT,
            Iss = issT,
            HasSubstrateDiode = !double.IsNaN(Iss),
            Nf = Nf,
            Nr = Nr,
            Ne = Ne,
            Nc = Nc,
            Ns = Ns,
            BetaF = Bf * bfactor,
            BetaR = Br * bfactor,
            InvVaf = Vaf != 0 ? 1 / Vaf : 0,
            InvVar = Var != 0 ? 1 / Var : 0,
            InvIkf = Ikf != 0 ? 1 / Ikf / area : 0,
            InvIkr = Ikr != 0 ? 1 / Ikr / area : 0,
            Nkf = Nkf,
            Rb = Rb / area,
            Rbm = rbm / area,
            Irb = Irb * area,
            Gc = Rc != 0 ? area / Rc : 0,
            Ge = Re != 0 ? area / Re : 0,
            Tf = Tf,
            Tr = Tr,
            Xtf = Xtf,
            OverVtf = Vtf != 0 ? 1 / (Vtf * 1.44) : 0,
            Itf = Itf * area,
            Cje = cje * area,
            Vje = vje,
            Mje = mje,
            Cjc = cjc * area,
            Vjc = vjc,
            Mjc = mjc,
            Xcjc = Xcjc,
            Cjs = cjs * area,
            Vjs = vjs,
            Mjs = mjs,
            Fc = fc,
            Vcrit = Junction.CriticalVoltage(vt, isT),
            SubVcrit = double.IsNaN(Iss) ? 50 : Junction.CriticalVoltage(vt, issT),
            Gmin = gmin,
            ExcessPhaseDelay = Ptf * Math.PI / 180 * Tf,
        };
    }
}
