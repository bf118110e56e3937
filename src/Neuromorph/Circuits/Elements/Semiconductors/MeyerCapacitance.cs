namespace Neuromorph.Circuits.Elements.Semiconductors;

/// <summary>
/// Meyer's intrinsic gate capacitances of a level-1 MOSFET (ngspice's DEVqmeyer): half of the gate-source, gate-drain
/// and gate-bulk capacitances by region (accumulation, depletion, saturation, linear), from the oxide capacitance
/// Cox = εox/TOX·W·Leff. SPICE integrates them incrementally: the charge moves by (half now + half at the last point +
/// overlap) times the voltage change.
/// </summary>
public static class MeyerCapacitance
{
    private const double MagicVds = 0.025;

    /// <summary>
    /// Half capacitances (gs, gd, gb) at device-polarity voltages <paramref name="vgs"/>, <paramref name="vgd"/>, threshold
    /// <paramref name="von"/>, saturation voltage <paramref name="vdsat"/>, surface potential <paramref name="phi"/> and oxide
    /// capacitance <paramref name="cox"/>, in the forward mode (the caller swaps gs and gd in reverse).
    /// </summary>
    public static (double Gs, double Gd, double Gb) Halves(double vgs, double vgd, double von, double vdsat, double phi, double cox)
    {
        var vgst = vgs - von;
        vdsat = Math.Max(vdsat, MagicVds);
        var vds = vgs - vgd;
        if (vgst <= -phi)
        {
            return (0, 0, cox / 2);
        }

        if (vgst <= -phi / 2)
        {
            return (0, 0, -vgst * cox / (2 * phi));
        }

        double vddif = (2 * vdsat) - vds, vddif1 = vdsat - vds, vddif2 = vddif * vddif;
        if (vgst <= 0)
        {
            var gb = -vgst * cox / (2 * phi);
            var gs = (vgst * cox / (1.5 * phi)) + (cox / 3);
            return vds >= vdsat ? (gs, 0, gb) : (gs * (1 - (vddif1 * vddif1 / vddif2)), gs * (1 - (vdsat * vdsat / vddif2)), gb);
        }

        return vdsat <= vds
            ? (cox / 3, 0, 0)
            : (cox * (1 - (vddif1 * vddif1 / vddif2)) / 3, cox * (1 - (vdsat * vdsat / vddif2)) / 3, 0);
    }
}
