using Neuromorph.Diagnostics;
using Neuromorph.Numerics.Dense;

namespace Neuromorph.Networks.Reservoirs;

/// <summary>
/// Closed-form ridge regression, W = Yᵀ X (Xᵀ X + λ I)⁻¹ (Jaeger's W_out = Y Xᵀ (X Xᵀ + λI)⁻¹ with samples as rows):
/// the Gram matrix by GEMM, the solve by a dense Cholesky factorisation.
/// </summary>
public static class RidgeRegression
{
    /// <summary>
    /// Xᵀ X (features × features) for samples × features X: only blocks on and above the diagonal are multiplied
    /// (one GEMM per block pair, about half the work of the full product), the rest mirrored.
    /// </summary>
    public static double[] Gram(ReadOnlySpan<double> x, int samples, int features, IGemm gemm)
    {
        ArgumentNullException.ThrowIfNull(gemm);
        var gram = new double[features * features];
        const int block = 192;
        for (var i0 = 0; i0 < features; i0 += block)
        {
            var bi = Math.Min(block, features - i0);
            for (var j0 = i0; j0 < features; j0 += block)
            {
                var bj = Math.Min(block, features - j0);
                gemm.Multiply(true, false, bi, bj, samples, 1, x[i0..], features, x[j0..], features, 0, gram.AsSpan((i0 * features) + j0), features);
            }
        }

        for (var i = 0; i < features; i++)
        {
            for (var j = 0; j < i; j++)
            {
                gram[(i * features) + j] = gram[(j * features) + i];
            }
        }

        return gram;
    }

    /// <summary>
    /// Weights W (outputs × features, row-major) minimising Σ_t |W x_t − y_t|² + λ |W|² over <paramref name="samples"/>
    /// rows of <paramref name="x"/> (samples × features) and <paramref name="y"/> (samples × outputs).
    /// </summary>
    public static double[] Fit(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int samples, int features, int outputs, double lambda, IGemm? gemm = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lambda);
        gemm ??= CpuGemm.Shared;
        var gram = Gram(x, samples, features, gemm);
        for (var i = 0; i < features; i++)
        {
            gram[(i * features) + i] += lambda;
        }

        var w = new double[outputs * features]; // Yᵀ X, then solved row by row: W = Yᵀ X (Xᵀ X + λI)⁻¹
        gemm.Multiply(true, false, outputs, features, samples, 1, y, outputs, x, features, 0, w, features);
        DenseCholesky factor;
        try
        {
            factor = new DenseCholesky(gram, features);
        }
        catch (SimulationException ex)
        {
            throw new SimulationException($"ridge regression: Xᵀ X + λ I is not positive definite at λ = {lambda} ({ex.Message}); increase the ridge parameter");
        }

        for (var o = 0; o < outputs; o++)
        {
            factor.Solve(w.AsSpan(o * features, features));
        }

        return w;
    }
}
