using Neuromorph.Compute;

namespace Neuromorph.Dynamics;

/// <summary>
/// CTD right-hand side for a dense Ω on an accelerator, batched over starts. Because Ω S lies in the range of the
/// projector Ω, the solution of (I + ξ Ω X) y = Ω S also does, and it solves the symmetric positive definite system
/// (I + ξ Ω X Ω) y = Ω S (X = diag(x) ≥ 0; condition number at most 1 + ξ max x). The device's batched conjugate
/// gradient solves it (two Ω products per iteration), warm-started from the previous call's y; then
/// dx/dt = α x − y/β (convention A after the sign folding of <see cref="CtdParameters"/>). Lyapunov, Ω products and
/// Ω S come from the host system.
/// </summary>
public sealed class DeviceDenseCtd : ICtdSystem, IDisposable
{
    private readonly DenseCtd _host;
    private readonly IAccelerator _acc;
    private readonly DeviceWeights _omega;
    private readonly double[] _omegaS;
    private readonly double _alpha, _beta;
    private MetricOperator? _metric;
    private BatchedConjugateGradient? _cg;
    private RealBuffer? _y, _b, _dx;
    private int _batch;

    /// <summary>Puts <paramref name="system"/>'s Ω on <paramref name="accelerator"/>.</summary>
    public DeviceDenseCtd(DenseCtd system, IAccelerator accelerator)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(accelerator);
        if (!system.IsProjector)
        {
            throw new ArgumentException("the accelerated CTD rate needs Ω to be a symmetric projector");
        }

        _host = system;
        _acc = accelerator;
        Size = system.Size;
        _omega = new DeviceWeights(accelerator, system.OmegaRowMajor(), Size, Size);
        _omegaS = [.. system.OmegaS];
        _alpha = system.Parameters.AlphaA;
        _beta = system.Parameters.Beta;
        Tolerance = accelerator.Precision == Precision.Double ? 1e-12 : 1e-6;
    }

    /// <inheritdoc />
    public int Size { get; }

    /// <inheritdoc />
    public IReadOnlyList<double> OmegaS => _omegaS;

    /// <summary>The accelerator the rates run on.</summary>
    public IAccelerator Accelerator => _acc;

    /// <summary>Relative residual at which the inner CG stops (1e-12 in double, 1e-6 in single precision).</summary>
    public double Tolerance { get; init; }

    /// <summary>Total inner CG iterations so far (for reports and benchmarks).</summary>
    public long InnerIterations { get; private set; }

    /// <inheritdoc />
    public void Rate(ReadOnlySpan<double> x, Span<double> dxdt) => RateBatch(x, dxdt, 1);

    /// <summary>dx/dt for <paramref name="count"/> states stored back to back.</summary>
    public void RateBatch(ReadOnlySpan<double> x, Span<double> dxdt, int count)
    {
        var total = Size * count;
        if (count != _batch)
        {
            Allocate(count);
        }

        _acc.Write(_metric!.X, x[..total]);
        _cg!.Solve(_metric, _b!, _y!);
        InnerIterations += _cg.LastIterations;
        _acc.KernelSet<CtdKernels>().CtdRate(_metric.X, _y!, _dx!, _alpha, _beta, total);
        _acc.Read(_dx!, dxdt[..total]);
    }

    /// <inheritdoc />
    public double Lyapunov(ReadOnlySpan<double> x) => _host.Lyapunov(x);

    /// <inheritdoc />
    public double[] ApplyOmega(ReadOnlySpan<double> v) => _host.ApplyOmega(v);

    /// <inheritdoc />
    public void Dispose()
    {
        _omega.Dispose();
        Release();
    }

    private void Allocate(int count)
    {
        Release();
        var total = Size * count;
        _metric = new MetricOperator(_acc, _omega, _host.Parameters.Xi, total);
        _cg = new BatchedConjugateGradient(_acc, Size, count) { Tolerance = Tolerance, MaxIterations = (10 * Size) + 10 };
        _y = _acc.Allocate(total);
        _b = _acc.Allocate(total);
        _dx = _acc.Allocate(total);
        var b = new double[total];
        for (var k = 0; k < count; k++)
        {
            _omegaS.CopyTo(b, k * Size);
        }

        _acc.Write(_b, b);
        _acc.Write(_y, b); // y = Ω S is exact at x = 0: a good first guess
        _batch = count;
    }

    private void Release()
    {
        _metric?.Dispose();
        _cg?.Dispose();
        foreach (var b in new[] { _y, _b, _dx })
        {
            b?.Dispose();
        }

        _batch = 0;
    }

    /// <summary>The CTD metric operator q = p + ξ Ω (x ⊙ Ω p) of each start, with its states x on the device.</summary>
    private sealed class MetricOperator(IAccelerator acc, DeviceWeights omega, double xi, int total) : IBatchedOperator, IDisposable
    {
        private readonly RealBuffer _t = acc.Allocate(total);

        /// <summary>The states x of the batch.</summary>
        public RealBuffer X { get; } = acc.Allocate(total);

        public int Size => omega.Rows;

        public void Multiply(RealBuffer x, RealBuffer y, int count)
        {
            var n = Size * count;
            omega.Multiply(x, _t, count);
            acc.Kernels.Hadamard(_t, X, _t, n, n);
            omega.Multiply(_t, y, count);
            acc.Kernels.Axpby(x, y, y, 1, xi, n);
        }

        public void Dispose()
        {
            _t.Dispose();
            X.Dispose();
        }
    }
}
