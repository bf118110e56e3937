namespace Neuromorph.Devices.HpLinearDrift;

/// <summary>
/// HP linear drift: R(x) = Ron x + Roff (1 - x), i = v / R(x), dx/dt = k i f(x) with k = uv Ron / D^2 (1/(A s)).
/// State x = w/D in [0, 1]; x = 1 is the low-resistance state.
/// </summary>
public sealed class HpLinearDriftModel(double ron, double roff, double thickness, double mobility, double x0, int window, double p, double j)
    : MemristorModel<HpLinearDriftEquations>(new HpLinearDriftEquations(ron, roff, mobility * ron / (thickness * thickness), x0, window, p, j))
{
    /// <summary>Drift coefficient k = uv Ron / D^2 in 1/(A s).</summary>
    public double K { get; } = mobility * ron / (thickness * thickness);

    /// <inheritdoc />
    public override string ModelName => "hp";

    /// <summary>R(x) in ohms.</summary>
    public double ResistanceOf(double x) => Equations.ResistanceOf(x);
}
