using Neuromorph.Numerics.Ode;

namespace Neuromorph.Compute;

/// <summary>
/// The kernels every accelerator runs, as typed methods: a wrong argument is a compile error, not a launch failure.
/// Each public method checks its buffers (owner, liveness, length) and sizes, then calls the backend's
/// <c>...Internal</c>. Vectors of a batch are stored back to back; matrices are row-major. Noise comes from Philox
/// counters, so results do not depend on the launch shape or the backend.
/// </summary>
public abstract class DeviceKernels
{
    /// <summary>Binds the kernels to the accelerator whose buffers they take.</summary>
    protected DeviceKernels(IAccelerator accelerator) => Accelerator = accelerator ?? throw new ArgumentNullException(nameof(accelerator));

    /// <summary>The accelerator these kernels run on.</summary>
    public IAccelerator Accelerator { get; }

    /// <summary>
    /// Y[b, i] = ADC(Σ_j W~[i, j] X[b, j]) for b &lt; Count (see <see cref="ReadConditions"/> for W~ and the ADC):
    /// the kernel for small batches (one work-group per output row).
    /// </summary>
    public void MatVec(RealBuffer weights, RealBuffer x, RealBuffer y, ProductShape shape, ReadConditions read)
    {
        CheckProduct(weights, x, y, shape, transposed: false);
        MatVecInternal(weights, x, y, shape, read);
    }

    /// <summary>The contract of <see cref="MatVec"/>, register-blocked for large batches (64 × 64 outputs per 16 × 16 group).</summary>
    public void MatMat(RealBuffer weights, RealBuffer x, RealBuffer y, ProductShape shape, ReadConditions read)
    {
        CheckProduct(weights, x, y, shape, transposed: false);
        MatMatInternal(weights, x, y, shape, read);
    }

    /// <summary>Y[b, j] = ADC(Σ_i W~[i, j] X[b, i]): the transposed product with the same noise counters and ADC (BAM backward pass).</summary>
    public void MatVecTransposed(RealBuffer weights, RealBuffer x, RealBuffer y, ProductShape shape, ReadConditions read)
    {
        CheckProduct(weights, x, y, shape, transposed: true);
        MatVecTransposedInternal(weights, x, y, shape, read);
    }

    /// <summary>result[b] = Σ_k A[b, k] B[b, k] for b &lt; <paramref name="count"/>.</summary>
    public void BatchedDot(RealBuffer a, RealBuffer b, RealBuffer result, int length, int count)
    {
        CheckSizes(length, count);
        Check(a, (long)length * count, nameof(a));
        Check(b, (long)length * count, nameof(b));
        Check(result, count, nameof(result));
        BatchedDotInternal(a, b, result, length, count);
    }

    /// <summary>Y[b, k] += <paramref name="sign"/> · coefficients[b] · X[b, k].</summary>
    public void BatchedAxpy(RealBuffer x, RealBuffer y, RealBuffer coefficients, double sign, int length, int count)
    {
        CheckSizes(length, count);
        Check(x, (long)length * count, nameof(x));
        Check(y, (long)length * count, nameof(y));
        Check(coefficients, count, nameof(coefficients));
        BatchedAxpyInternal(x, y, coefficients, sign, length, count);
    }

    /// <summary>Y[b, k] = X[b, k] + coefficients[b] · Y[b, k].</summary>
    public void BatchedXpay(RealBuffer x, RealBuffer y, RealBuffer coefficients, int length, int count)
    {
        CheckSizes(length, count);
        Check(x, (long)length * count, nameof(x));
        Check(y, (long)length * count, nameof(y));
        Check(coefficients, count, nameof(coefficients));
        BatchedXpayInternal(x, y, coefficients, length, count);
    }

    /// <summary>Z = <paramref name="alpha"/> X + <paramref name="beta"/> Y over <paramref name="length"/> elements (Z may be X or Y).</summary>
    public void Axpby(RealBuffer x, RealBuffer y, RealBuffer z, double alpha, double beta, int length)
    {
        CheckSizes(length, 1);
        Check(x, length, nameof(x));
        Check(y, length, nameof(y));
        Check(z, length, nameof(z));
        AxpbyInternal(x, y, z, alpha, beta, length);
    }

    /// <summary>C[k] = A[k] B[k mod <paramref name="period"/>] (period = length: elementwise; shorter: B repeats per batch item).</summary>
    public void Hadamard(RealBuffer a, RealBuffer b, RealBuffer c, int length, int period)
    {
        CheckSizes(length, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Check(a, length, nameof(a));
        Check(b, Math.Min(period, length), nameof(b));
        Check(c, length, nameof(c));
        HadamardInternal(a, b, c, length, period);
    }

    /// <summary>The memristive network rate dX = <paramref name="alpha"/> X − Y / <paramref name="beta"/> (Caravelli–Traversa–Di Ventra, convention A).</summary>
    public void CtdRate(RealBuffer x, RealBuffer y, RealBuffer dx, double alpha, double beta, int length)
    {
        CheckSizes(length, 1);
        Check(x, length, nameof(x));
        Check(y, length, nameof(y));
        Check(dx, length, nameof(dx));
        CtdRateInternal(x, y, dx, alpha, beta, length);
    }

    /// <summary>
    /// One in-order asynchronous sweep of a binary Hopfield network per batch item (restart): for i = 0..n−1,
    /// s_i ← sign(Σ_j W[i, j] s_j + bias_i + σ ξ), a zero field keeps the state (<see cref="FieldNoise"/> for ξ).
    /// </summary>
    public void HopfieldSweep(RealBuffer weights, RealBuffer bias, RealBuffer spins, int size, int count, FieldNoise noise)
    {
        CheckSizes(size, count);
        Check(weights, (long)size * size, nameof(weights));
        Check(bias, size, nameof(bias));
        Check(spins, (long)size * count, nameof(spins));
        HopfieldSweepInternal(weights, bias, spins, size, count, noise);
    }

    /// <summary>
    /// Integrates every lane over <paramref name="grid"/> (<see cref="LaneTransient"/>, always in double precision) and
    /// writes the probes' values lane by lane into <paramref name="results"/> (lanes × probes.Count).
    /// </summary>
    public void IntegrateLanes<TLane>(ReadOnlySpan<TLane> lanes, TransientGrid grid, ProbeBank probes, Span<double> results)
        where TLane : unmanaged, IScalarLane
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(grid.Steps, 1);
        if (!(grid.Stop > 0) || double.IsInfinity(grid.Stop))
        {
            throw new ArgumentOutOfRangeException(nameof(grid), $"transient stop time must be positive and finite, got {grid.Stop}");
        }

        if (probes.Count is < 1 or > ProbeBank.Capacity)
        {
            throw new ArgumentOutOfRangeException(nameof(probes), $"a probe bank holds 1 to {ProbeBank.Capacity} probes, got {probes.Count}");
        }

        if (results.Length < (long)lanes.Length * probes.Count)
        {
            throw new ArgumentException($"{lanes.Length} lanes × {probes.Count} probes need {(long)lanes.Length * probes.Count} results, got {results.Length}", nameof(results));
        }

        if (!Accelerator.Device.DoublePrecision)
        {
            throw new AcceleratorException($"{Accelerator.Device.Name} has no double precision, which batched transients need");
        }

        if (lanes.Length > 0)
        {
            IntegrateLanesInternal(lanes, grid, probes, results);
        }
    }

    /// <summary>Backend part of <see cref="MatVec"/>.</summary>
    protected abstract void MatVecInternal(RealBuffer weights, RealBuffer x, RealBuffer y, ProductShape shape, ReadConditions read);

    /// <summary>Backend part of <see cref="MatMat"/>.</summary>
    protected abstract void MatMatInternal(RealBuffer weights, RealBuffer x, RealBuffer y, ProductShape shape, ReadConditions read);

    /// <summary>Backend part of <see cref="MatVecTransposed"/>.</summary>
    protected abstract void MatVecTransposedInternal(RealBuffer weights, RealBuffer x, RealBuffer y, ProductShape shape, ReadConditions read);

    /// <summary>Backend part of <see cref="BatchedDot"/>.</summary>
    protected abstract void BatchedDotInternal(RealBuffer a, RealBuffer b, RealBuffer result, int length, int count);

    /// <summary>Backend part of <see cref="BatchedAxpy"/>.</summary>
    protected abstract void BatchedAxpyInternal(RealBuffer x, RealBuffer y, RealBuffer coefficients, double sign, int length, int count);

    /// <summary>Backend part of <see cref="BatchedXpay"/>.</summary>
    protected abstract void BatchedXpayInternal(RealBuffer x, RealBuffer y, RealBuffer coefficients, int length, int count);

    /// <summary>Backend part of <see cref="Axpby"/>.</summary>
    protected abstract void AxpbyInternal(RealBuffer x, RealBuffer y, RealBuffer z, double alpha, double beta, int length);

    /// <summary>Backend part of <see cref="Hadamard"/>.</summary>
    protected abstract void HadamardInternal(RealBuffer a, RealBuffer b, RealBuffer c, int length, int period);

    /// <summary>Backend part of <see cref="CtdRate"/>.</summary>
    protected abstract void CtdRateInternal(RealBuffer x, RealBuffer y, RealBuffer dx, double alpha, double beta, int length);

    /// <summary>Backend part of <see cref="HopfieldSweep"/>.</summary>
    protected abstract void HopfieldSweepInternal(RealBuffer weights, RealBuffer bias, RealBuffer spins, int size, int count, FieldNoise noise);

    /// <summary>Backend part of <see cref="IntegrateLanes"/> (at least one lane).</summary>
    protected abstract void IntegrateLanesInternal<TLane>(ReadOnlySpan<TLane> lanes, TransientGrid grid, ProbeBank probes, Span<double> results)
        where TLane : unmanaged, IScalarLane;

    private void CheckProduct(RealBuffer weights, RealBuffer x, RealBuffer y, ProductShape shape, bool transposed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shape.Rows, 1, nameof(shape));
        ArgumentOutOfRangeException.ThrowIfLessThan(shape.Columns, 1, nameof(shape));
        ArgumentOutOfRangeException.ThrowIfLessThan(shape.Count, 1, nameof(shape));
        Check(weights, (long)shape.Rows * shape.Columns, nameof(weights));
        Check(x, (long)(transposed ? shape.Rows : shape.Columns) * shape.Count, nameof(x));
        Check(y, (long)(transposed ? shape.Columns : shape.Rows) * shape.Count, nameof(y));
        if (ReferenceEquals(x, y))
        {
            throw new ArgumentException("a product cannot write its input (x and y are the same buffer)");
        }
    }

    private static void CheckSizes(int length, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
    }

    private void Check(RealBuffer buffer, long needed, string name)
    {
        ArgumentNullException.ThrowIfNull(buffer, name);
        buffer.CheckUse(Accelerator, needed, name);
    }
}
