namespace Neuromorph.Devices.ThresholdXspice;

/// <summary>
/// ngspice XSPICE threshold memristor equations as a plain struct (behind <see cref="ThresholdXspiceModel"/> and the
/// batched device kernels); see <see cref="ThresholdXspiceModel"/>. The state is the resistance R in [rmin, rmax] (ohms).
/// </summary>
public readonly struct ThresholdXspiceEquations(double rmin, double rmax, double rinit, double alpha, double beta, double vt) : IMemristorEquations
{
    /// <inheritdoc />
    public double InitialState => rinit;

    /// <inheritdoc />
    public double MinState => rmin;

    /// <inheritdoc />
    public double MaxState => rmax;

    /// <inheritdoc />
    public double StateScale => rmax - rmin;

    /// <inheritdoc />
    public double Resistance(double voltage, double state) => state;

    /// <summary>The drive function f(v) in ohms per second.</summary>
    public double Drive(double v) => (beta * v) + (0.5 * (alpha - beta) * (Math.Abs(v + vt) - Math.Abs(v - vt)));

    /// <inheritdoc />
    public MemristorEvaluation Evaluate(double voltage, double state)
    {
        var i = voltage / state;
        var f = Drive(voltage);
        var active = (f > 0 && state < rmax) || (f < 0 && state > rmin);
        var dfdv = Math.Abs(voltage) < vt ? alpha : beta;
        return new MemristorEvaluation(i, 1 / state, -voltage / (state * state), active ? f : 0, active ? dfdv : 0, 0);
    }
}
