namespace Neuromorph.Dynamics;

/// <summary>
/// Solves the CTD system (I + ξΩX) y = r for a positive semidefinite Ω given only through products, as conjugate
/// gradients on its symmetric form (I + ξ D Ω D) u = D r with D = X^½ (eigenvalues in [1, 1 + ξ‖Ω‖ max x]), then
/// y = r − ξ Ω D u. Devices with D = 0 drop out of the coupling (their rows are the identity), which is how
/// <see cref="CtdBounds"/> restricts the system to free devices. One instance holds the buffers for one size.
/// </summary>
internal sealed class CtdMetricSolve(int size)
{
    private readonly double[] _b = new double[size];
    private readonly double[] _res = new double[size];
    private readonly double[] _dir = new double[size];
    private readonly double[] _q = new double[size];
    private readonly double[] _t = new double[size];

    /// <summary>
    /// Writes y; <paramref name="u"/> holds the starting guess on entry (zeros for a cold start) and the solution on
    /// exit. Stops at relative residual <paramref name="tolerance"/> against ‖D r‖. Returns the iterations.
    /// </summary>
    /// <param name="omega">Writes Ω v into its second argument.</param>
    /// <param name="xi">ξ.</param>
    /// <param name="sqrtX">D, the square roots of the states (zero for devices left out).</param>
    /// <param name="r">Right-hand side.</param>
    /// <param name="u">Warm start in, solution of the symmetric system out.</param>
    /// <param name="y">The solution y = r − ξ Ω D u.</param>
    /// <param name="tolerance">Relative residual.</param>
    public int Solve(Action<double[], double[]> omega, double xi, double[] sqrtX, double[] r, double[] u, double[] y, double tolerance)
    {
        var n = size;
        for (var i = 0; i < n; i++)
        {
            _b[i] = sqrtX[i] * r[i];
        }

        var bb = Dot(_b, _b);
        var iterations = 0;
        if (bb == 0)
        {
            Array.Clear(u);
        }
        else
        {
            Apply(omega, xi, sqrtX, u, _q);
            for (var i = 0; i < n; i++)
            {
                _res[i] = _b[i] - _q[i];
                _dir[i] = _res[i];
            }

            var rr = Dot(_res, _res);
            var stop = tolerance * tolerance * bb;
            for (; iterations < (10 * n) + 10 && rr > stop; iterations++)
            {
                Apply(omega, xi, sqrtX, _dir, _q);
                var step = rr / Dot(_dir, _q);
                for (var i = 0; i < n; i++)
                {
                    u[i] += step * _dir[i];
                    _res[i] -= step * _q[i];
                }

                var rrNew = Dot(_res, _res);
                var beta = rrNew / rr;
                rr = rrNew;
                for (var i = 0; i < n; i++)
                {
                    _dir[i] = _res[i] + (beta * _dir[i]);
                }
            }
        }

        for (var i = 0; i < n; i++)
        {
            _t[i] = sqrtX[i] * u[i];
        }

        omega(_t, _q);
        for (var i = 0; i < n; i++)
        {
            y[i] = r[i] - (xi * _q[i]);
        }

        return iterations;
    }

    // into = v + ξ D Ω D v
    private void Apply(Action<double[], double[]> omega, double xi, double[] sqrtX, double[] v, double[] into)
    {
        for (var i = 0; i < v.Length; i++)
        {
            _t[i] = sqrtX[i] * v[i];
        }

        omega(_t, into);
        for (var i = 0; i < v.Length; i++)
        {
            into[i] = v[i] + (xi * sqrtX[i] * into[i]);
        }
    }

    private static double Dot(double[] a, double[] b) => System.Numerics.Tensors.TensorPrimitives.Dot(a, b);
}
