namespace Neuromorph.Compute;

/// <summary>
/// A batch of symmetric positive definite n × n operators on an accelerator, one per batch item, given only through
/// their products (a dense matrix, or a matrix-free operator such as the CTD metric I + ξ Ω X Ω with a different X per
/// item): what <see cref="BatchedConjugateGradient"/> iterates on. The device counterpart of Numerics.Sparse.ILinearOperator.
/// </summary>
public interface IBatchedOperator
{
    /// <summary>Dimension n.</summary>
    int Size { get; }

    /// <summary>y_b = A_b x_b for the first <paramref name="count"/> items (vectors stored back to back).</summary>
    void Multiply(RealBuffer x, RealBuffer y, int count);
}
