using Neuromorph.Diagnostics;

namespace Neuromorph.Devices.Knowm;

/// <summary>Knowm mean metastable switch memristor (Nugent and Molter, PLoS ONE 2014), Xyce syntax LEVEL=6.</summary>
public sealed class KnowmDefinition() : DefinitionBase(
    "knowm",
    "Knowm mean metastable switch (Nugent & Molter 2014): dx/dt = ((1-x) Pon - x Poff)/tau, I = phi V G(x) + (1-phi) Schottky",
    MemristorSyntax.Xyce,
    6,
    [
        new("ron", 500, "ohm", "on-state resistance", 1e-12),
        new("roff", 1500, "ohm", "off-state resistance", 1e-12),
        new("von", 0.27, "V", "on switching voltage", 0),
        new("voff", 0.27, "V", "off switching voltage", 0),
        new("tau", 1e-4, "s", "characteristic switching time", 1e-300),
        new("temp", 298.5, "K", "temperature", 1e-3),
        new("phi", 0.8, "", "fraction of current through the memristive channel", 0, 1),
        new("af", 8e-4, "A", "forward Schottky current scale", 0),
        new("ar", 8e-4, "A", "reverse Schottky current scale", 0),
        new("bf", 4, "1/V", "forward Schottky exponent", 0),
        new("br", 4, "1/V", "reverse Schottky exponent", 0),
        new("xo", 0, "", "initial fraction of switches in the on state", 0, 1),
    ])
{
    /// <inheritdoc />
    public override IMemristorModel Create(IReadOnlyDictionary<string, double> p)
    {
        if (P(p, "roff") <= P(p, "ron"))
        {
            throw new UserInputException("knowm model needs ROFF > RON", "ROFF is the high-resistance state");
        }

        return new KnowmModel(P(p, "ron"), P(p, "roff"), P(p, "von"), P(p, "voff"), P(p, "tau"), P(p, "temp"), P(p, "phi"), P(p, "af"), P(p, "ar"), P(p, "bf"), P(p, "br"), P(p, "xo"));
    }
}
