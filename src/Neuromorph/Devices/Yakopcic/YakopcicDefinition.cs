
namespace Neuromorph.Devices.Yakopcic;

/// <summary>Yakopcic generalised memristor model (IEEE EDL 2011; TCAD 2013), Xyce syntax LEVEL=3.</summary>
public sealed class YakopcicDefinition() : DefinitionBase(
    "yakopcic",
    "Yakopcic (EDL 2011): I = a x sinh(b V), dx/dt = eta g(V) f(x) with exponential thresholds and state-dependent motion",
    MemristorSyntax.Xyce,
    3,
    [
        new("a1", 0.17, "A", "current scale for V >= 0", 0),
        new("a2", 0.17, "A", "current scale for V < 0", 0),
        new("b", 0.05, "1/V", "I-V nonlinearity", 0),
        new("vp", 0.16, "V", "positive switching threshold", 0),
        new("vn", 0.15, "V", "negative switching threshold (magnitude)", 0),
        new("ap", 4000, "1/s", "positive switching rate", 0),
        new("an", 4000, "1/s", "negative switching rate", 0),
        new("xp", 0.3, "", "state where positive motion starts to decay", 0, 0.999999),
        new("xn", 0.5, "", "1 - state where negative motion starts to decay", 0, 0.999999),
        new("alphap", 1, "", "decay rate of positive motion", 0),
        new("alphan", 5, "", "decay rate of negative motion", 0),
        new("eta", 1, "", "direction of motion (+1 or -1)", -1, 1),
        new("xo", 0.11, "", "initial state", 0, 1),
    ])
{
    /// <inheritdoc />
    public override IMemristorModel Create(IReadOnlyDictionary<string, double> p) => new YakopcicModel(
        P(p, "a1"), P(p, "a2"), P(p, "b"), P(p, "vp"), P(p, "vn"), P(p, "ap"), P(p, "an"), P(p, "xp"), P(p, "xn"), P(p, "alphap"), P(p, "alphan"), P(p, "eta"), P(p, "xo"));
}
