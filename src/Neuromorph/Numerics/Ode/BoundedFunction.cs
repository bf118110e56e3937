namespace Neuromorph.Numerics.Ode;

/// <summary>
/// Wraps a right-hand side so that it is evaluated at the state projected onto the box and components at a bound with
/// an outward derivative are held there.
/// </summary>
internal static class BoundedFunction
{
    public static OdeFunction Wrap(OdeFunction f, OdeOptions o)
    {
        if (o.Lower is null && o.Upper is null)
        {
            return f;
        }

        // Runge–Kutta stages can overshoot a bound: the right-hand side sees the state projected onto the box (a
        // device past its bound acts as one at the bound), so the components it drives follow the held dynamics
        double[]? inside = null;
        return (t, y, dydt) =>
        {
            inside ??= new double[y.Length];
            var projected = y;
            for (var i = 0; i < y.Length; i++)
            {
                if ((o.Lower is not null && y[i] < o.Lower[i]) || (o.Upper is not null && y[i] > o.Upper[i]))
                {
                    y.CopyTo(inside);
                    Clamp(inside, o);
                    projected = inside;
                    break;
                }
            }

            f(t, projected, dydt);
            for (var i = 0; i < dydt.Length; i++)
            {
                if ((o.Lower is not null && y[i] <= o.Lower[i] && dydt[i] < 0) || (o.Upper is not null && y[i] >= o.Upper[i] && dydt[i] > 0))
                {
                    dydt[i] = 0;
                }
            }
        };
    }

    public static void Clamp(Span<double> y, OdeOptions o)
    {
        for (var i = 0; i < y.Length; i++)
        {
            if (o.Lower is not null && y[i] < o.Lower[i])
            {
                y[i] = o.Lower[i];
            }

            if (o.Upper is not null && y[i] > o.Upper[i])
            {
                y[i] = o.Upper[i];
            }
        }
    }
}
