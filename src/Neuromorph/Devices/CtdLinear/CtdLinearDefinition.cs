using Neuromorph.Diagnostics;

namespace Neuromorph.Devices.CtdLinear;

/// <summary>The Caravelli–Traversa–Di Ventra linear memristor (PRE 95, 022140, 2017), Xyce syntax LEVEL=7.</summary>
public sealed class CtdLinearDefinition() : DefinitionBase(
    "ctd",
    "Caravelli-Traversa-Di Ventra linear model: R = RON (1 + xi x), dx/dt = ALPHA x - RON i / BETA",
    MemristorSyntax.Xyce,
    7,
    [
        new("ron", 100, "ohm", "resistance at x = 0", 1e-12),
        new("roff", 10e3, "ohm", "resistance at x = 1", 1e-12),
        new("alpha", 0, "1/s", "decay (alpha < 0) or growth rate of the state"),
        new("beta", 1, "V s", "inverse coupling of current to state", 1e-300),
        new("xo", 0, "", "initial state", 0, 1),
    ])
{
    /// <inheritdoc />
    public override IMemristorModel Create(IReadOnlyDictionary<string, double> p)
    {
        if (P(p, "roff") < P(p, "ron"))
        {
            throw new UserInputException("ctd model needs ROFF >= RON", "R = RON at x = 0 and ROFF at x = 1");
        }

        return new CtdLinearModel(P(p, "ron"), P(p, "roff"), P(p, "alpha"), P(p, "beta"), P(p, "xo"));
    }
}
