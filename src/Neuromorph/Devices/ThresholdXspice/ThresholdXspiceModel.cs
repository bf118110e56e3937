namespace Neuromorph.Devices.ThresholdXspice;

/// <summary>
/// ngspice XSPICE memristor: the state is the resistance R (ohms); i = v/R;
/// dR/dt = f(v) = beta v + (alpha - beta)(|v + vt| - |v - vt|)/2 when f &gt; 0 and R &lt; rmax or f &lt; 0 and R &gt; rmin, else 0.
/// </summary>
public sealed class ThresholdXspiceModel(double rmin, double rmax, double rinit, double alpha, double beta, double vt)
    : MemristorModel<ThresholdXspiceEquations>(new ThresholdXspiceEquations(rmin, rmax, rinit, alpha, beta, vt))
{
    /// <inheritdoc />
    public override string ModelName => "threshold";

    /// <summary>The drive function f(v) in ohms per second.</summary>
    public double Drive(double v) => Equations.Drive(v);
}
