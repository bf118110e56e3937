namespace Neuromorph.Circuits.Elements.Semiconductors;

/// <summary>
/// The DC currents of a Gummel–Poon transistor at one bias (device polarity): collector current <see cref="Cc"/> and
/// base current <see cref="Cb"/> (into the internal terminals; the emitter carries −(cc + cb)), their conductances as
/// ngspice names them (dcc/dvbe = gm + go, dcc/dvbc = −(go + gmu), dcb/dvbe = gpi, dcb/dvbc = gmu), the base-resistance
/// conductance gx, and the intermediate values the charges need.
/// </summary>
public readonly record struct BjtCurrents(double Cc, double Cb, double Gpi, double Gmu, double Gm, double Go, double Gx,
    double Cbe, double Gbe, double Cbc, double Gbc, double Qb, double DqbDve, double DqbDvc);

/// <summary>Stored charges (C) and their derivatives (F) at one bias: qbe (with d qbe/d vbc), qbc, qbx (external base) and qsub.</summary>
public readonly record struct BjtCharges(double Qbe, double CapBe, double CapBeVbc, double Qbc, double CapBc, double Qbx, double CapBx, double Qsub, double CapSub);

/// <summary>
/// The values a bipolar transistor computes with at its temperature, area applied (ngspice's bjttemp results), and the
/// Gummel–Poon equations of ngspice's bjtload: ideal and leakage diodes, base charge qb with Early effect and high
/// injection, the bias-dependent base resistance, transit-time charges with TF modulation and the depletion charges
/// with the FC linearisation.
/// </summary>
public sealed record BjtOperating
{
    /// <summary>+1 NPN, −1 PNP.</summary>
    public int Type { get; init; }

    /// <summary>True when the substrate junction faces the internal base (lateral), false for the collector (vertical).</summary>
    public bool Lateral { get; init; }

    /// <summary>Thermal voltage, V.</summary>
    public double Vt { get; init; }

#pragma warning disable CS1591 // the ngspice parameters below are documented on BjtModel
    public double IsBe { get; init; }
    public double IsBc { get; init; }
    public double Ise { get; init; }
    public double Isc { get; init; }
    public double Iss { get; init; }
    public bool HasSubstrateDiode { get; init; }
    public double Nf { get; init; }
    public double Nr { get; init; }
    public double Ne { get; init; }
    public double Nc { get; init; }
    public double Ns { get; init; }
    public double BetaF { get; init; }
    public double BetaR { get; init; }
    public double InvVaf { get; init; }
    public double InvVar { get; init; }
    public double InvIkf { get; init; }
    public double InvIkr { get; init; }
    public double Nkf { get; init; }
    public double Rb { get; init; }
    public double Rbm { get; init; }
    public double Irb { get; init; }
    public double Gc { get; init; }
    public double Ge { get; init; }
    public double Tf { get; init; }
    public double Tr { get; init; }
    public double Xtf { get; init; }
    public double OverVtf { get; init; }
    public double Itf { get; init; }
    public double Cje { get; init; }
    public double Vje { get; init; }
    public double Mje { get; init; }
    public double Cjc { get; init; }
    public double Vjc { get; init; }
    public double Mjc { get; init; }
    public double Xcjc { get; init; }
    public double Cjs { get; init; }
    public double Vjs { get; init; }
    public double Mjs { get; init; }
    public double Fc { get; init; }
    public double ExcessPhaseDelay { get; init; }
    public double Vcrit { get; init; }
    public double SubVcrit { get; init; }
    public double Gmin { get; init; }
#pragma warning restore CS1591

    /// <summary>True when any charge is modelled (transit times or depletion capacitances).</summary>
    public bool HasCharges => Tf != 0 || Tr != 0 || Cje != 0 || Cjc != 0 || Cjs != 0;

    /// <summary>A diode current I (exp(v/vtn) − 1) and its conductance, with SPICE's cubic reverse form below −3 vtn.</summary>
    private static (double I, double G) Diode(double sat, double v, double vtn)
    {
        if (v >= -3 * vtn)
        {
            var e = Math.Exp(Math.Min(v / vtn, 709));
            return (sat * (e - 1), sat * e / vtn);
        }

        var arg = 3 * vtn / (v * Math.E);
        arg = arg * arg * arg;
        return (-sat * (1 + arg), sat * 3 * arg / v);
    }

    /// <summary>The DC currents at junction voltages <paramref name="vbe"/>, <paramref name="vbc"/> (device polarity).</summary>
    public BjtCurrents Currents(double vbe, double vbc)
    {
        var (cbe, gbe) = Diode(IsBe, vbe, Vt * Nf);
        var (cben, gben) = Ise == 0 ? (0.0, 0.0) : Diode(Ise, vbe, Vt * Ne);
        cben += Gmin * vbe;
        gben += Gmin;
        var (cbc, gbc) = Diode(IsBc, vbc, Vt * Nr);
        var (cbcn, gbcn) = Isc == 0 ? (0.0, 0.0) : Diode(Isc, vbc, Vt * Nc);
        cbcn += Gmin * vbc;
        gbcn += Gmin;

        // base charge: Early effect (q1) and high injection (q2)
        var q1 = 1 / (1 - (InvVaf * vbc) - (InvVar * vbe));
        double qb, dqbdve, dqbdvc;
        if (InvIkf == 0 && InvIkr == 0)
        {
            qb = q1;
            dqbdve = q1 * qb * InvVar;
            dqbdvc = q1 * qb * InvVaf;
        }
        else
        {
            var q2 = (InvIkf * cbe) + (InvIkr * cbc);
            var arg = Math.Max(0, 1 + (4 * q2));
            var sqarg = 1.0;
            if (arg != 0)
            {
                sqarg = double.IsNaN(Nkf) ? Math.Sqrt(arg) : Math.Pow(arg, Nkf);
            }

            qb = q1 * (1 + sqarg) / 2;
            if (double.IsNaN(Nkf))
            {
                dqbdve = q1 * ((qb * InvVar) + (InvIkf * gbe / sqarg));
                dqbdvc = q1 * ((qb * InvVaf) + (InvIkr * gbc / sqarg));
            }
            else
            {
                dqbdve = q1 * ((qb * InvVar) + (InvIkf * gbe * 2 * sqarg * Nkf / arg));
                dqbdvc = q1 * ((qb * InvVaf) + (InvIkr * gbc * 2 * sqarg * Nkf / arg));
            }
        }

        var cc = ((cbe - cbc) / qb) - (cbc / BetaR) - cbcn;
        var cb = (cbe / BetaF) + cben + (cbc / BetaR) + cbcn;
        var gx = Rbm + ((Rb - Rbm) / qb);
        if (Irb != 0)
        {
            var a1 = Math.Max(cb / Irb, 1e-9);
            var a2 = (-1 + Math.Sqrt(1 + (14.59025 * a1))) / 2.4317 / Math.Sqrt(a1);
            a1 = Math.Tan(a2);
            gx = Rbm + (3 * (Rb - Rbm) * (a1 - a2) / a2 / a1 / a1);
        }

        if (gx != 0)
        {
            gx = 1 / gx;
        }

        var go = (gbc + ((cbe - cbc) * dqbdvc / qb)) / qb;
        var gm = ((gbe - ((cbe - cbc) * dqbdve / qb)) / qb) - go;
        return new BjtCurrents(cc, cb, (gbe / BetaF) + gben, (gbc / BetaR) + gbcn, gm, go, gx, cbe, gbe, cbc, gbc, qb, dqbdve, dqbdvc);
    }

    /// <summary>The substrate diode current (gmin only without ISS) and conductance at <paramref name="vsub"/>.</summary>
    public (double I, double G) Substrate(double vsub)
    {
        if (!HasSubstrateDiode)
        {
            return (Gmin * vsub, Gmin);
        }

        var (i, g) = Diode(Iss, vsub, Vt * Ns);
        return (i + (Gmin * vsub), g + Gmin);
    }

    /// <summary>The charges at <paramref name="vbe"/>, <paramref name="vbc"/>, <paramref name="vbx"/>, <paramref name="vsub"/> with the DC values <paramref name="c"/> at (vbe, vbc).</summary>
    public BjtCharges Charges(double vbe, double vbc, double vbx, double vsub, in BjtCurrents c)
    {
        double cbe = c.Cbe, gbe = c.Gbe, geqcb = 0;
        if (Tf != 0 && vbe > 0)
        {
            double argtf = 0, arg2 = 0, arg3 = 0;
            if (Xtf != 0)
            {
                argtf = Xtf;
                if (OverVtf != 0)
                {
                    argtf *= Math.Exp(vbc * OverVtf);
                }

                arg2 = argtf;
                if (Itf != 0)
                {
                    var temp = cbe / (cbe + Itf);
                    argtf = argtf * temp * temp;
                    arg2 = argtf * (3 - temp - temp);
                }

                arg3 = cbe * argtf * OverVtf;
            }

            cbe = cbe * (1 + argtf) / c.Qb;
            gbe = ((gbe * (1 + arg2)) - (cbe * c.DqbDve)) / c.Qb;
            geqcb = Tf * (arg3 - (cbe * c.DqbDvc)) / c.Qb;
        }

        var (qbeDep, cbeDep) = Junction.Depletion(vbe, Cje, Vje, Mje, Fc);
        var (qbcDep, cbcDep) = Junction.Depletion(vbc, Cjc * Xcjc, Vjc, Mjc, Fc);
        var (qbx, cbx) = Junction.Depletion(vbx, Cjc * (1 - Xcjc), Vjc, Mjc, Fc);
        double qsub, csub;
        if (Cjs == 0)
        {
            (qsub, csub) = (0, 0);
        }
        else if (vsub < 0)
        {
            var arg = 1 - (vsub / Vjs);
            var sarg = Math.Exp(-Mjs * Math.Log(arg));
            (qsub, csub) = (Vjs * Cjs * (1 - (arg * sarg)) / (1 - Mjs), Cjs * sarg);
        }
        else
        {
            (qsub, csub) = (vsub * Cjs * (1 + (Mjs * vsub / (2 * Vjs))), Cjs * (1 + (Mjs * vsub / Vjs)));
        }

        return new BjtCharges((Tf * cbe) + qbeDep, (Tf * gbe) + cbeDep, geqcb, (Tr * c.Cbc) + qbcDep, (Tr * c.Gbc) + cbcDep, qbx, cbx, qsub, csub);
    }
}
