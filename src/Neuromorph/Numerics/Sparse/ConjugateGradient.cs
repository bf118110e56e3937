using Neuromorph.Diagnostics;

namespace Neuromorph.Numerics.Sparse;

/// <summary>A preconditioner M ≈ A for the conjugate gradient method: symmetric positive definite, applied as z = M⁻¹ r.</summary>
public interface IPreconditioner
{
    /// <summary>Writes z = M⁻¹ r.</summary>
    void Apply(ReadOnlySpan<double> r, Span<double> z);
}

/// <summary>Jacobi (diagonal) preconditioner: M = diag(A).</summary>
public sealed class JacobiPreconditioner : IPreconditioner
{
    private readonly double[] _inverseDiagonal;

    /// <summary>Takes the diagonal of <paramref name="a"/> (every diagonal entry must be positive).</summary>
    public JacobiPreconditioner(CsrMatrix a)
    {
        ArgumentNullException.ThrowIfNull(a);
        _inverseDiagonal = new double[a.RowCount];
        for (var r = 0; r < a.RowCount; r++)
        {
            var d = a[r, r];
            if (!(d > 0))
            {
                throw new ArgumentException($"Jacobi preconditioning needs a positive diagonal (row {r}: {d})", nameof(a));
            }

            _inverseDiagonal[r] = 1 / d;
        }
    }

    /// <inheritdoc />
    public void Apply(ReadOnlySpan<double> r, Span<double> z)
    {
        for (var i = 0; i < _inverseDiagonal.Length; i++)
        {
            z[i] = r[i] * _inverseDiagonal[i];
        }
    }
}

/// <summary>
/// Preconditioned conjugate gradient for a symmetric positive definite <see cref="ILinearOperator"/>: a
/// <see cref="CsrMatrix"/> (both triangles stored) or a matrix-free operator. The project's one host-side CG.
/// <see cref="Solve"/> starts from the vector passed in, so a batch of related right-hand sides can warm-start each solve
/// from the previous solution; the start is first scaled by the factor that minimises the A-norm error along it, so a
/// poor guess never starts worse than zero. Stops when ‖b − A x‖₂ ≤ <see cref="Tolerance"/> ‖b‖₂ (checked on the true
/// residual), and throws <see cref="SimulationException"/> naming the iteration count and residual when
/// <see cref="MaxIterations"/> is reached first.
/// </summary>
public sealed class ConjugateGradient
{
    private readonly ILinearOperator _a;
    private readonly IPreconditioner _m;
    private readonly double[] _r;
    private readonly double[] _z;
    private readonly double[] _p;
    private readonly double[] _q;

    /// <summary>
    /// Creates a solver for <paramref name="a"/>; <paramref name="preconditioner"/> defaults to Jacobi for a stored
    /// matrix and to none (identity) for a matrix-free operator.
    /// </summary>
    public ConjugateGradient(ILinearOperator a, IPreconditioner? preconditioner = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a is CsrMatrix csr && csr.RowCount != csr.ColumnCount)
        {
            throw new ArgumentException("conjugate gradient needs a square matrix", nameof(a));
        }

        _a = a;
        _m = preconditioner ?? (a is CsrMatrix m ? new JacobiPreconditioner(m) : IdentityPreconditioner.Instance);
        var n = a.Size;
        _r = new double[n];
        _z = new double[n];
        _p = new double[n];
        _q = new double[n];
    }

    /// <summary>Relative residual ‖b − A x‖₂ / ‖b‖₂ at which a solve stops (default 1e-10).</summary>
    public double Tolerance { get; init; } = 1e-10;

    /// <summary>Iteration cap (default 10 000); reaching it throws <see cref="SimulationException"/>.</summary>
    public int MaxIterations { get; init; } = 10_000;

    /// <summary>Iterations of the last <see cref="Solve"/>.</summary>
    public int LastIterations { get; private set; }

    /// <summary>Relative residual of the last <see cref="Solve"/>.</summary>
    public double LastResidual { get; private set; }

    /// <summary>Dimension.</summary>
    public int Size => _a.Size;

    /// <summary>Solves A x = b; <paramref name="x"/> holds the initial guess on entry (zeros for a cold start) and the solution on exit. Returns the iteration count.</summary>
    /// <exception cref="SimulationException">The residual did not fall below the tolerance within <see cref="MaxIterations"/> iterations.</exception>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public int Solve(ReadOnlySpan<double> b, Span<double> x)
    {
        var n = _a.Size;
        if (b.Length != n || x.Length != n)
        {
            throw new ArgumentException($"conjugate gradient of size {n} given b of {b.Length} and x of {x.Length}");
        }

        var bNorm = Math.Sqrt(Dot(b, b));
        LastIterations = 0;
        if (bNorm == 0)
        {
            x.Clear();
            LastResidual = 0;
            return 0;
        }

        // warm start: x0 = α x with α = xᵀb / xᵀAx (the A-norm error along x is smallest there; α = 0 if x is zero)
        _a.Multiply(x, _q);
        var xAx = Dot(x, _q);
        var alpha0 = xAx > 0 ? Dot(x, b) / xAx : 0;
        for (var i = 0; i < n; i++)
        {
            x[i] *= alpha0;
            _r[i] = b[i] - (alpha0 * _q[i]);
        }

        var target = Tolerance * bNorm;
        var rNorm = Math.Sqrt(Dot(_r, _r));
        if (rNorm <= target)
        {
            LastResidual = rNorm / bNorm;
            return 0;
        }

        _m.Apply(_r, _z);
        _z.CopyTo(_p, 0);
        var rz = Dot(_r, _z);
        var k = 0;
        while (true)
        {
            if (k >= MaxIterations)
            {
                LastIterations = k;
                LastResidual = rNorm / bNorm;
                throw new SimulationException($"conjugate gradient did not converge: relative residual {LastResidual:G3} after {k} iterations (tolerance {Tolerance:G3})");
            }

            k++;
            _a.Multiply(_p, _q);
            var pq = Dot(_p, _q);
            if (!(pq > 0))
            {
                throw new SimulationException($"conjugate gradient broke down at iteration {k} (pᵀAp = {pq:G3}): the matrix is not positive definite; relative residual {rNorm / bNorm:G3}");
            }

            var step = rz / pq;
            for (var i = 0; i < n; i++)
            {
                x[i] += step * _p[i];
                _r[i] -= step * _q[i];
            }

            rNorm = Math.Sqrt(Dot(_r, _r));
            if (rNorm <= target)
            {
                // confirm on the true residual (the recurrence drifts from it in long runs)
                _a.Multiply(x, _q);
                for (var i = 0; i < n; i++)
                {
                    _r[i] = b[i] - _q[i];
                }

                rNorm = Math.Sqrt(Dot(_r, _r));
                if (rNorm <= target)
                {
                    break;
                }
            }

            _m.Apply(_r, _z);
            var rzNew = Dot(_r, _z);
            var beta = rzNew / rz;
            rz = rzNew;
            for (var i = 0; i < n; i++)
            {
                _p[i] = _z[i] + (beta * _p[i]);
            }
        }

        LastIterations = k;
        LastResidual = rNorm / bNorm;
        return k;
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b) => System.Numerics.Tensors.TensorPrimitives.Dot(a, b);
}
