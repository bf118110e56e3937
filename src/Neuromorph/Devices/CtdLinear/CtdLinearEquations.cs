namespace Neuromorph.Devices.CtdLinear;

/// <summary>
/// CTD linear memristor equations as a plain struct (behind <see cref="CtdLinearModel"/> and the batched device
/// kernels): R(x) = Ron (1 + ξ x), dx/dt = α x − Ron i / β (convention A of PRE 2017). State x in [0, 1].
/// </summary>
public readonly struct CtdLinearEquations(double ron, double xi, double alpha, double beta, double x0) : IMemristorEquations
{
    /// <inheritdoc />
    public double InitialState => x0;

    /// <inheritdoc />
    public double MinState => 0;

    /// <inheritdoc />
    public double MaxState => 1;

    /// <inheritdoc />
    public double StateScale => 1;

    /// <inheritdoc />
    public double Resistance(double voltage, double state) => ron * (1 + (xi * state));

    /// <inheritdoc />
    public MemristorEvaluation Evaluate(double voltage, double state)
    {
        var r = Resistance(voltage, state);
        var i = voltage / r;
        var didv = 1 / r;
        var didx = -voltage * ron * xi / (r * r);
        var k = ron / beta;
        return new MemristorEvaluation(i, didv, didx, (alpha * state) - (k * i), -k * didv, alpha - (k * didx));
    }
}
