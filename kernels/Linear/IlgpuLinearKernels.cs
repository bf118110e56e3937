using System.Numerics;
using ILGPU;
using ILGPU.Runtime;
using Neuromorph.Compute;
using Neuromorph.Kernels.Runtime;

namespace Neuromorph.Kernels.Linear;

/// <summary>
/// The ILGPU form of <see cref="LinearKernels"/>: launches the device code of <see cref="ProductKernels"/> and
/// <see cref="VectorKernels"/> through the accelerator's <see cref="IlgpuLauncher{T, TReal}"/>. Group sizes: 64 for
/// matvec rows, 256 for dot products, at most the device's maximum.
/// </summary>
internal sealed class IlgpuLinearKernels<T, TReal>(IlgpuLauncher<T, TReal> launcher) : LinearKernels(launcher.Owner)
    where T : unmanaged, IFloatingPointIeee754<T>
    where TReal : struct, IReal<T>
{
    private Action<KernelConfig, ArrayView<T>, ArrayView<T>, ArrayView<T>, ProductShape, ReadConditions>? _matVec, _matMat;
    private Action<Index2D, ArrayView<T>, ArrayView<T>, ArrayView<T>, ProductShape, ReadConditions>? _matVecT;
    private Action<KernelConfig, ArrayView<T>, ArrayView<T>, ArrayView<T>, int>? _dot;
    private Action<Index1D, ArrayView<T>, ArrayView<T>, ArrayView<T>, T, int>? _axpy;
    private Action<Index1D, ArrayView<T>, ArrayView<T>, ArrayView<T>, int>? _xpay, _hadamard;
    private Action<Index1D, ArrayView<T>, ArrayView<T>, ArrayView<T>, T, T>? _axpby;

    private Accelerator Device => launcher.Device;

    /// <inheritdoc/>
    protected override void MatVecInternal(RealBuffer weights, RealBuffer x, RealBuffer y, ProductShape shape, ReadConditions read)
    {
        var kernel = launcher.Load(ref _matVec, "matvec", () => Device.LoadStreamKernel<ArrayView<T>, ArrayView<T>, ArrayView<T>, ProductShape, ReadConditions>(ProductKernels.MatVec<T, TReal>));
        var config = new KernelConfig(new Index2D(shape.Rows, shape.Count), new Index2D(launcher.GroupSize(64), 1));
        launcher.Launch("matvec", () => kernel(config, V(weights), V(x), V(y), shape, read));
    }

    /// <inheritdoc/>
    protected override void MatMatInternal(RealBuffer weights, RealBuffer x, RealBuffer y, ProductShape shape, ReadConditions read)
    {
        var kernel = launcher.Load(ref _matMat, "matmat", () => Device.LoadStreamKernel<ArrayView<T>, ArrayView<T>, ArrayView<T>, ProductShape, ReadConditions>(ProductKernels.MatMat<T, TReal>));
        var groups = new Index2D((shape.Rows + ProductKernels.Tile - 1) / ProductKernels.Tile, (shape.Count + ProductKernels.Tile - 1) / ProductKernels.Tile);
        var config = new KernelConfig(groups, new Index2D(ProductKernels.Threads, ProductKernels.Threads));
        launcher.Launch("matmat", () => kernel(config, V(weights), V(x), V(y), shape, read));
    }

    /// <inheritdoc/>
    protected override void MatVecTransposedInternal(RealBuffer weights, RealBuffer x, RealBuffer y, ProductShape shape, ReadConditions read)
    {
        var kernel = launcher.Load(ref _matVecT, "matvec_t", () => Device.LoadAutoGroupedStreamKernel<Index2D, ArrayView<T>, ArrayView<T>, ArrayView<T>, ProductShape, ReadConditions>(ProductKernels.MatVecTransposed<T, TReal>));
        launcher.Launch("matvec_t", () => kernel(new Index2D(shape.Columns, shape.Count), V(weights), V(x), V(y), shape, read));
    }

    /// <inheritdoc/>
    protected override void BatchedDotInternal(RealBuffer a, RealBuffer b, RealBuffer result, int length, int count)
    {
        var kernel = launcher.Load(ref _dot, "batched_dot", () => Device.LoadStreamKernel<ArrayView<T>, ArrayView<T>, ArrayView<T>, int>(VectorKernels.BatchedDot<T, TReal>));
        var config = new KernelConfig(count, launcher.GroupSize(256));
        launcher.Launch("batched_dot", () => kernel(config, V(a), V(b), V(result), length));
    }

    /// <inheritdoc/>
    protected override void BatchedAxpyInternal(RealBuffer x, RealBuffer y, RealBuffer coefficients, double sign, int length, int count)
    {
        var kernel = launcher.Load(ref _axpy, "batched_axpy", () => Device.LoadAutoGroupedStreamKernel<Index1D, ArrayView<T>, ArrayView<T>, ArrayView<T>, T, int>(VectorKernels.BatchedAxpy));
        launcher.Launch("batched_axpy", () => kernel(length * count, V(x), V(y), V(coefficients), TReal.From(sign), length));
    }

    /// <inheritdoc/>
    protected override void BatchedXpayInternal(RealBuffer x, RealBuffer y, RealBuffer coefficients, int length, int count)
    {
        var kernel = launcher.Load(ref _xpay, "batched_xpay", () => Device.LoadAutoGroupedStreamKernel<Index1D, ArrayView<T>, ArrayView<T>, ArrayView<T>, int>(VectorKernels.BatchedXpay));
        launcher.Launch("batched_xpay", () => kernel(length * count, V(x), V(y), V(coefficients), length));
    }

    /// <inheritdoc/>
    protected override void AxpbyInternal(RealBuffer x, RealBuffer y, RealBuffer z, double alpha, double beta, int length)
    {
        var kernel = launcher.Load(ref _axpby, "axpby", () => Device.LoadAutoGroupedStreamKernel<Index1D, ArrayView<T>, ArrayView<T>, ArrayView<T>, T, T>(VectorKernels.Axpby));
        launcher.Launch("axpby", () => kernel(length, V(x), V(y), V(z), TReal.From(alpha), TReal.From(beta)));
    }

    /// <inheritdoc/>
    protected override void HadamardInternal(RealBuffer a, RealBuffer b, RealBuffer c, int length, int period)
    {
        var kernel = launcher.Load(ref _hadamard, "hadamard", () => Device.LoadAutoGroupedStreamKernel<Index1D, ArrayView<T>, ArrayView<T>, ArrayView<T>, int>(VectorKernels.Hadamard));
        launcher.Launch("hadamard", () => kernel(length, V(a), V(b), V(c), period));
    }

    private static ArrayView<T> V(RealBuffer buffer) => IlgpuLauncher<T, TReal>.View(buffer);
}
