using MathNet.Numerics.LinearAlgebra;
using Neuromorph.Diagnostics;
using Neuromorph.Numerics.Dense;

namespace Neuromorph.Networks.Reservoirs;

/// <summary>
/// Closed-form ridge regression, W = Yᵀ X (Xᵀ X + λ I)⁻¹ (Jaeger's W_out = Y Xᵀ (X Xᵀ + λI)⁻¹ with samples as rows):
/// the Gram matrix by GEMM, the solve by Cholesky (MathNet).
/// </summary>
public static class RidgeRegression
{
    /// <summary>
    /// Weights W (outputs × features, row-major) minimising Σ_t |W x_t − y_t|² + λ |W|² over <paramref name="samples"/>
    /// rows of <paramref name="x"/> (samples × features) and <paramref name="y"/> (samples × outputs).
    /// </summary>
    public static double[] Fit(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int samples, int features, int outputs, double lambda, IGemm? gemm = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lambda);
        gemm ??= CpuGemm.Shared;
        var gram = new double[features * features];
        gemm.Multiply(true, false, features, features, samples, 1, x, features, x, features, 0, gram, features);
        for (var i = 0; i < features; i++)
        {
            gram[(i * features) + i] += lambda;
        }

        var xty = new double[outputs * features]; // (Yᵀ X), row-major outputs × features = column-major features × outputs
        gemm.Multiply(true, false, outputs, features, samples, 1, y, outputs, x, features, 0, xty, features);
        var a = Matrix<double>.Build.Dense(features, features, gram); // symmetric: row- and column-major agree
        var b = Matrix<double>.Build.Dense(features, outputs, xty);
        try
        {
            return a.Cholesky().Solve(b).ToColumnMajorArray();
        }
        catch (ArgumentException ex)
        {
            throw new SimulationException($"ridge regression: Xᵀ X + λ I is not positive definite at λ = {lambda} ({ex.Message}); increase the ridge parameter");
        }
    }
}
