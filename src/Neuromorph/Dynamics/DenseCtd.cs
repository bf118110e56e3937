using MathNet.Numerics.LinearAlgebra;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Dynamics;

/// <summary>
/// CTD dynamics for a user-given dense Ω (random-projector experiments): dx/dt = α x − (1/β)(I + ξΩX)^-1 Ω S, one dense
/// LU per evaluation. Circuits should use <see cref="GraphCtd"/>, which never forms Ω.
/// </summary>
public sealed class DenseCtd : ICtdSystem
{
    private readonly Matrix<double> _omega;
    private readonly Vector<double> _omegaS;
    private readonly CtdParameters _p;
    private readonly Matrix<double>? _q;

    /// <summary>Creates the system; <paramref name="omega"/> is M × M, <paramref name="sources"/> has M entries.</summary>
    public DenseCtd(double[,] omega, CtdParameters parameters, IReadOnlyList<double> sources)
    {
        ArgumentNullException.ThrowIfNull(omega);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(sources);
        _omega = Matrix<double>.Build.DenseOfArray(omega);
        _p = parameters;
        _omegaS = _omega * Vector<double>.Build.DenseOfEnumerable(sources.Select(s => s * parameters.SourceSign));
        var symmetric = (_omega - _omega.Transpose()).FrobeniusNorm() <= 1e-10 * Math.Max(1, _omega.FrobeniusNorm());
        if (symmetric && ((_omega * _omega) - _omega).FrobeniusNorm() <= 1e-9 * Math.Max(1, _omega.FrobeniusNorm()))
        {
            // Ω = Q Qᵀ with orthonormal Q (n × rank): Woodbury turns the n × n solve into a rank × rank one
            var evd = _omega.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric);
            var keep = Enumerable.Range(0, Size).Where(i => evd.EigenValues[i].Real > 0.5).ToArray();
            _q = Matrix<double>.Build.Dense(Size, keep.Length, (i, j) => evd.EigenVectors[i, keep[j]]);
        }
    }

    /// <inheritdoc />
    public int Size => _omega.RowCount;

    /// <summary>Whether Ω is a symmetric projector (what the Woodbury path and accelerators rely on).</summary>
    public bool IsProjector => _q is not null;

    /// <summary>The CTD parameters.</summary>
    public CtdParameters Parameters => _p;

    /// <summary>Ω as a row-major copy (for accelerators).</summary>
    public double[] OmegaRowMajor() => _omega.ToRowMajorArray();

    /// <inheritdoc />
    public IReadOnlyList<double> OmegaS => [.. _omegaS];

    /// <inheritdoc />
    public double[] ApplyOmega(ReadOnlySpan<double> v) => [.. _omega * Vector<double>.Build.DenseOfArray(v.ToArray())];

    /// <inheritdoc />
    public void Rate(ReadOnlySpan<double> x, Span<double> dxdt)
    {
        var n = Size;
        var xs = x.ToArray();
        Vector<double> y;
        if (_q is { } q)
        {
            // (I + ξ Q Qᵀ X)^-1 ΩS = ΩS − ξ Q (I_r + ξ Qᵀ X Q)^-1 Qᵀ X ΩS
            var r = q.ColumnCount;
            var xq = Matrix<double>.Build.Dense(n, r, (i, j) => xs[i] * q[i, j]);
            var k = (q.TransposeThisAndMultiply(xq) * _p.Xi) + Matrix<double>.Build.DenseIdentity(r);
            var u = q.TransposeThisAndMultiply(Vector<double>.Build.Dense(n, i => xs[i] * _omegaS[i]));
            y = _omegaS - (q * k.Solve(u) * _p.Xi);
        }
        else
        {
            var a = Matrix<double>.Build.Dense(n, n, (i, j) => (i == j ? 1 : 0) + (_p.Xi * _omega[i, j] * xs[j]));
            y = a.Solve(_omegaS);
        }

        for (var i = 0; i < n; i++)
        {
            dxdt[i] = (_p.AlphaA * xs[i]) - (y[i] / _p.Beta);
        }
    }

    /// <inheritdoc />
    public double Lyapunov(ReadOnlySpan<double> x)
    {
        var sq = Vector<double>.Build.Dense(x.Length);
        for (var i = 0; i < x.Length; i++)
        {
            sq[i] = x[i] * x[i];
        }

        return CtdLyapunov.Value(x, _p, [.. _omegaS], [.. _omega * sq]);
    }

    /// <summary>A random projector Ω = A^T (A A^T)^-1 A with A of shape rank × n, entries uniform(0, 1), seeded.</summary>
    public static double[,] RandomProjector(int n, int rank, int seed)
    {
        var rng = new RandomStream(seed);
        var a = Matrix<double>.Build.Dense(rank, n, (_, _) => rng.NextDouble());
        return (a.Transpose() * (a * a.Transpose()).Inverse() * a).ToArray();
    }
}

/// <summary>The CTD Lyapunov function (convention A form, with convention B's substituted α and S).</summary>
public static class CtdLyapunov
{
    /// <summary>L = −(α/3)Σx³ − (αξ/4)(x²)ᵀΩ(x²) + (1/2β)Σ x_i² (ΩS)_i, given ΩS and Ω(x²).</summary>
    public static double Value(ReadOnlySpan<double> x, CtdParameters p, IReadOnlyList<double> omegaS, IReadOnlyList<double> omegaX2)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(omegaS);
        ArgumentNullException.ThrowIfNull(omegaX2);
        double cubic = 0, quad = 0, linear = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var x2 = x[i] * x[i];
            cubic += x2 * x[i];
            quad += x2 * omegaX2[i];
            linear += x2 * omegaS[i];
        }

        var a = p.AlphaA;
        return (-(a / 3) * cubic) - (a * p.Xi / 4 * quad) + (linear / (2 * p.Beta));
    }
}
