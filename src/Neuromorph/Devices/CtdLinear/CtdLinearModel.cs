namespace Neuromorph.Devices.CtdLinear;

/// <summary>
/// CTD linear memristor: R(x) = Ron (1 + xi x), xi = (Roff - Ron)/Ron; dx/dt = alpha x - Ron i / beta with i the
/// current from n+ to n- (convention A of PRE 2017). The state is kept in [0, 1].
/// </summary>
public sealed class CtdLinearModel(double ron, double roff, double alpha, double beta, double x0) : IMemristorModel
{
    /// <summary>xi = (Roff - Ron)/Ron.</summary>
    public double Xi { get; } = (roff - ron) / ron;

    /// <summary>The equations (shared with the batched device kernels).</summary>
    public CtdLinearEquations Equations => new(ron, Xi, alpha, beta, x0);

    /// <summary>Ron in ohms.</summary>
    public double Ron => ron;

    /// <summary>alpha (1/s).</summary>
    public double Alpha => alpha;

    /// <summary>beta (V s).</summary>
    public double Beta => beta;

    /// <inheritdoc />
    public string ModelName => "ctd";

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
