namespace Neuromorph.Numerics.Ode;

/// <summary>
/// Dormand–Prince 5(4) (the method of MATLAB's ode45 and SciPy's RK45): fifth-order solution, fourth-order
/// embedded error estimate, first-same-as-last, PI step control; dense output by cubic Hermite interpolation.
/// </summary>
public sealed class DormandPrince54 : AdaptiveIntegrator
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

    // error coefficients: b5 - b4
    private static readonly double[] E = [71.0 / 57600, 0, -71.0 / 16695, 71.0 / 1920, -17253.0 / 339200, 22.0 / 525, -1.0 / 40];

    private double[][] _k = [];
    private double[] _tmp = [];

    /// <inheritdoc />
    protected override int ErrorOrder => 4;

    /// <inheritdoc />
    protected override double Attempt(OdeFunction f, double t, double[] y, double[] f0, double h, double[] yNew, double[] fNew, OdeOptions o)
    {
        var n = y.Length;
        if (_k.Length != 7 || _k[0].Length != n)
        {
            _k = [.. Enumerable.Range(0, 7).Select(_ => new double[n])];
            _tmp = new double[n];
        }

        Array.Copy(f0, _k[0], n);
        for (var s = 1; s < 7; s++)
        {
            for (var i = 0; i < n; i++)
            {
                double acc = 0;
                for (var j = 0; j < s; j++)
                {
                    acc += A[s][j] * _k[j][i];
                }

                _tmp[i] = y[i] + (h * acc);
            }

            if (s == 6)
            {
                Array.Copy(_tmp, yNew, n);
            }

            f(t + (C[s] * h), _tmp, _k[s]);
            Evaluations++;
        }

        Array.Copy(_k[6], fNew, n);
        for (var i = 0; i < n; i++)
        {
            double e = 0;
            for (var s = 0; s < 7; s++)
            {
                e += E[s] * _k[s][i];
            }

            _tmp[i] = h * e;
        }

        return ErrorNorm(_tmp, y, yNew, o);
    }
}
