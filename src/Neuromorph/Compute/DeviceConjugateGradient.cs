using Neuromorph.Diagnostics;
using Neuromorph.Numerics.Sparse;

namespace Neuromorph.Compute;

/// <summary>
/// Jacobi-preconditioned conjugate gradient for a symmetric positive definite CSR matrix on an accelerator (the
/// grounded Laplacian of a memristor network, a crossbar's nodal matrix). The matrix is uploaded once; each solve
/// may start from the previous solution (warm start), which is what a sequence of nearby right-hand sides needs.
/// </summary>
public sealed class DeviceConjugateGradient : IDisposable
{
    private readonly IAccelerator _acc;
    private readonly int _n;
    private readonly DeviceBuffer _rowPtr, _col, _val, _invDiag, _x, _r, _z, _p, _q, _dot;

    /// <summary>Uploads <paramref name="a"/> (must be square, symmetric positive definite with a positive diagonal).</summary>
    public DeviceConjugateGradient(IAccelerator accelerator, CsrMatrix a)
    {
        ArgumentNullException.ThrowIfNull(accelerator);
        ArgumentNullException.ThrowIfNull(a);
        if (a.RowCount != a.ColumnCount)
        {
            throw new ArgumentException("conjugate gradient needs a square matrix");
        }

        _acc = accelerator;
        _n = a.RowCount;
        _rowPtr = accelerator.Allocate(_n + 1, ElementKind.Int32);
        _col = accelerator.Allocate(a.NonZeroCount, ElementKind.Int32);
        _val = accelerator.Allocate(a.NonZeroCount);
        accelerator.Write(_rowPtr, a.RowPointers);
        accelerator.Write(_col, a.ColumnIndices);
        accelerator.Write(_val, a.Values);
        var inv = new double[_n];
        for (var i = 0; i < _n; i++)
        {
            var d = a[i, i];
            inv[i] = d > 0 ? 1 / d : throw new ArgumentException($"diagonal entry {i} is {d}: the matrix is not positive definite");
        }

        _invDiag = accelerator.Allocate(_n);
        accelerator.Write(_invDiag, inv);
        _x = accelerator.Allocate(_n);
        accelerator.Write(_x, new double[_n]);
        _r = accelerator.Allocate(_n);
        _z = accelerator.Allocate(_n);
        _p = accelerator.Allocate(_n);
        _q = accelerator.Allocate(_n);
        _dot = accelerator.Allocate(1);
    }

    /// <summary>Relative residual ||b − A x|| / ||b|| at which a solve stops (default 1e-10; single precision reaches about 1e-6).</summary>
    public double Tolerance { get; init; } = 1e-10;

    /// <summary>Iteration cap (default 10 n).</summary>
    public int MaxIterations { get; init; }

    /// <summary>Iterations of the last solve.</summary>
    public int LastIterations { get; private set; }

    /// <summary>Relative residual reached by the last solve.</summary>
    public double LastResidual { get; private set; }

    /// <summary>
    /// Solves A x = b into <paramref name="x"/>, starting from the previous solution when <paramref name="warmStart"/>
    /// (zero otherwise). Throws <see cref="SimulationException"/> naming iterations and residual when it does not converge.
    /// </summary>
    public void Solve(ReadOnlySpan<double> b, Span<double> x, bool warmStart = true)
    {
        if (b.Length != _n || x.Length != _n)
        {
            throw new ArgumentException($"vectors must have length {_n}");
        }

        var bnorm = Math.Sqrt(b.ToArray().Sum(v => v * v));
        if (bnorm == 0)
        {
            x.Clear();
            _acc.Write(_x, new double[_n]);
            LastIterations = 0;
            LastResidual = 0;
            return;
        }

        if (!warmStart)
        {
            _acc.Write(_x, new double[_n]);
        }

        var grid = new LaunchGrid(_n);
        _acc.Write(_r, b);                                                              // r = b − A x
        _acc.Launch(Kernels.SpMVCsr, grid, _rowPtr, _col, _val, _x, _q, _n);
        _acc.Launch(Kernels.Axpby, grid, _r, _q, _r, 1.0, -1.0, _n);
        _acc.Launch(Kernels.Hadamard, grid, _r, _invDiag, _z, _n, _n);                   // z = M⁻¹ r
        _acc.Launch(Kernels.Axpby, grid, _z, _z, _p, 1.0, 0.0, _n);                      // p = z
        var rz = Dot(_r, _z);
        var cap = MaxIterations > 0 ? MaxIterations : 10 * _n;
        var target = Tolerance * bnorm;
        var it = 0;
        var rnorm = Math.Sqrt(Dot(_r, _r));
        while (rnorm > target && it < cap)
        {
            _acc.Launch(Kernels.SpMVCsr, grid, _rowPtr, _col, _val, _p, _q, _n);         // q = A p
            var alpha = rz / Dot(_p, _q);
            _acc.Launch(Kernels.Axpby, grid, _x, _p, _x, 1.0, alpha, _n);                // x += α p
            _acc.Launch(Kernels.Axpby, grid, _r, _q, _r, 1.0, -alpha, _n);               // r −= α q
            _acc.Launch(Kernels.Hadamard, grid, _r, _invDiag, _z, _n, _n);
            var rzNew = Dot(_r, _z);
            _acc.Launch(Kernels.Axpby, grid, _z, _p, _p, 1.0, rzNew / rz, _n);           // p = z + β p
            rz = rzNew;
            rnorm = Math.Sqrt(Dot(_r, _r));
            it++;
        }

        LastIterations = it;
        LastResidual = rnorm / bnorm;
        if (rnorm > target)
        {
            throw new SimulationException($"conjugate gradient did not converge: relative residual {LastResidual:e2} after {it} iterations (tolerance {Tolerance:e1}); the matrix may not be positive definite, or the precision ({_acc.Precision}) is too low for this tolerance");
        }

        _acc.Read(_x, x);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var b in new[] { _rowPtr, _col, _val, _invDiag, _x, _r, _z, _p, _q, _dot })
        {
            b.Dispose();
        }
    }

    private double Dot(DeviceBuffer a, DeviceBuffer b)
    {
        _acc.Launch(Kernels.BatchedDot, new LaunchGrid(256, 1, 256, 1), a, b, _dot, _n, 1);
        Span<double> v = stackalloc double[1];
        _acc.Read(_dot, v);
        return v[0];
    }
}
