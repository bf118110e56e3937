namespace Neuromorph.Devices.CtdLinear;

/// <summary>
/// CTD linear memristor: R(x) = Ron (1 + xi x), xi = (Roff - Ron)/Ron; dx/dt = alpha x - Ron i / beta with i the
/// current from n+ to n- (convention A of PRE 2017). The state is kept in [0, 1].
/// </summary>
public sealed class CtdLinearModel(double ron, double roff, double alpha, double beta, double x0)
    : MemristorModel<CtdLinearEquations>(new CtdLinearEquations(ron, (roff - ron) / ron, alpha, beta, x0))
{
    /// <summary>xi = (Roff - Ron)/Ron.</summary>
    public double Xi { get; } = (roff - ron) / ron;

    /// <summary>Ron in ohms.</summary>
    public double Ron => ron;

    /// <summary>alpha (1/s).</summary>
    public double Alpha => alpha;

    /// <summary>beta (V s).</summary>
    public double Beta => beta;

    /// <inheritdoc />
    public override string ModelName => "ctd";
}
