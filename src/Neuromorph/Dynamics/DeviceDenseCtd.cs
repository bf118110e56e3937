using Neuromorph.Compute;
using Neuromorph.Diagnostics;
using Neuromorph.Networks;

namespace Neuromorph.Dynamics;

/// <summary>
/// CTD right-hand side for a dense Ω on an accelerator, batched over starts. Because Ω S lies in the range of the
/// projector Ω, the solution of (I + ξ Ω X) y = Ω S also does, and it solves the symmetric positive definite system
/// (I + ξ Ω X Ω) y = Ω S (X = diag(x) ≥ 0; condition number at most 1 + ξ max x). Batched conjugate gradient solves it
/// with two Ω products per iteration, warm-started from the previous call's y; then dx/dt = α x − y/β (convention A
/// after the sign folding of <see cref="CtdParameters"/>). Lyapunov, Ω products and Ω S come from the host system.
/// </summary>
public sealed class DeviceDenseCtd : ICtdSystem, IDisposable
{
    private readonly DenseCtd _host;
    private readonly IAccelerator _acc;
    private readonly DeviceWeights _omega;
    private readonly double[] _omegaS;
    private readonly double _xi, _alpha, _beta;
    private DeviceBuffer? _x, _y, _r, _p, _q, _t, _b, _coef, _dots, _dx;
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
        _xi = system.Parameters.Xi;
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
        var n = Size;
        var total = n * count;
        if (count != _batch)
        {
            Allocate(count);
        }

        _acc.Write(_x!, x[..total]);

        // r = b − A y (warm start from the previous y), p = r
        Apply(_y!, _q!, count);
        _acc.Launch(Kernels.Axpby, new LaunchGrid(total), _b!, _q!, _r!, 1.0, -1.0, total);
        _acc.Launch(Kernels.Axpby, new LaunchGrid(total), _r!, _r!, _p!, 1.0, 0.0, total);
        var rr = Dots(_r!, _r!, count);
        var bb = _omegaS.Sum(v => v * v);
        var target = Tolerance * Tolerance * Math.Max(bb, 1e-300);
        var coef = new double[count];
        for (var it = 0; it < 10 * n + 10 && rr.Any(v => v > target); it++)
        {
            Apply(_p!, _q!, count);
            var pq = Dots(_p!, _q!, count);
            for (var b = 0; b < count; b++)
            {
                coef[b] = rr[b] > target && pq[b] > 0 ? rr[b] / pq[b] : 0;
            }

            _acc.Write(_coef!, coef);
            _acc.Launch(Kernels.BatchedAxpy, new LaunchGrid(n, count), _p!, _y!, _coef!, 1.0, n, count);
            _acc.Launch(Kernels.BatchedAxpy, new LaunchGrid(n, count), _q!, _r!, _coef!, -1.0, n, count);
            var rrNew = Dots(_r!, _r!, count);
            for (var b = 0; b < count; b++)
            {
                coef[b] = rr[b] > 0 ? rrNew[b] / rr[b] : 0;
            }

            _acc.Write(_coef!, coef);
            _acc.Launch(Kernels.BatchedXpay, new LaunchGrid(n, count), _r!, _p!, _coef!, n, count);
            rr = rrNew;
            InnerIterations++;
        }

        if (rr.Any(v => v > target || double.IsNaN(v)))
        {
            throw new SimulationException($"CTD inner solve on {_acc.Device.Name} did not converge (residual {Math.Sqrt(rr.Max() / Math.Max(bb, 1e-300)):e2}); x may have left [0, 1] or the precision is too low");
        }

        _acc.Launch(Kernels.CtdRate, new LaunchGrid(total), _x!, _y!, _dx!, _alpha, _beta, total);
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

    /// <summary>q = p + ξ Ω (x ⊙ Ω p) for every batch item.</summary>
    private void Apply(DeviceBuffer p, DeviceBuffer q, int count)
    {
        var total = Size * count;
        _omega.Multiply(p, _t!, count);
        _acc.Launch(Kernels.Hadamard, new LaunchGrid(total), _t!, _x!, _t!, total, total);
        _omega.Multiply(_t!, q, count);
        _acc.Launch(Kernels.Axpby, new LaunchGrid(total), p, q, q, 1.0, _xi, total);
    }

    private double[] Dots(DeviceBuffer a, DeviceBuffer b, int count)
    {
        _acc.Launch(Kernels.BatchedDot, new LaunchGrid(256, count, 256, 1), a, b, _dots!, Size, count);
        var d = new double[count];
        _acc.Read(_dots!, d);
        return d;
    }

    private void Allocate(int count)
    {
        Release();
        var total = Size * count;
        _x = _acc.Allocate(total);
        _y = _acc.Allocate(total);
        _r = _acc.Allocate(total);
        _p = _acc.Allocate(total);
        _q = _acc.Allocate(total);
        _t = _acc.Allocate(total);
        _dx = _acc.Allocate(total);
        _b = _acc.Allocate(total);
        _coef = _acc.Allocate(count);
        _dots = _acc.Allocate(count);
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
        foreach (var b in new[] { _x, _y, _r, _p, _q, _t, _dx, _b, _coef, _dots })
        {
            b?.Dispose();
        }

        _batch = 0;
    }
}
