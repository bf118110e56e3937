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
    private double[]? _shifted;

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
    public void Rate(ReadOnlySpan<double> x, Span<double> dxdt) => Rate(x, dxdt, _p.AlphaA, 0);

    /// <summary>
    /// The rate with time-dependent controls (convention A): dx/dt = α x − (1/β)(I + ξΩX)⁻¹(ΩS + 2β μ 1). The decay
    /// <paramref name="alpha"/> replaces α (both the −(α/3)Σx³ and the −(αξ/4)(x²)ᵀΩ(x²) terms of L scale with it) and
    /// <paramref name="bias"/> μ adds μ Σ x_i² to L (a source offset: +μ per device in the binary limit).
    /// </summary>
    public void Rate(ReadOnlySpan<double> x, Span<double> dxdt, double alpha, double bias)
    {
        for (var i = 0; i < Size; i++)
        {
            _d[i] = Math.Sqrt(Math.Max(x[i], 0));
        }

        var rhs = _omegaS;
        if (bias != 0)
        {
            _shifted ??= new double[Size];
            for (var i = 0; i < Size; i++)
            {
                _shifted[i] = _omegaS[i] + (2 * _p.Beta * bias);
            }

            rhs = _shifted;
        }

        // (I + ξΩX) y = ΩS (+ 2βμ) from the previous evaluation's u
        Iterations += _solve.Solve(_product, _p.Xi, _d, rhs, _u, _y);
        for (var i = 0; i < Size; i++)
        {
            dxdt[i] = (alpha * x[i]) - (_y[i] / _p.Beta);
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
