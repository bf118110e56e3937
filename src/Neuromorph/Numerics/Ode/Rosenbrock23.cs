using MathNet.Numerics.LinearAlgebra;
using Neuromorph.Numerics.Sparse;

namespace Neuromorph.Numerics.Ode;

/// <summary>
/// The modified Rosenbrock 2(3) method of Shampine and Reichelt (1997; MATLAB's ode23s): L-stable, second order,
/// with a third-order error estimate, for stiff problems (switching devices, Robertson-type kinetics, relaxation
/// oscillators). Needs one Jacobian and one LU factorisation of W = I - h d J per step; the Jacobian is analytic when
/// given, otherwise by forward differences. ∂f/∂t is taken by a forward difference.
/// </summary>
public sealed class Rosenbrock23(OdeJacobian? jacobian = null) : AdaptiveIntegrator
{
    private Func<double, double[], CsrMatrix>? _sparseJacobian;
    private SparseLu? _lu;

    /// <summary>
    /// A stiff solver for large sparse systems: <paramref name="sparseJacobian"/> returns J(t, y) with a fixed pattern;
    /// W = I − h d J is factorised by the sparse LU, whose ordering and pivots are kept from step to step.
    /// </summary>
    public static Rosenbrock23 WithSparseJacobian(Func<double, double[], CsrMatrix> sparseJacobian) =>
        new() { _sparseJacobian = sparseJacobian ?? throw new ArgumentNullException(nameof(sparseJacobian)) };

    private static readonly double D = 1 / (2 + Math.Sqrt(2));
    private static readonly double E32 = 6 + Math.Sqrt(2);

    /// <inheritdoc />
    protected override int ErrorOrder => 2;

    /// <inheritdoc />
    protected override double Attempt(OdeFunction f, double t, double[] y, double[] f0, double h, double[] yNew, double[] fNew, OdeOptions o)
    {
        var n = y.Length;
        if (_sparseJacobian is not null)
        {
            return AttemptSparse(f, t, y, f0, h, yNew, fNew, o);
        }

        var jac = new double[n, n];
        if (jacobian is not null)
        {
            jacobian(t, y, jac);
        }
        else
        {
            FiniteDifferenceJacobian(f, t, y, f0, jac);
        }

        JacobianEvaluations++;
        var dt = Math.Max(1e-8 * Math.Max(1, Math.Abs(t)), 1e-14);
        var ft = new double[n];
        f(t + dt, y, ft);
        Evaluations++;
        var T = Vector<double>.Build.Dense(n, i => (ft[i] - f0[i]) / dt);
        var w = Matrix<double>.Build.Dense(n, n, (i, j) => (i == j ? 1 : 0) - (h * D * jac[i, j]));
        var lu = w.LU();
        Factorisations++;
        var F0 = Vector<double>.Build.DenseOfArray(f0);
        var k1 = lu.Solve(F0 + (h * D * T));
        var y1 = new double[n];
        for (var i = 0; i < n; i++)
        {
            y1[i] = y[i] + (0.5 * h * k1[i]);
        }

        var f1a = new double[n];
        f(t + (0.5 * h), y1, f1a);
        Evaluations++;
        var F1 = Vector<double>.Build.DenseOfArray(f1a);
        var k2 = lu.Solve(F1 - k1) + k1;
        for (var i = 0; i < n; i++)
        {
            yNew[i] = y[i] + (h * k2[i]);
        }

        f(t + h, yNew, fNew);
        Evaluations++;
        var F2 = Vector<double>.Build.DenseOfArray(fNew);
        var k3 = lu.Solve(F2 - (E32 * (k2 - F1)) - (2 * (k1 - F0)) + (h * D * T));
        var e = new double[n];
        for (var i = 0; i < n; i++)
        {
            e[i] = h / 6 * (k1[i] - (2 * k2[i]) + k3[i]);
        }

        return ErrorNorm(e, y, yNew, o);
    }

    private double AttemptSparse(OdeFunction f, double t, double[] y, double[] f0, double h, double[] yNew, double[] fNew, OdeOptions o)
    {
        var n = y.Length;
        var j = _sparseJacobian!(t, y);
        JacobianEvaluations++;
        // W = I - h d J on J's pattern plus the diagonal
        var b = new CooBuilder(n, n);
        for (var r = 0; r < n; r++)
        {
            b.Add(r, r, 1);
            for (var p = j.RowPointers[r]; p < j.RowPointers[r + 1]; p++)
            {
                b.Add(r, j.ColumnIndices[p], -h * D * j.Values[p]);
            }
        }

        var w = b.ToCsr();
        _lu ??= new SparseLu(w);
        if (_lu.Size != n || !_lu.Refactor(w))
        {
            if (_lu.Size != n)
            {
                _lu = new SparseLu(w);
            }

            if (_lu.Factor(w) >= 0)
            {
                return double.PositiveInfinity; // singular W: reject and shrink the step
            }
        }

        Factorisations++;
        var dt = Math.Max(1e-8 * Math.Max(1, Math.Abs(t)), 1e-14);
        var ft = new double[n];
        f(t + dt, y, ft);
        Evaluations++;
        var k1 = new double[n];
        for (var i = 0; i < n; i++)
        {
            k1[i] = f0[i] + (h * D * (ft[i] - f0[i]) / dt);
        }

        _lu.Solve(k1);
        var y1 = new double[n];
        for (var i = 0; i < n; i++)
        {
            y1[i] = y[i] + (0.5 * h * k1[i]);
        }

        var f1 = new double[n];
        f(t + (0.5 * h), y1, f1);
        Evaluations++;
        var k2 = new double[n];
        for (var i = 0; i < n; i++)
        {
            k2[i] = f1[i] - k1[i];
        }

        _lu.Solve(k2);
        for (var i = 0; i < n; i++)
        {
            k2[i] += k1[i];
            yNew[i] = y[i] + (h * k2[i]);
        }

        f(t + h, yNew, fNew);
        Evaluations++;
        var k3 = new double[n];
        for (var i = 0; i < n; i++)
        {
            k3[i] = fNew[i] - (E32 * (k2[i] - f1[i])) - (2 * (k1[i] - f0[i])) + (h * D * (ft[i] - f0[i]) / dt);
        }

        _lu.Solve(k3);
        var e = new double[n];
        for (var i = 0; i < n; i++)
        {
            e[i] = h / 6 * (k1[i] - (2 * k2[i]) + k3[i]);
        }

        return ErrorNorm(e, y, yNew, o);
    }

    private void FiniteDifferenceJacobian(OdeFunction f, double t, double[] y, double[] f0, double[,] jac)
    {
        var n = y.Length;
        var yp = (double[])y.Clone();
        var fp = new double[n];
        for (var j = 0; j < n; j++)
        {
            var delta = Math.Sqrt(1e-16) * Math.Max(1e-5, Math.Abs(y[j]));
            yp[j] = y[j] + delta;
            f(t, yp, fp);
            Evaluations++;
            for (var i = 0; i < n; i++)
            {
                jac[i, j] = (fp[i] - f0[i]) / delta;
            }

            yp[j] = y[j];
        }
    }
}
