namespace Neuromorph.Numerics.Ode;

/// <summary>Wraps a right-hand side so that components at a bound with an outward derivative are held there.</summary>
internal static class BoundedFunction
{
    public static OdeFunction Wrap(OdeFunction f, OdeOptions o)
    {
        if (o.Lower is null && o.Upper is null)
        {
            return f;
        }

        return (t, y, dydt) =>
        {
            f(t, y, dydt);
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
