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
    private readonly double[] _b;
    private readonly double[] _r;
    private readonly double[] _dir;
    private readonly double[] _q;
    private readonly double[] _t;

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
        _b = new double[n];
        _r = new double[n];
        _dir = new double[n];
        _q = new double[n];
        _t = new double[n];
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
        var n = Size;
        for (var i = 0; i < n; i++)
        {
            _d[i] = Math.Sqrt(Math.Max(x[i], 0));
            _b[i] = _d[i] * _omegaS[i];
        }

        // (I + ξ D Ω D) u = D ΩS from the previous u
        Apply(_u, _q);
        for (var i = 0; i < n; i++)
        {
            _r[i] = _b[i] - _q[i];
            _dir[i] = _r[i];
        }

        var bb = Dot(_b, _b);
        var rr = Dot(_r, _r);
        var stop = Tolerance * Tolerance * Math.Max(bb, double.Epsilon);
        for (var it = 0; it < 10 * n && rr > stop; it++)
        {
            Apply(_dir, _q);
            var step = rr / Dot(_dir, _q);
            for (var i = 0; i < n; i++)
            {
                _u[i] += step * _dir[i];
                _r[i] -= step * _q[i];
            }

            var rrNew = Dot(_r, _r);
            var beta = rrNew / rr;
            rr = rrNew;
            for (var i = 0; i < n; i++)
            {
                _dir[i] = _r[i] + (beta * _dir[i]);
            }

            Iterations++;
        }

        // y = ΩS − ξ Ω D u
        for (var i = 0; i < n; i++)
        {
            _t[i] = _d[i] * _u[i];
        }

        _omega.Multiply(_t, _q);
        for (var i = 0; i < n; i++)
        {
            var y = _omegaS[i] - (_p.Xi * _q[i]);
            dxdt[i] = (_p.AlphaA * x[i]) - (y / _p.Beta);
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

    // y = v + ξ D Ω D v
    private void Apply(double[] v, double[] y)
    {
        for (var i = 0; i < v.Length; i++)
        {
            _t[i] = _d[i] * v[i];
        }

        _omega.Multiply(_t, y);
        for (var i = 0; i < v.Length; i++)
        {
            y[i] = v[i] + (_p.Xi * _d[i] * y[i]);
        }
    }

    private static double Dot(double[] a, double[] b) => System.Numerics.Tensors.TensorPrimitives.Dot(a, b);
}
