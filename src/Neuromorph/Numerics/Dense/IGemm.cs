namespace Neuromorph.Numerics.Dense;

/// <summary>
/// General matrix–matrix product in BLAS form, C = alpha op(A) op(B) + beta C, on row-major matrices of doubles.
/// The one operation batched networks spend their time in; a CPU implementation (<see cref="CpuGemm"/>) always
/// exists, and an accelerator can serve the same contract.
/// </summary>
public interface IGemm
{
    /// <summary>
    /// C (m × n, row stride <paramref name="ldc"/>) = alpha op(A) op(B) + beta C, where op(A) is m × k and op(B) is
    /// k × n. A is stored m × k (or k × m when <paramref name="transposeA"/>) with row stride <paramref name="lda"/>;
    /// B is stored k × n (or n × k when <paramref name="transposeB"/>) with row stride <paramref name="ldb"/>.
    /// With beta = 0, C is not read (NaN in C does not propagate).
    /// </summary>
    void Multiply(bool transposeA, bool transposeB, int m, int n, int k, double alpha,
        ReadOnlySpan<double> a, int lda, ReadOnlySpan<double> b, int ldb, double beta, Span<double> c, int ldc);
}
