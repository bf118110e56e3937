using Neuromorph.Diagnostics;

namespace Neuromorph.Devices.ThresholdXspice;

/// <summary>The Pershin–Di Ventra threshold memristor as ngspice's XSPICE <c>memristor</c> code model implements it.</summary>
public sealed class ThresholdXspiceDefinition() : DefinitionBase(
    "threshold",
    "Pershin-Di Ventra threshold model, ngspice XSPICE 'memristor' semantics: state R, dR/dt = beta v + (alpha-beta)(|v+vt|-|v-vt|)/2 within [rmin, rmax]",
    MemristorSyntax.XSpice,
    null,
    [
        new("rmin", 10, "ohm", "minimum resistance", 1e-12),
        new("rmax", 10e3, "ohm", "maximum resistance", 1e-12),
        new("rinit", 7e3, "ohm", "initial resistance", 1e-12),
        new("alpha", 0, "ohm/(V s)", "rate of resistance change below the threshold"),
        new("beta", 1, "ohm/(V s)", "rate of resistance change above the threshold"),
        new("vt", 0, "V", "threshold voltage", 0),
    ])
{
    /// <inheritdoc />
    public override IMemristorModel Create(IReadOnlyDictionary<string, double> p)
    {
        double rmin = P(p, "rmin"), rmax = P(p, "rmax"), rinit = P(p, "rinit");
        if (!(rmin < rmax) || rinit < rmin || rinit > rmax)
        {
            throw new UserInputException($"threshold memristor needs rmin < rmax and rinit within them (got {rmin}, {rmax}, {rinit})");
        }

        return new ThresholdXspiceModel(rmin, rmax, rinit, P(p, "alpha"), P(p, "beta"), P(p, "vt"));
    }
}
