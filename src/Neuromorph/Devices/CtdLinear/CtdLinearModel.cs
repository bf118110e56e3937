namespace Neuromorph.Devices.CtdLinear;

/// <summary>
/// CTD linear memristor: R(x) = Ron (1 + xi x), xi = (Roff - Ron)/Ron; dx/dt = alpha x - Ron i / beta with i the
/// current from n+ to n- (convention A of PRE 2017). The state is kept in [0, 1].
/// </summary>
public sealed class CtdLinearModel(double ron, double roff, double alpha, double beta, double x0) : IMemristorModel
{
    /// <summary>xi = (Roff - Ron)/Ron.</summary>
    public double Xi { get; } = (roff - ron) / ron;

    /// <summary>Ron in ohms.</summary>
    public double Ron => ron;

    /// <summary>alpha in 1/s.</summary>
    public double Alpha => alpha;

    /// <summary>beta in V s.</summary>
    public double Beta => beta;

    /// <inheritdoc />
    public string ModelName => "ctd";

    /// <inheritdoc />
    public double InitialState => x0;

    /// <inheritdoc />
    public double MinState => 0;

    /// <inheritdoc />
    public double MaxState => 1;

    /// <inheritdoc />
    public double Resistance(double voltage, double state) => ron * (1 + (Xi * state));

    /// <inheritdoc />
    public MemristorEvaluation Evaluate(double voltage, double state)
    {
        var r = Resistance(voltage, state);
        var i = voltage / r;
        var didv = 1 / r;
        var didx = -voltage * ron * Xi / (r * r);
        var k = ron / beta;
        return new MemristorEvaluation(i, didv, didx, (alpha * state) - (k * i), -k * didv, alpha - (k * didx));
    }
}
