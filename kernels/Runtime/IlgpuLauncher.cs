using System.Numerics;
using ILGPU;
using ILGPU.Runtime;
using Neuromorph.Compute;

namespace Neuromorph.Kernels.Runtime;

/// <summary>
/// What every ILGPU kernel set of one <see cref="IlgpuAccelerator{T, TReal}"/> compiles and launches through: each
/// kernel is compiled the first time it is launched and kept in its set's slot; a kernel that fails to compile is not
/// kept, so it fails again with its own message and never poisons the others. Compiles and launches on one accelerator
/// are serialised by one lock shared by all its sets: ILGPU's launchers are not reentrant (two threads launching on the
/// shared CPU accelerator handed one kernel the other's arguments). Group sizes fit the device.
/// </summary>
/// <typeparam name="T">float or double.</typeparam>
/// <typeparam name="TReal">The matching <see cref="IReal{T}"/>.</typeparam>
internal sealed class IlgpuLauncher<T, TReal>(IlgpuAccelerator<T, TReal> owner, Accelerator device)
    where T : unmanaged, IFloatingPointIeee754<T>
    where TReal : struct, IReal<T>
{
    private readonly Lock _launching = new();

    /// <summary>The accelerator whose buffers the sets take.</summary>
    public IlgpuAccelerator<T, TReal> Owner => owner;

    /// <summary>The ILGPU accelerator kernels are compiled for.</summary>
    public Accelerator Device => device;

    /// <summary>The device as listed (for messages).</summary>
    public DeviceInfo Info => owner.Device;

    /// <summary>A checked buffer of this precision as a kernel argument.</summary>
    public static ArrayView<T> View(RealBuffer buffer) => IlgpuBuffer<T>.Of(buffer);

    /// <summary><paramref name="wanted"/> threads per group, at most the device's maximum.</summary>
    public int GroupSize(int wanted) => Math.Max(1, Math.Min(wanted, device.MaxNumThreadsPerGroup));

    /// <summary>The kernel in <paramref name="slot"/>, compiling it first if needed; a failed compile leaves the slot empty.</summary>
    public TKernel Load<TKernel>(ref TKernel? slot, string name, Func<TKernel> compile)
        where TKernel : Delegate
    {
        lock (_launching)
        {
            return slot ??= Failures.Guard(Info, $"compiling kernel {name}", compile);
        }
    }

    /// <summary>Runs <paramref name="launch"/> alone on this accelerator, translating failures.</summary>
    public void Launch(string name, Action launch)
    {
        lock (_launching)
        {
            Failures.Guard(Info, $"launching kernel {name}", launch);
        }
    }
}
