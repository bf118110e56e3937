using Neuromorph.Diagnostics;

namespace Neuromorph.Devices.HpLinearDrift;

/// <summary>HP linear ion-drift memristor (Strukov et al., Nature 453, 2008) with optional windows; Xyce syntax LEVEL=1.</summary>
public sealed class HpLinearDriftDefinition() : DefinitionBase(
    "hp",
    "HP linear ion drift (Strukov et al. 2008): R = Ron x + Roff (1-x), dx/dt = uv Ron / D^2 i f(x)",
    MemristorSyntax.Xyce,
    1,
    [
        new("ron", 100, "ohm", "resistance when fully doped (x = 1)", 1e-12),
        new("roff", 16e3, "ohm", "resistance when undoped (x = 0)", 1e-12),
        new("d", 10e-9, "m", "film thickness", 1e-15),
        new("uv", 1e-14, "m^2/(V s)", "dopant mobility", 0),
        new("xo", 0.1, "", "initial normalised doped width w/D", 0, 1),
        new("window", 0, "", "window: 0 none, 1 Joglekar, 2 Biolek, 3 Prodromakis", 0, 3),
        new("p", 1, "", "window exponent p", 1e-6),
        new("j", 1, "", "Prodromakis window scale j", 0),
    ])
{
    /// <inheritdoc />
    public override IMemristorModel Create(IReadOnlyDictionary<string, double> parameters)
    {
        double ron = P(parameters, "ron"), roff = P(parameters, "roff");
        if (roff <= ron)
        {
            throw new UserInputException($"hp model needs ROFF > RON (got RON={ron}, ROFF={roff})", "ROFF is the high-resistance state");
        }

        return new HpLinearDriftModel(ron, roff, P(parameters, "d"), P(parameters, "uv"), P(parameters, "xo"), (int)P(parameters, "window"), P(parameters, "p"), P(parameters, "j"));
    }
}
