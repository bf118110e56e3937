using Neuromorph.Numerics.Sparse;

namespace Neuromorph.Dynamics;

/// <summary>
/// CTD dynamics for a sparse symmetric positive definite Ω that is not a circuit's projector (the exact embedding of
/// an Ising or QUBO problem, <see cref="Optimization.CtdSolver"/>): each rate solves (I + ξΩX) y = ΩS by conjugate
/// gradients on the symmetric form (I + ξ D Ω D) u = D ΩS, D = X^½, then y = ΩS − ξ Ω D u, warm-started from the
/// previous evaluation's u. The Lyapunov relation (X + ξXΩX) dx/dt = −∇L holds for any symmetric Ω, and M = X + ξXΩX is
/// positive semidefinite when Ω is, so L descends. One instance per trajectory (the warm start is state).
/// </summary>
public sealed class SparseCtd : ICtdSystem
{
    private readonly CsrMatrix _omega;
    private readonly CtdParameters _p;
    private readonly double[] _omegaS;
    private readonly double[] _u;
    private readonly double[] _d;
    private readonly double[] _y;
    private readonly CtdMetricSolve _solve;
    private readonly Action<double[], double[]> _product;

    /// <summary>Creates the system; <paramref name="omega"/> must be symmetric positive definite (both triangles stored).</summary>
    public SparseCtd(CsrMatrix omega, CtdParameters parameters, IReadOnlyList<double> sources)
    {
        ArgumentNullException.ThrowIfNull(omega);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(sources);
        _omega = omega;
        _p = parameters;
        var n = omega.RowCount;
        _omegaS = new double[n];
        omega.Multiply([.. sources.Select(s => s * parameters.SourceSign)], _omegaS);
        _u = new double[n];
        _d = new double[n];
        _y = new double[n];
        _solve = new CtdMetricSolve(n, Tolerance);
        _product = (v, into) => omega.Multiply(v, into);
    }

    /// <summary>Relative residual of each rate's conjugate-gradient solve.</summary>
    public const double Tolerance = 1e-12;

    /// <inheritdoc />
    public int Size => _omega.RowCount;

    /// <summary>Conjugate-gradient iterations so far.</summary>
    public long Iterations { get; private set; }

    /// <inheritdoc />
    public IReadOnlyList<double> OmegaS => _omegaS;

    /// <inheritdoc />
    public double[] ApplyOmega(ReadOnlySpan<double> v)
    {
        var r = new double[v.Length];
        _omega.Multiply(v, r);
        return r;
    }

    /// <inheritdoc />
    public void Rate(ReadOnlySpan<double> x, Span<double> dxdt)
    {
        for (var i = 0; i < Size; i++)
        {
            _d[i] = Math.Sqrt(Math.Max(x[i], 0));
        }

        // (I + ξΩX) y = ΩS from the previous evaluation's u
        Iterations += _solve.Solve(_product, _p.Xi, _d, _omegaS, _u, _y);
        for (var i = 0; i < Size; i++)
        {
            dxdt[i] = (_p.AlphaA * x[i]) - (_y[i] / _p.Beta);
        }
    }

    /// <inheritdoc />
    public double Lyapunov(ReadOnlySpan<double> x)
    {
        var sq = new double[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            sq[i] = x[i] * x[i];
        }

        return CtdLyapunov.Value(x, _p, _omegaS, ApplyOmega(sq));
    }
}
