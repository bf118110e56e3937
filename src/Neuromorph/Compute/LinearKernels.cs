using Neuromorph.Compute.Cpu;

namespace Neuromorph.Compute;

/// <summary>
/// The linear-algebra kernels every accelerator runs (<see cref="IAccelerator.Kernels"/>): crossbar-read products and
/// the vector algebra of the batched CG, as typed methods (see <see cref="KernelSet"/>). Vectors of a batch are stored
/// back to back; matrices are row-major. Noise comes from Philox counters, so results do not depend on the launch
/// shape or the backend.
/// </summary>
public abstract class LinearKernels : KernelSet, IKernelSet<LinearKernels>
{
    /// <summary>Binds the kernels to the accelerator whose buffers they take.</summary>
    protected LinearKernels(IAccelerator accelerator)
        : base(accelerator)
    {
    }

    /// <summary>The managed form, with the accelerator's quantiser for the ADC.</summary>
    static LinearKernels IKernelSet<LinearKernels>.Managed(CpuAccelerator accelerator) => new CpuLinearKernels(accelerator);

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
}
