using System.Numerics;
using ILGPU;
using ILGPU.Runtime;
using Neuromorph.Compute;
using Neuromorph.Kernels.Dynamics;
using Neuromorph.Kernels.Linear;
using Neuromorph.Kernels.Networks;
using Neuromorph.Kernels.Transients;
using Neuromorph.Numerics.Ode;
using AcceleratorException = Neuromorph.Compute.AcceleratorException; // ILGPU.Runtime has a type of the same name

namespace Neuromorph.Kernels.Runtime;

/// <summary>
/// The <see cref="DeviceKernels"/> of an <see cref="IlgpuAccelerator{T, TReal}"/>: each kernel is compiled by ILGPU
/// the first time it is launched and kept; a kernel that fails to compile is not kept, so it fails again with its
/// own message and never poisons the others. Group sizes fit the device (64 for matvec rows, 128 for Hopfield
/// restarts, 256 for dot products, at most the device's maximum). Launches on one accelerator are serialised: ILGPU's
/// launchers are not reentrant (two threads launching on the shared CPU accelerator handed one kernel the other's
/// arguments).
/// </summary>
internal sealed class IlgpuKernels<T, TReal>(IlgpuAccelerator<T, TReal> owner, Accelerator device) : DeviceKernels(owner)
    where T : unmanaged, IFloatingPointIeee754<T>
    where TReal : struct, IReal<T>
{
    private readonly Dictionary<Type, Delegate> _lanes = [];
    private readonly Lock _launching = new();
    private Action<KernelConfig, ArrayView<T>, ArrayView<T>, ArrayView<T>, ProductShape, ReadConditions>? _matVec, _matMat;
    private Action<Index2D, ArrayView<T>, ArrayView<T>, ArrayView<T>, ProductShape, ReadConditions>? _matVecT;
    private Action<KernelConfig, ArrayView<T>, ArrayView<T>, ArrayView<T>, int>? _dot;
    private Action<Index1D, ArrayView<T>, ArrayView<T>, ArrayView<T>, T, int>? _axpy;
    private Action<Index1D, ArrayView<T>, ArrayView<T>, ArrayView<T>, int>? _xpay, _hadamard;
    private Action<Index1D, ArrayView<T>, ArrayView<T>, ArrayView<T>, T, T>? _axpby, _ctdRate;
    private Action<KernelConfig, ArrayView<T>, ArrayView<T>, ArrayView<T>, int, FieldNoise>? _sweep;

    private DeviceInfo Info => Accelerator.Device;

    /// <inheritdoc/>
    protected override void MatVecInternal(RealBuffer weights, RealBuffer x, RealBuffer y, ProductShape shape, ReadConditions read)
    {
        var kernel = Load(ref _matVec, "matvec", () => device.LoadStreamKernel<ArrayView<T>, ArrayView<T>, ArrayView<T>, ProductShape, ReadConditions>(ProductKernels.MatVec<T, TReal>));
        var config = new KernelConfig(new Index2D(shape.Rows, shape.Count), new Index2D(GroupSize(64), 1));
        Launch("matvec", () => kernel(config, V(weights), V(x), V(y), shape, read));
    }

    /// <inheritdoc/>
    protected override void MatMatInternal(RealBuffer weights, RealBuffer x, RealBuffer y, ProductShape shape, ReadConditions read)
    {
        var kernel = Load(ref _matMat, "matmat", () => device.LoadStreamKernel<ArrayView<T>, ArrayView<T>, ArrayView<T>, ProductShape, ReadConditions>(ProductKernels.MatMat<T, TReal>));
        var groups = new Index2D((shape.Rows + ProductKernels.Tile - 1) / ProductKernels.Tile, (shape.Count + ProductKernels.Tile - 1) / ProductKernels.Tile);
        var config = new KernelConfig(groups, new Index2D(ProductKernels.Threads, ProductKernels.Threads));
        Launch("matmat", () => kernel(config, V(weights), V(x), V(y), shape, read));
    }

    /// <inheritdoc/>
    protected override void MatVecTransposedInternal(RealBuffer weights, RealBuffer x, RealBuffer y, ProductShape shape, ReadConditions read)
    {
        var kernel = Load(ref _matVecT, "matvec_t", () => device.LoadAutoGroupedStreamKernel<Index2D, ArrayView<T>, ArrayView<T>, ArrayView<T>, ProductShape, ReadConditions>(ProductKernels.MatVecTransposed<T, TReal>));
        Launch("matvec_t", () => kernel(new Index2D(shape.Columns, shape.Count), V(weights), V(x), V(y), shape, read));
    }

    /// <inheritdoc/>
    protected override void BatchedDotInternal(RealBuffer a, RealBuffer b, RealBuffer result, int length, int count)
    {
        var kernel = Load(ref _dot, "batched_dot", () => device.LoadStreamKernel<ArrayView<T>, ArrayView<T>, ArrayView<T>, int>(VectorKernels.BatchedDot<T, TReal>));
        var config = new KernelConfig(count, GroupSize(256));
        Launch("batched_dot", () => kernel(config, V(a), V(b), V(result), length));
    }

    /// <inheritdoc/>
    protected override void BatchedAxpyInternal(RealBuffer x, RealBuffer y, RealBuffer coefficients, double sign, int length, int count)
    {
        var kernel = Load(ref _axpy, "batched_axpy", () => device.LoadAutoGroupedStreamKernel<Index1D, ArrayView<T>, ArrayView<T>, ArrayView<T>, T, int>(VectorKernels.BatchedAxpy));
        Launch("batched_axpy", () => kernel(length * count, V(x), V(y), V(coefficients), TReal.From(sign), length));
    }

    /// <inheritdoc/>
    protected override void BatchedXpayInternal(RealBuffer x, RealBuffer y, RealBuffer coefficients, int length, int count)
    {
        var kernel = Load(ref _xpay, "batched_xpay", () => device.LoadAutoGroupedStreamKernel<Index1D, ArrayView<T>, ArrayView<T>, ArrayView<T>, int>(VectorKernels.BatchedXpay));
        Launch("batched_xpay", () => kernel(length * count, V(x), V(y), V(coefficients), length));
    }

    /// <inheritdoc/>
    protected override void AxpbyInternal(RealBuffer x, RealBuffer y, RealBuffer z, double alpha, double beta, int length)
    {
        var kernel = Load(ref _axpby, "axpby", () => device.LoadAutoGroupedStreamKernel<Index1D, ArrayView<T>, ArrayView<T>, ArrayView<T>, T, T>(VectorKernels.Axpby));
        Launch("axpby", () => kernel(length, V(x), V(y), V(z), TReal.From(alpha), TReal.From(beta)));
    }

    /// <inheritdoc/>
    protected override void HadamardInternal(RealBuffer a, RealBuffer b, RealBuffer c, int length, int period)
    {
        var kernel = Load(ref _hadamard, "hadamard", () => device.LoadAutoGroupedStreamKernel<Index1D, ArrayView<T>, ArrayView<T>, ArrayView<T>, int>(VectorKernels.Hadamard));
        Launch("hadamard", () => kernel(length, V(a), V(b), V(c), period));
    }

    /// <inheritdoc/>
    protected override void CtdRateInternal(RealBuffer x, RealBuffer y, RealBuffer dx, double alpha, double beta, int length)
    {
        var kernel = Load(ref _ctdRate, "ctd_rate", () => device.LoadAutoGroupedStreamKernel<Index1D, ArrayView<T>, ArrayView<T>, ArrayView<T>, T, T>(CtdKernels.Rate));
        Launch("ctd_rate", () => kernel(length, V(x), V(y), V(dx), TReal.From(alpha), TReal.From(beta)));
    }

    /// <inheritdoc/>
    protected override void HopfieldSweepInternal(RealBuffer weights, RealBuffer bias, RealBuffer spins, int size, int count, FieldNoise noise)
    {
        var kernel = Load(ref _sweep, "hopfield_sweep", () => device.LoadStreamKernel<ArrayView<T>, ArrayView<T>, ArrayView<T>, int, FieldNoise>(HopfieldKernels.Sweep<T, TReal>));
        var config = new KernelConfig(count, GroupSize(128));
        Launch("hopfield_sweep", () => kernel(config, V(weights), V(bias), V(spins), size, noise));
    }

    /// <inheritdoc/>
    protected override void IntegrateLanesInternal<TLane>(ReadOnlySpan<TLane> lanes, TransientGrid grid, ProbeBank probes, Span<double> results)
    {
        var name = $"integrate_lanes<{typeof(TLane).Name}>";
        var kernel = (Action<Index1D, ArrayView<TLane>, TransientGrid, ProbeBank, ArrayView<double>>)Load(typeof(TLane), name, () =>
            device.LoadAutoGroupedStreamKernel<Index1D, ArrayView<TLane>, TransientGrid, ProbeBank, ArrayView<double>>(LaneKernels.Integrate<TLane>));
        var n = lanes.Length;
        var m = n * probes.Count;
        var owner = (IlgpuAccelerator<T, TReal>)Accelerator;
        using var input = UploadLanes(owner, lanes);
        using var output = Failures.Guard(Info, $"allocating {m} results", () => device.Allocate1D<double>(m));
        Launch(name, () =>
        {
            kernel(n, input.View, grid, probes, output.View);
            device.Synchronize();
        });
        var host = new double[m];
        Failures.Guard(Info, "copying results to the host", () => output.View.CopyToCPU(ref host[0], m));
        host.CopyTo(results);
    }

    private MemoryBuffer1D<TLane, Stride1D.Dense> UploadLanes<TLane>(IlgpuAccelerator<T, TReal> owner, ReadOnlySpan<TLane> lanes)
        where TLane : unmanaged
    {
        try
        {
            return owner.Upload(lanes);
        }
        catch (Exception ex) when (Failures.IsDeviceFailure(ex))
        {
            throw new AcceleratorException($"copying {lanes.Length} lanes to {Info.Name} failed: {Failures.Describe(ex)}", ex);
        }
    }

    private static ArrayView<T> V(RealBuffer buffer) => IlgpuBuffer<T>.Of(buffer);

    private int GroupSize(int wanted) => Math.Max(1, Math.Min(wanted, device.MaxNumThreadsPerGroup));

    /// <summary>The kernel in <paramref name="slot"/>, compiling it first if needed; a failed compile leaves the slot empty.</summary>
    private TKernel Load<TKernel>(ref TKernel? slot, string name, Func<TKernel> compile)
        where TKernel : Delegate
    {
        lock (_launching)
        {
            return slot ??= Failures.Guard(Info, $"compiling kernel {name}", compile);
        }
    }

    private Delegate Load(Type key, string name, Func<Delegate> compile)
    {
        lock (_lanes)
        {
            if (!_lanes.TryGetValue(key, out var kernel))
            {
                kernel = Failures.Guard(Info, $"compiling kernel {name}", compile);
                _lanes[key] = kernel;
            }

            return kernel;
        }
    }

    private void Launch(string name, Action launch)
    {
        lock (_launching)
        {
            Failures.Guard(Info, $"launching kernel {name}", launch);
        }
    }
}
