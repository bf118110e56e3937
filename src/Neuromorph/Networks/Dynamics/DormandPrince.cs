using Neuromorph.Diagnostics;

namespace Neuromorph.Networks.Dynamics;

/// <summary>Right-hand side dy/dt = f(t, y) written into <c>dydt</c>.</summary>
public delegate void OdeRightHandSide(double t, ReadOnlySpan<double> y, Span<double> dydt);

/// <summary>
/// Minimal adaptive Dormand–Prince 5(4) integrator (Dormand and Prince 1980; Hairer, Norsett, Wanner, Solving ODEs I,
/// Table 5.2) with the standard step-size controller. Local to the networks area until the shared ODE library
/// (Numerics/Ode) is in main; swap it in then.
/// </summary>
public static class DormandPrince
{
    private static readonly double[] C = [0, 1.0 / 5, 3.0 / 10, 4.0 / 5, 8.0 / 9, 1, 1];
    private static readonly double[][] A =
    [
        [],
        [1.0 / 5],
        [3.0 / 40, 9.0 / 40],
        [44.0 / 45, -56.0 / 15, 32.0 / 9],
        [19372.0 / 6561, -25360.0 / 2187, 64448.0 / 6561, -212.0 / 729],
        [9017.0 / 3168, -355.0 / 33, 46732.0 / 5247, 49.0 / 176, -5103.0 / 18656],
        [35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84],
    ];

    // Error weights: 5th-order b minus 4th-order b*.
    private static readonly double[] E = [71.0 / 57600, 0, -71.0 / 16695, 71.0 / 1920, -17253.0 / 339200, 22.0 / 525, -1.0 / 40];

    /// <summary>
    /// Integrates from <paramref name="t0"/> to <paramref name="t1"/> in place on <paramref name="y"/>, calling
    /// <paramref name="observer"/> (t, y, dy/dt) at the start and after every accepted step.
    /// </summary>
    public static void Integrate(OdeRightHandSide f, double[] y, double t0, double t1, double relTol = 1e-8, double absTol = 1e-10,
        double maxStep = double.PositiveInfinity, Action<double, double[], double[]>? observer = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(y);
        var n = y.Length;
        var k = new double[7][];
        for (var i = 0; i < 7; i++)
        {
            k[i] = new double[n];
        }

        var tmp = new double[n];
        var t = t0;
        f(t, y, k[0]);
        observer?.Invoke(t, y, k[0]);
        var h = Math.Min(maxStep, Math.Max(1e-6, (t1 - t0) * 1e-3));
        var rejects = 0;
        while (t < t1)
        {
            h = Math.Min(h, t1 - t);
            for (var s = 1; s < 7; s++)
            {
                for (var i = 0; i < n; i++)
                {
                    var acc = y[i];
                    for (var j = 0; j < s; j++)
                    {
                        acc += h * A[s][j] * k[j][i];
                    }

                    tmp[i] = acc;
                }

                f(t + (C[s] * h), tmp, k[s]);
            }

            // tmp now holds the 5th-order solution (FSAL: k[6] = f(t + h, tmp)).
            var err = 0.0;
            for (var i = 0; i < n; i++)
            {
                var e = 0.0;
                for (var j = 0; j < 7; j++)
                {
                    e += E[j] * k[j][i];
                }

                var sc = absTol + (relTol * Math.Max(Math.Abs(y[i]), Math.Abs(tmp[i])));
                err = Math.Max(err, Math.Abs(h * e) / sc);
            }

            if (double.IsNaN(err))
            {
                throw new SimulationException($"ODE integration produced NaN at t = {t:G6}");
            }

            if (err <= 1)
            {
                t += h;
                Array.Copy(tmp, y, n);
                (k[0], k[6]) = (k[6], k[0]);
                observer?.Invoke(t, y, k[0]);
                rejects = 0;
            }
            else if (++rejects > 50 || h < 1e-14 * Math.Max(1, Math.Abs(t)))
            {
                throw new SimulationException($"ODE step size underflow at t = {t:G6}");
            }

            h = Math.Min(maxStep, h * Math.Clamp(0.9 * Math.Pow(Math.Max(err, 1e-10), -0.2), 0.2, 5));
        }
    }
}
