using Neuromorph.Diagnostics;

namespace Neuromorph.Devices.Team;

/// <summary>
/// TEAM (Kvatinsky et al., TCAS-I 2013) with Xyce's LEVEL=2 semantics, and VTEAM (TCAS-II 2015, LEVEL=5),
/// the same model with voltage thresholds VON &lt; 0 &lt; VOFF instead of current thresholds ION &lt; 0 &lt; IOFF.
/// </summary>
public sealed class TeamDefinition(bool voltageControlled = false) : DefinitionBase(
    voltageControlled ? "vteam" : "team",
    voltageControlled
        ? "VTEAM (Kvatinsky et al. 2015): voltage-threshold adaptive memristor, TEAM equations with VON/VOFF"
        : "TEAM (Kvatinsky et al. 2013), Xyce LEVEL=2 semantics: current thresholds, windows WT=0..4, linear or exponential I-V",
    MemristorSyntax.Xyce,
    voltageControlled ? 5 : 2,
    ParameterList(voltageControlled))
{
    private readonly bool _voltage = voltageControlled;

    /// <inheritdoc />
    public override IMemristorModel Create(IReadOnlyDictionary<string, double> p)
    {
        double ron = P(p, "ron"), roff = P(p, "roff");
        if (roff <= ron)
        {
            throw new UserInputException($"{Name} model needs ROFF > RON (got RON={ron}, ROFF={roff})", "ROFF is the high-resistance state");
        }

        double on = P(p, _voltage ? "von" : "ion"), off = P(p, _voltage ? "voff" : "ioff");
        if (!(on < off))
        {
            throw new UserInputException($"{Name} thresholds need {(_voltage ? "VON < VOFF" : "ION < IOFF")} (got {on}, {off})", _voltage ? "typically VON < 0 < VOFF" : "typically ION < 0 < IOFF");
        }

        if (P(p, "xoff") <= P(p, "xon"))
        {
            throw new UserInputException($"{Name} model needs XOFF > XON");
        }

        var s = P(p, "xscaling");
        return new TeamModel(
            Name,
            _voltage,
            ron,
            roff,
            P(p, "kon") * s,
            P(p, "koff") * s,
            P(p, "alphaon"),
            P(p, "alphaoff"),
            on,
            off,
            P(p, "xon") * s,
            P(p, "xoff") * s,
            (int)P(p, "ivrelation"),
            (int)P(p, "wt"),
            P(p, "d"),
            P(p, "p"),
            P(p, "j"),
            P(p, "aon") * s,
            P(p, "aoff") * s,
            P(p, "wc") * s,
            P(p, "xo"));
    }

    private static List<ParameterSpec> ParameterList(bool voltage)
    {
        var list = new List<ParameterSpec>
        {
            new("ron", 50, "ohm", "resistance in the on state (x = XON)", 1e-12),
            new("roff", 1e3, "ohm", "resistance in the off state (x = XOFF)", 1e-12),
            new("kon", voltage ? -10 : -8e-13, "m/s", "switching rate towards on (negative)"),
            new("koff", voltage ? 5e-4 : 8e-13, "m/s", "switching rate towards off (positive)"),
            new("alphaon", voltage ? 3 : 3, "", "on-switching exponent", 0),
            new("alphaoff", voltage ? 1 : 3, "", "off-switching exponent", 0),
        };
        list.AddRange(voltage
            ? [new("von", -0.2, "V", "on threshold voltage (negative)"), new("voff", 0.02, "V", "off threshold voltage (positive)")]
            : [new("ion", -8.9e-6, "A", "on threshold current (negative; Xyce's default is +8.9e-6)"), new("ioff", 1.15e-4, "A", "off threshold current (positive)")]);
        list.AddRange(
        [
            new("xon", 0, "m", "state at the on resistance"),
            new("xoff", 3e-9, "m", "state at the off resistance"),
            new("xscaling", 1, "", "state scale, e.g. 1e9 to carry x in nanometres (Xyce XSCALING)", 1e-300),
            new("ivrelation", 0, "", "I-V relation: 0 linear R(x), 1 exponential R(x)", 0, 1),
            new("wt", voltage ? 4 : 0, "", "window: 0 none, 1 Joglekar, 2 Biolek, 3 Prodromakis, 4 Kvatinsky", 0, 4),
            new("d", 1, "", "window length D (windows 1-3; x/D is the normalised state)", 1e-300),
            new("p", 1, "", "window exponent p (windows 1-3)", 1e-6),
            new("j", 1, "", "Prodromakis window scale j (window 3)", 0),
            new("aon", 0, "m", "Kvatinsky window on edge (window 4)"),
            new("aoff", 3e-9, "m", "Kvatinsky window off edge (window 4)"),
            new("wc", 1.07e-12, "m", "Kvatinsky window width (window 4)", 1e-300),
            new("xo", 0, "", "initial state as a fraction of the way from XON to XOFF", 0, 1),
        ]);
        return list;
    }
}
