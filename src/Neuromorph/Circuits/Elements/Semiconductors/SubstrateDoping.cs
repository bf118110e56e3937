using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Elements.Semiconductors;

/// <summary>
/// MOSFET level 1's process parameters as SPICE (ngspice's mos1temp) turns them into electrical ones: with TOX and NSUB
/// (cm⁻³) given, PHI = 2 Vt(TNOM) ln(NSUB/ni) (at least 0.1), GAMMA = √(2 ε_Si q NSUB)/Cox and VTO = VFB + type (GAMMA √PHI
/// + PHI), with VFB from the gate work function (TPG: +1 opposite to the substrate, default; −1 same; 0 aluminium) and
/// the surface-state density NSS (cm⁻²); each only where the card does not give it.
/// </summary>
public static class SubstrateDoping
{
    /// <summary>ngspice's intrinsic carrier density, m⁻³.</summary>
    private const double Intrinsic = 1.45e16;

    /// <summary>Permittivity of silicon as ngspice writes it (11.70 ε0), F/m.</summary>
    private const double SiliconPermittivity = 11.70 * 8.854214871e-12;

    /// <summary>
    /// VTO, GAMMA and PHI for a level-1 model of <paramref name="type"/> (+1 n, −1 p): the given ones (null: not given)
    /// kept, the others derived from <paramref name="nsub"/> (cm⁻³), <paramref name="oxideCapacitance"/> (F/m²),
    /// <paramref name="nss"/> (cm⁻²) and <paramref name="gateType"/> at <paramref name="tnomCelsius"/>.
    /// </summary>
    public static (double Vto, double Gamma, double Phi) Derive(ModelCard model, int type, double nsub, double oxideCapacitance, double nss, double gateType, double tnomCelsius,
        double? vto, double? gamma, double? phi)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (nsub * 1e6 <= Intrinsic)
        {
            throw new UserInputException(model.At("nsub"), $"MOSFET model {model.Name}: NSUB = {nsub:G6} cm^-3 is not above the intrinsic density 1.45e10 cm^-3 (ngspice: \"Nsub < Ni\")", "NSUB is the substrate doping in cm^-3, e.g. nsub=1e16");
        }

        var tnom = tnomCelsius + Junction.ZeroCelsius;
        var vtnom = tnom * Junction.Boltzmann / Junction.Charge;
        var egfet = 1.16 - (7.02e-4 * tnom * tnom / (tnom + 1108));
        var p = phi ?? Math.Max(0.1, 2 * vtnom * Math.Log(nsub * 1e6 / Intrinsic));
        var fermis = type * 0.5 * p;
        var workFunction = gateType != 0 ? 3.25 + (0.5 * egfet) - (type * gateType * 0.5 * egfet) : 3.2;
        var workFunctionDifference = workFunction - (3.25 + (0.5 * egfet) + fermis);
        var g = gamma ?? Math.Sqrt(2 * SiliconPermittivity * Junction.Charge * nsub * 1e6) / oxideCapacitance;
        var v = vto ?? workFunctionDifference - (nss * 1e4 * Junction.Charge / oxideCapacitance) + (type * ((g * Math.Sqrt(p)) + p));
        return (v, g, p);
    }
}
