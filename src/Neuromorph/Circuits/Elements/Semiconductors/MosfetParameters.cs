namespace Neuromorph.Circuits.Elements.Semiconductors;

/// <summary>
/// A level-1 MOSFET's values: polarity (+1 n, -1 p), threshold VTO (V), beta = KP W / Leff (A/V^2), GAMMA (V^0.5),
/// PHI (V), LAMBDA (1/V), bulk saturation current IS (A), thermal voltage (V), overlap capacitances (F), bulk junction
/// zero-bias capacitances CBD, CBS (F) with PB, MJ, FC, and gmin across the bulk junctions (S).
/// </summary>
public sealed record MosfetParameters(int Type, double Vto, double Beta, double Gamma, double Phi, double Lambda, double Is, double Vt,
    double Cgs, double Cgd, double Cgb, double Cbd, double Cbs, double Pb, double Mj, double Fc, double Gmin)
{
    /// <summary>Oxide capacitance εox/TOX·W·Leff (F) of Meyer's gate capacitances; 0 without TOX.</summary>
    public double Cox { get; init; }

    /// <summary>
    /// Meyer's half gate capacitances (gs, gd, gb) at device-polarity <paramref name="vgs"/>, <paramref name="vds"/>,
    /// <paramref name="vbs"/> (ngspice mos1load: threshold and saturation voltage of the present mode, drain and source
    /// exchanged in reverse); all 0 without TOX.
    /// </summary>
    public (double Gs, double Gd, double Gb) Meyer(double vgs, double vds, double vbs)
    {
        if (Cox == 0)
        {
            return (0, 0, 0);
        }

        var vgd = vgs - vds;
        var forward = vds >= 0;
        var von = Von(forward ? vbs : vbs - vds);
        var vdsat = Math.Max((forward ? vgs : vgd) - von, 0);
        if (forward)
        {
            return MeyerCapacitance.Halves(vgs, vgd, von, vdsat, Phi, Cox);
        }

        var (gd, gs, gb) = MeyerCapacitance.Halves(vgd, vgs, von, vdsat, Phi, Cox);
        return (gs, gd, gb);
    }

    /// <summary>
    /// Channel current (drain to source in the device's own polarity) and its partials with respect to vgs, vds and vbs
    /// (ngspice mos1load, both modes): the reverse mode swaps drain and source.
    /// </summary>
    public (double Id, double Dgs, double Dds, double Dbs) Channel(double vgs, double vds, double vbs)
    {
        if (vds >= 0)
        {
            return Forward(vgs, vds, vbs);
        }

        // reverse mode: the device is evaluated with source and drain exchanged, current flows source -> drain
        var (i, g, d, b) = Forward(vgs - vds, -vds, vbs - vds);
        return (-i, -g, g + d + b, -b);
    }

    private (double Id, double Dgs, double Dds, double Dbs) Forward(double vgs, double vds, double vbs)
    {
        double sarg;
        if (vbs <= 0)
        {
            sarg = Math.Sqrt(Phi - vbs);
        }
        else
        {
            sarg = Math.Sqrt(Phi);
            sarg = Math.Max(0, sarg - (vbs / (sarg + sarg)));
        }

        var vbi = Vto - (Type * Gamma * Math.Sqrt(Phi));
        var von = (vbi * Type) + (Gamma * sarg);
        var vgst = vgs - von;
        var arg = sarg <= 0 ? 0 : Gamma / (sarg + sarg);
        if (vgst <= 0)
        {
            return (0, 0, 0, 0);
        }

        var betap = Beta * (1 + (Lambda * vds));
        if (vgst <= vds)
        {
            var gm = betap * vgst;
            return (betap * vgst * vgst * 0.5, gm, Lambda * Beta * vgst * vgst * 0.5, gm * arg);
        }

        var gml = betap * vds;
        return (betap * vds * (vgst - (0.5 * vds)), gml, (betap * (vgst - vds)) + (Lambda * Beta * vds * (vgst - (0.5 * vds))), gml * arg);
    }

    /// <summary>The threshold voltage at <paramref name="vbs"/> in the device's polarity (fetlim, Meyer).</summary>
    public double Von(double vbs)
    {
        var sarg = vbs <= 0 ? Math.Sqrt(Phi - vbs) : Math.Max(0, Math.Sqrt(Phi) - (vbs / (2 * Math.Sqrt(Phi))));
        return ((Vto - (Type * Gamma * Math.Sqrt(Phi))) * Type) + (Gamma * sarg);
    }

    /// <summary>Bulk junction current (bulk to drain or source, device polarity) and conductance at junction voltage v (ngspice's form with gmin).</summary>
    public (double Current, double Conductance) BulkDiode(double v)
    {
        if (v <= -3 * Vt)
        {
            return ((Gmin * v) - Is, Gmin);
        }

        var e = Math.Exp(Math.Min(709, v / Vt));
        return ((Is * (e - 1)) + (Gmin * v), (Is * e / Vt) + Gmin);
    }

    /// <summary>SPICE's fetlim: limits a gate-voltage update around the threshold <paramref name="vto"/>.</summary>
    public static double LimitGate(double vnew, double vold, double vto)
    {
        var vtsthi = Math.Abs(2 * (vold - vto)) + 2;
        var vtstlo = Math.Abs(vold - vto) + 1;
        var vtox = vto + 3.5;
        var delv = vnew - vold;
        if (vold >= vto)
        {
            if (vold >= vtox)
            {
                if (delv <= 0)
                {
                    return vnew >= vtox ? (-delv > vtstlo ? vold - vtstlo : vnew) : Math.Max(vnew, vto + 2);
                }

                return delv >= vtsthi ? vold + vtsthi : vnew;
            }

            return delv <= 0 ? Math.Max(vnew, vto - 0.5) : Math.Min(vnew, vto + 4);
        }

        if (delv <= 0)
        {
            return -delv > vtsthi ? vold - vtsthi : vnew;
        }

        var vtemp = vto + 0.5;
        return vnew <= vtemp ? (delv > vtstlo ? vold + vtstlo : vnew) : vtemp;
    }

    /// <summary>SPICE's limvds: limits a drain-source voltage update.</summary>
    public static double LimitDrain(double vnew, double vold)
    {
        if (vold >= 3.5)
        {
            return vnew > vold ? Math.Min(vnew, (3 * vold) + 2) : vnew < 3.5 ? Math.Max(vnew, 2) : vnew;
        }

        return vnew > vold ? Math.Min(vnew, 4) : Math.Max(vnew, -0.5);
    }
}
