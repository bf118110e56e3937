namespace Neuromorph.Devices.HpLinearDrift;

/// <summary>
/// HP linear drift: R(x) = Ron x + Roff (1 - x), i = v / R(x), dx/dt = k i f(x) with k = uv Ron / D^2 (1/(A s)).
/// State x = w/D in [0, 1]; x = 1 is the low-resistance state.
/// </summary>
public sealed class HpLinearDriftModel(double ron, double roff, double thickness, double mobility, double x0, int window, double p, double j) : IMemristorModel
{
    /// <summary>Drift coefficient k = uv Ron / D^2 in 1/(A s).</summary>
    public double K { get; } = mobility * ron / (thickness * thickness);

    /// <inheritdoc />
    public string ModelName => "hp";

    /// <inheritdoc />
    public double InitialState => x0;

    /// <inheritdoc />
    public double MinState => 0;

    /// <inheritdoc />
    public double MaxState => 1;

    /// <summary>R(x) in ohms.</summary>
    public double ResistanceOf(double x) => (ron * x) + (roff * (1 - x));

    /// <inheritdoc />
    public double Resistance(double voltage, double state) => ResistanceOf(state);

    /// <inheritdoc />
    public MemristorEvaluation Evaluate(double voltage, double state)
    {
        var r = ResistanceOf(state);
        var i = voltage / r;
        var didv = 1 / r;
        var didx = -voltage * (ron - roff) / (r * r);
        var (f, dfdx) = window switch
        {
            1 => Windows.Joglekar(state, p),
            2 => Windows.Biolek(state, p, i),
            3 => Windows.Prodromakis(state, p, j),
            _ => (1.0, 0.0),
        };
        var rate = K * i * f;
        return new MemristorEvaluation(i, didv, didx, rate, K * f * didv, K * ((didx * f) + (i * dfdx)));
    }
}
