using ILGPU;
using ILGPU.Runtime;
using Neuromorph.Compute;

namespace Neuromorph.Kernels.Runtime;

/// <summary>A <see cref="RealBuffer"/> in an ILGPU accelerator's memory, elements of type <typeparamref name="T"/> (float or double).</summary>
internal sealed class IlgpuBuffer<T>(IAccelerator owner, MemoryBuffer1D<T, Stride1D.Dense> memory) : RealBuffer((int)memory.Length)
    where T : unmanaged
{
    private MemoryBuffer1D<T, Stride1D.Dense>? _memory = memory;

    /// <inheritdoc/>
    public override IAccelerator Owner => owner;

    /// <summary>The whole buffer as a kernel argument.</summary>
    public ArrayView<T> View => _memory?.View ?? throw new ObjectDisposedException(nameof(IlgpuBuffer<T>));

    /// <summary>The view of a checked buffer of this precision.</summary>
    public static ArrayView<T> Of(RealBuffer buffer) =>
        buffer is IlgpuBuffer<T> b ? b.View : throw new ArgumentException("buffer does not belong to this ILGPU accelerator");

    /// <inheritdoc/>
    protected override void Release()
    {
        _memory?.Dispose();
        _memory = null;
    }
}
