namespace Neuromorph.Devices.Yakopcic;

/// <summary>
/// Yakopcic model: I = a1 x sinh(bV) (V &gt;= 0) or a2 x sinh(bV) (V &lt; 0); dx/dt = eta g(V) f(x) with
/// g = Ap (e^V - e^Vp) for V &gt; Vp, -An (e^-V - e^Vn) for V &lt; -Vn, else 0; for eta V &gt;= 0,
/// f = e^{-alphap (x - xp)} wp(x) when x &gt;= xp (else 1), wp = (xp - x)/(1 - xp) + 1; for eta V &lt; 0,
/// f = e^{alphan (x + xn - 1)} wn(x) when x &lt;= 1 - xn (else 1), wn = x/(1 - xn). State x in [0, 1].
/// </summary>
public sealed class YakopcicModel(double a1, double a2, double b, double vp, double vn, double ap, double an, double xp, double xn, double alphap, double alphan, double eta, double x0)
    : MemristorModel<YakopcicEquations>(new YakopcicEquations(a1, a2, b, vp, vn, ap, an, xp, xn, alphap, alphan, eta, x0))
{
    /// <inheritdoc />
    public override string ModelName => "yakopcic";
}
