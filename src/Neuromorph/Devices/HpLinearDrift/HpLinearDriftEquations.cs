namespace Neuromorph.Devices.HpLinearDrift;

/// <summary>
/// HP linear drift equations as a plain struct (the one implementation behind <see cref="HpLinearDriftModel"/> and the
/// batched device kernels): R(x) = Ron x + Roff (1 − x), i = v / R, dx/dt = k i f(x), window 1 Joglekar, 2 Biolek,
/// 3 Prodromakis, otherwise none. State x in [0, 1].
/// </summary>
public readonly struct HpLinearDriftEquations(double ron, double roff, double k, double x0, int window, double p, double j) : IMemristorEquations
{
    /// <inheritdoc />
    public double InitialState => x0;

    /// <inheritdoc />
    public double MinState => 0;

    /// <inheritdoc />
    public double MaxState => 1;

    /// <inheritdoc />
    public double StateScale => 1;

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
        var rate = k * i * f;
        return new MemristorEvaluation(i, didv, didx, rate, k * f * didv, k * ((didx * f) + (i * dfdx)));
    }
}
