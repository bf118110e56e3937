using System.Numerics;
using System.Runtime.InteropServices;
using ILGPU;
using ILGPU.Runtime;
using Neuromorph.Compute;

namespace Neuromorph.Kernels.Runtime;

/// <summary>
/// An <see cref="IAccelerator"/> over one ILGPU accelerator (CUDA, OpenCL or ILGPU's CPU accelerator) in precision
/// <typeparamref name="T"/>: buffers are ILGPU memory buffers, copies convert the library's doubles, kernels are the
/// C# kernels of this project compiled by ILGPU on first use (each kernel set's ILGPU form, found by
/// <see cref="IlgpuKernelSets"/>). Every ILGPU or driver failure surfaces as an
/// <see cref="Compute.AcceleratorException"/> naming the operation and device.
/// </summary>
/// <typeparam name="T">float or double.</typeparam>
/// <typeparam name="TReal">The matching <see cref="IReal{T}"/>.</typeparam>
public sealed class IlgpuAccelerator<T, TReal> : IAccelerator
    where T : unmanaged, IFloatingPointIeee754<T>
    where TReal : struct, IReal<T>
{
    private readonly Context _context;
    private readonly Accelerator _device;
    private readonly IlgpuLauncher<T, TReal> _launcher;
    private readonly KernelSetCache _sets = new();
    private T[] _staging = [];

    /// <summary>Takes ownership of <paramref name="context"/> and the accelerator created on <paramref name="device"/>.</summary>
    internal IlgpuAccelerator(Context context, Accelerator device, DeviceInfo info)
    {
        _context = context;
        _device = device;
        Device = info;
        _launcher = new IlgpuLauncher<T, TReal>(this, device);
        Kernels = KernelSet<LinearKernels>();
    }

    /// <inheritdoc/>
    public DeviceInfo Device { get; }

    /// <inheritdoc/>
    public Precision Precision => typeof(T) == typeof(double) ? Precision.Double : Precision.Single;

    /// <inheritdoc/>
    public LinearKernels Kernels { get; }

    /// <inheritdoc/>
    public TSet KernelSet<TSet>()
        where TSet : KernelSet, IKernelSet<TSet> => _sets.Get(() => IlgpuKernelSets.Create<TSet, T, TReal>(_launcher));

    /// <summary>The ILGPU accelerator (for benchmarks that time on its stream).</summary>
    public Accelerator Native => _device;

    /// <inheritdoc/>
    public RealBuffer Allocate(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        return Failures.Guard(Device, $"allocating {length} elements", () => new IlgpuBuffer<T>(this, _device.Allocate1D<T>(length)));
    }

    /// <inheritdoc/>
    public void Write(RealBuffer buffer, ReadOnlySpan<double> source, int offset = 0)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        buffer.CheckUse(this, (long)offset + source.Length);
        if (source.IsEmpty)
        {
            return;
        }

        var view = IlgpuBuffer<T>.Of(buffer).SubView(offset, source.Length);
        var n = source.Length;
        var data = Stage(n);
        for (var i = 0; i < n; i++)
        {
            data[i] = TReal.From(source[i]);
        }

        Failures.Guard(Device, "copying to the device", () => view.CopyFromCPU(ref data[0], n));
    }

    /// <inheritdoc/>
    public void Read(RealBuffer buffer, Span<double> destination, int offset = 0)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        buffer.CheckUse(this, (long)offset + destination.Length);
        if (destination.IsEmpty)
        {
            return;
        }

        var view = IlgpuBuffer<T>.Of(buffer).SubView(offset, destination.Length);
        var data = Stage(destination.Length);
        var n = destination.Length;
        Failures.Guard(Device, "copying to the host", () => view.CopyToCPU(ref data[0], n));
        for (var i = 0; i < n; i++)
        {
            destination[i] = TReal.ToDouble(data[i]);
        }
    }

    /// <inheritdoc/>
    public void Synchronize() => Failures.Guard(Device, "synchronising", _device.Synchronize);

    /// <inheritdoc/>
    public void Dispose()
    {
        _device.Dispose();
        _context.Dispose();
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Device} ({Precision} precision)";

    private T[] Stage(int length)
    {
        if (_staging.Length < length)
        {
            _staging = new T[length];
        }

        return _staging;
    }

    /// <summary>Copies a span of unmanaged values to a new device buffer (lanes of a transient).</summary>
    internal MemoryBuffer1D<TItem, Stride1D.Dense> Upload<TItem>(ReadOnlySpan<TItem> items)
        where TItem : unmanaged
    {
        var memory = _device.Allocate1D<TItem>(items.Length);
        memory.View.CopyFromCPU(ref MemoryMarshal.GetReference(items), items.Length);
        return memory;
    }
}
