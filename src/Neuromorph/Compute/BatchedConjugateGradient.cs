using Neuromorph.Diagnostics;

namespace Neuromorph.Compute;

/// <summary>
/// Conjugate gradient for a batch of independent symmetric positive definite systems A_b x_b = b_b on an accelerator:
/// the device's one CG (the host's is Numerics.Sparse.ConjugateGradient, whose rules it follows). Every item starts from
/// the x passed in, scaled by α₀ = xᵀb / xᵀAx (a poor guess never starts worse than zero), stops when
/// ‖b − A x‖ ≤ <see cref="Tolerance"/> ‖b‖ confirmed on the true residual, and stays frozen while the others go on.
/// Vector updates run on the device; per iteration only the batch's dot products (2 × count numbers) cross to the host.
/// </summary>
public sealed class BatchedConjugateGradient : IDisposable
{
    private readonly IAccelerator _acc;
    private readonly LinearKernels _k;
    private readonly int _n, _count;
    private readonly RealBuffer _r, _p, _q, _t, _coef, _dots;
    private readonly double[] _c, _d;

    /// <summary>Scratch space for <paramref name="count"/> systems of size <paramref name="size"/>.</summary>
    public BatchedConjugateGradient(IAccelerator accelerator, int size, int count)
    {
        ArgumentNullException.ThrowIfNull(accelerator);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        _acc = accelerator;
        _k = accelerator.Kernels;
        _n = size;
        _count = count;
        var total = size * count;
        _r = accelerator.Allocate(total);
        _p = accelerator.Allocate(total);
        _q = accelerator.Allocate(total);
        _t = accelerator.Allocate(total);
        _coef = accelerator.Allocate(count);
        _dots = accelerator.Allocate(count);
        _c = new double[count];
        _d = new double[count];
    }

    /// <summary>Relative residual at which an item stops (default 1e-10; single precision reaches about 1e-6).</summary>
    public double Tolerance { get; init; } = 1e-10;

    /// <summary>Iteration cap (default 10 000); reaching it throws <see cref="SimulationException"/>.</summary>
    public int MaxIterations { get; init; } = 10_000;

    /// <summary>Iterations of the last <see cref="Solve"/> (the slowest item's).</summary>
    public int LastIterations { get; private set; }

    /// <summary>Largest relative residual over the items after the last <see cref="Solve"/>.</summary>
    public double LastResidual { get; private set; }

    /// <summary>Solves A_b x_b = b_b for every item; <paramref name="x"/> holds the start on entry and the solutions on exit.</summary>
    /// <exception cref="SimulationException">An item broke down (pᵀAp ≤ 0) or did not converge within <see cref="MaxIterations"/>.</exception>
    public void Solve(IBatchedOperator a, RealBuffer b, RealBuffer x)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Size != _n)
        {
            throw new ArgumentException($"operator of size {a.Size} given to a CG of size {_n}", nameof(a));
        }

        var total = _n * _count;
        var bNorm = Dots(b, b).Select(Math.Sqrt).ToArray();
        var target = bNorm.Select(v => Tolerance * v).ToArray();

        // warm start: x = α₀ x, r = b − α₀ A x
        a.Multiply(x, _q, _count);
        var xAx = Dots(x, _q);
        var xb = Dots(x, b);
        for (var i = 0; i < _count; i++)
        {
            _c[i] = xAx[i] > 0 && bNorm[i] > 0 ? xb[i] / xAx[i] : 0;
        }

        _acc.Write(_coef, _c);
        _k.Axpby(b, b, _r, 1, 0, total);
        _k.BatchedAxpy(_q, _r, _coef, -1, _n, _count);
        for (var i = 0; i < _count; i++)
        {
            _c[i] -= 1;
        }

        _acc.Write(_coef, _c);
        _k.BatchedAxpy(x, x, _coef, 1, _n, _count);

        var rr = Dots(_r, _r);
        var active = new bool[_count];
        for (var i = 0; i < _count; i++)
        {
            active[i] = Math.Sqrt(rr[i]) > target[i];
        }

        _k.Axpby(_r, _r, _p, 1, 0, total);
        var k = 0;
        while (active.Any(v => v))
        {
            if (k >= MaxIterations)
            {
                Finish(k, rr, bNorm);
                throw new SimulationException($"batched conjugate gradient did not converge: relative residual {LastResidual:G3} after {k} iterations (tolerance {Tolerance:G3}); the operator may not be positive definite, or {_acc.Precision} precision is too coarse for this tolerance");
            }

            k++;
            a.Multiply(_p, _q, _count);
            var pq = Dots(_p, _q);
            for (var i = 0; i < _count; i++)
            {
                if (active[i] && !(pq[i] > 0))
                {
                    throw new SimulationException($"batched conjugate gradient broke down at iteration {k} in item {i} (pᵀAp = {pq[i]:G3}): the operator is not positive definite");
                }

                _c[i] = active[i] ? rr[i] / pq[i] : 0;
            }

            _acc.Write(_coef, _c);
            _k.BatchedAxpy(_p, x, _coef, 1, _n, _count);
            _k.BatchedAxpy(_q, _r, _coef, -1, _n, _count);
            var rrNew = Dots(_r, _r);
            if (Enumerable.Range(0, _count).Any(i => active[i] && Math.Sqrt(rrNew[i]) <= target[i]))
            {
                ConfirmOnTrueResidual(a, b, x, active, rrNew, target);
            }

            for (var i = 0; i < _count; i++)
            {
                _c[i] = active[i] && rr[i] > 0 ? rrNew[i] / rr[i] : 0;
            }

            _acc.Write(_coef, _c);
            _k.BatchedXpay(_r, _p, _coef, _n, _count);
            rr = rrNew;
        }

        Finish(k, rr, bNorm);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var buffer in new[] { _r, _p, _q, _t, _coef, _dots })
        {
            buffer.Dispose();
        }
    }

    /// <summary>
    /// Items whose recurrence residual reached the target are checked on b − A x: those that hold are frozen, the others
    /// continue from the true residual (the recurrence drifts from it in long runs).
    /// </summary>
    private void ConfirmOnTrueResidual(IBatchedOperator a, RealBuffer b, RealBuffer x, bool[] active, double[] rr, double[] target)
    {
        a.Multiply(x, _t, _count);
        _k.Axpby(b, _t, _t, 1, -1, _n * _count);
        var trueRr = Dots(_t, _t);
        for (var i = 0; i < _count; i++)
        {
            var claims = active[i] && Math.Sqrt(rr[i]) <= target[i];
            _c[i] = claims && Math.Sqrt(trueRr[i]) > target[i] ? 1 : 0;
            if (claims)
            {
                active[i] = Math.Sqrt(trueRr[i]) > target[i];
                rr[i] = trueRr[i];
            }
        }

        if (_c.Any(v => v != 0))
        {
            // r += c (t − r): items still active restart the recurrence from the true residual
            _k.Axpby(_t, _r, _t, 1, -1, _n * _count);
            _acc.Write(_coef, _c);
            _k.BatchedAxpy(_t, _r, _coef, 1, _n, _count);
        }
    }

    private void Finish(int iterations, double[] rr, double[] bNorm)
    {
        LastIterations = iterations;
        LastResidual = Enumerable.Range(0, _count).Max(i => bNorm[i] > 0 ? Math.Sqrt(rr[i]) / bNorm[i] : 0);
    }

    private double[] Dots(RealBuffer a, RealBuffer b)
    {
        _k.BatchedDot(a, b, _dots, _n, _count);
        _acc.Read(_dots, _d);
        return (double[])_d.Clone();
    }
}
