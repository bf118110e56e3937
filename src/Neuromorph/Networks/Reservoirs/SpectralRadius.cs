using MathNet.Numerics.LinearAlgebra;
using Neuromorph.Numerics.Sparse;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Networks.Reservoirs;

/// <summary>
/// The spectral radius max |λ| of a square matrix: from the full eigen-decomposition (MathNet) up to
/// <see cref="DenseLimit"/> rows, else from the largest Ritz value of an Arnoldi process with
/// <see cref="KrylovSteps"/> steps (the dense decomposition costs 10 s at 1000 rows; the Krylov estimate a fraction of a second).
/// </summary>
public static class SpectralRadius
{
    /// <summary>Largest size decomposed densely.</summary>
    public const int DenseLimit = 400;

    /// <summary>Arnoldi steps for larger matrices.</summary>
    public const int KrylovSteps = 300;

    /// <summary>ρ(A).</summary>
    public static double Of(CsrMatrix a, ulong seed = 1)
    {
        ArgumentNullException.ThrowIfNull(a);
        var n = a.RowCount;
        if (n <= DenseLimit)
        {
            return Matrix<double>.Build.DenseOfArray(a.ToDense()).Evd().EigenValues.Max(c => c.Magnitude);
        }

        return Arnoldi(a, Math.Min(KrylovSteps, n), seed);
    }

    /// <summary>Largest |Ritz value| of an m-step Arnoldi process (modified Gram–Schmidt, repeated once for orthogonality).</summary>
    public static double Arnoldi(CsrMatrix a, int m, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(a);
        var n = a.RowCount;
        var v = new List<double[]>();
        var h = new double[m + 1, m];
        var rng = new RandomStream(seed);
        var q = Enumerable.Range(0, n).Select(_ => rng.NextGaussian()).ToArray();
        Scale(q, 1 / Norm(q));
        v.Add(q);
        var steps = m;
        for (var j = 0; j < m; j++)
        {
            var w = new double[n];
            a.Multiply(v[j], w);
            for (var pass = 0; pass < 2; pass++)
            {
                for (var i = 0; i <= j; i++)
                {
                    var c = Dot(v[i], w);
                    h[i, j] += c;
                    for (var k = 0; k < n; k++)
                    {
                        w[k] -= c * v[i][k];
                    }
                }
            }

            var norm = Norm(w);
            h[j + 1, j] = norm;
            if (norm < 1e-12)
            {
                steps = j + 1; // invariant subspace: the Ritz values are exact eigenvalues
                break;
            }

            Scale(w, 1 / norm);
            v.Add(w);
        }

        var hm = Matrix<double>.Build.Dense(steps, steps, (i, j) => h[i, j]);
        return hm.Evd().EigenValues.Max(c => c.Magnitude);
    }

    private static double Dot(double[] x, double[] y) => System.Numerics.Tensors.TensorPrimitives.Dot<double>(x, y);

    private static double Norm(double[] x) => Math.Sqrt(Dot(x, x));

    private static void Scale(double[] x, double s) => System.Numerics.Tensors.TensorPrimitives.Multiply(x, s, x);
}
