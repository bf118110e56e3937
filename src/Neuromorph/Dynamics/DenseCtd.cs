using MathNet.Numerics.LinearAlgebra;

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

    /// <summary>Creates the system; <paramref name="omega"/> is M × M, <paramref name="sources"/> has M entries.</summary>
    public DenseCtd(double[,] omega, CtdParameters parameters, IReadOnlyList<double> sources)
    {
        ArgumentNullException.ThrowIfNull(omega);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(sources);
        _omega = Matrix<double>.Build.DenseOfArray(omega);
        _p = parameters;
        _omegaS = _omega * Vector<double>.Build.DenseOfEnumerable(sources.Select(s => s * parameters.SourceSign));
    }

    /// <inheritdoc />
    public int Size => _omega.RowCount;

    /// <inheritdoc />
    public void Rate(ReadOnlySpan<double> x, Span<double> dxdt)
    {
        var n = Size;
        var xs = x.ToArray();
        var a = Matrix<double>.Build.Dense(n, n, (i, j) => (i == j ? 1 : 0) + (_p.Xi * _omega[i, j] * xs[j]));
        var y = a.Solve(_omegaS);
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
        var rng = new Random(seed);
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
