namespace Neuromorph.Numerics.Sparse;

/// <summary>
/// A square linear operator given only through its products y = A x: a stored sparse matrix, or a matrix-free operator
/// such as the CTD metric I + ξ D Ω D. What <see cref="ConjugateGradient"/> iterates on.
/// </summary>
public interface ILinearOperator
{
    /// <summary>Dimension n of the operator (n × n).</summary>
    int Size { get; }

    /// <summary>Writes y = A x.</summary>
    void Multiply(ReadOnlySpan<double> x, Span<double> y);
}

/// <summary>The identity preconditioner (plain, unpreconditioned conjugate gradients).</summary>
public sealed class IdentityPreconditioner : IPreconditioner
{
    /// <summary>The one instance.</summary>
    public static IdentityPreconditioner Instance { get; } = new();

    /// <inheritdoc />
    public void Apply(ReadOnlySpan<double> r, Span<double> z) => r.CopyTo(z);
}
