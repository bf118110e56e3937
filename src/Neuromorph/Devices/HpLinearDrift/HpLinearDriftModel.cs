namespace Neuromorph.Devices.HpLinearDrift;

/// <summary>
/// HP linear drift: R(x) = Ron x + Roff (1 - x), i = v / R(x), dx/dt = k i f(x) with k = uv Ron / D^2 (1/(A s)).
/// State x = w/D in [0, 1]; x = 1 is the low-resistance state.
/// </summary>
public sealed class HpLinearDriftModel(double ron, double roff, double thickness, double mobility, double x0, int window, double p, double j) : IMemristorModel
{
    /// <summary>Drift coefficient k = uv Ron / D^2 in 1/(A s).</summary>
    public double K { get; } = mobility * ron / (thickness * thickness);

    /// <summary>The equations (shared with the batched device kernels).</summary>
    public HpLinearDriftEquations Equations => new(ron, roff, K, x0, window, p, j);

    /// <inheritdoc />
    public string ModelName => "hp";

    /// <summary>R(x) in ohms.</summary>
    public double ResistanceOf(double x) => Equations.ResistanceOf(x);

    /// <inheritdoc />
    public double InitialState => Equations.InitialState;

    /// <inheritdoc />
    public double MinState => Equations.MinState;

    /// <inheritdoc />
    public double MaxState => Equations.MaxState;

    /// <inheritdoc />
    public double Resistance(double voltage, double state) => Equations.Resistance(voltage, state);

    /// <inheritdoc />
    public MemristorEvaluation Evaluate(double voltage, double state) => Equations.Evaluate(voltage, state);
}
