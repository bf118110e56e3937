using Neuromorph.Numerics.Sparse;

namespace Neuromorph.Dynamics;

/// <summary>
/// Solves the CTD system (I + ξΩX) y = r for a positive semidefinite Ω given only through products, as conjugate
/// gradients (<see cref="ConjugateGradient"/> on a matrix-free operator) on its symmetric form
/// (I + ξ D Ω D) u = D r with D = X^½ (eigenvalues in [1, 1 + ξ‖Ω‖ max x]), then y = r − ξ Ω D u. Devices with
/// D = 0 drop out of the coupling (their rows are the identity), which is how <see cref="CtdBounds"/> restricts the
/// system to free devices. One instance holds the buffers for one size.
/// </summary>
internal sealed class CtdMetricSolve
{
    private readonly MetricOperator _operator;
    private readonly ConjugateGradient _cg;
    private readonly double[] _b;
    private readonly double[] _t;

    /// <summary>Buffers for systems of <paramref name="size"/> devices, solved to relative residual <paramref name="tolerance"/> against ‖D r‖.</summary>
    public CtdMetricSolve(int size, double tolerance)
    {
        _operator = new MetricOperator(size);
        _cg = new ConjugateGradient(_operator) { Tolerance = tolerance, MaxIterations = (10 * size) + 10 };
        _b = new double[size];
        _t = new double[size];
    }

    /// <summary>
    /// Writes y; <paramref name="u"/> holds the starting guess on entry (zeros for a cold start) and the solution on
    /// exit. Returns the iterations.
    /// </summary>
    /// <param name="omega">Writes Ω v into its second argument.</param>
    /// <param name="xi">ξ.</param>
    /// <param name="sqrtX">D, the square roots of the states (zero for devices left out).</param>
    /// <param name="r">Right-hand side.</param>
    /// <param name="u">Warm start in, solution of the symmetric system out.</param>
    /// <param name="y">The solution y = r − ξ Ω D u.</param>
    public int Solve(Action<double[], double[]> omega, double xi, double[] sqrtX, double[] r, double[] u, double[] y)
    {
        var n = _b.Length;
        for (var i = 0; i < n; i++)
        {
            _b[i] = sqrtX[i] * r[i];
        }

        _operator.Bind(omega, xi, sqrtX);
        var iterations = _cg.Solve(_b, u);
        for (var i = 0; i < n; i++)
        {
            _t[i] = sqrtX[i] * u[i];
        }

        omega(_t, y);
        for (var i = 0; i < n; i++)
        {
            y[i] = r[i] - (xi * y[i]);
        }

        return iterations;
    }

    /// <summary>v ↦ v + ξ D Ω D v for the Ω, ξ and D of the current solve.</summary>
    private sealed class MetricOperator(int size) : ILinearOperator
    {
        private readonly double[] _t = new double[size];
        private readonly double[] _q = new double[size];
        private Action<double[], double[]> _omega = (_, _) => { };
        private double _xi;
        private double[] _sqrtX = [];

        public int Size => size;

        public void Bind(Action<double[], double[]> omega, double xi, double[] sqrtX)
        {
            _omega = omega;
            _xi = xi;
            _sqrtX = sqrtX;
        }

        public void Multiply(ReadOnlySpan<double> x, Span<double> y)
        {
            for (var i = 0; i < size; i++)
            {
                _t[i] = _sqrtX[i] * x[i];
            }

            _omega(_t, _q);
            for (var i = 0; i < size; i++)
            {
                y[i] = x[i] + (_xi * _sqrtX[i] * _q[i]);
            }
        }
    }
}
