using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using Neuromorph.Compute;

namespace Neuromorph.Kernels.Backends.IlgpuCpu;

/// <summary>
/// ILGPU's CPU accelerator: the GPU kernels run on the host, every group's threads emulated with barriers and warp
/// shuffles. Configured like a GPU with 32-wide warps and 256-thread groups (ILGPU's AMD preset), so that the kernels'
/// 64-, 128- and 256-wide groups run as written. It is what tests and dry runs use where no GPU is; it is slow.
/// </summary>
public static class IlgpuCpuBackend
{
    /// <summary>The emulated device: 32 threads per warp, 8 warps per group, one multiprocessor.</summary>
    public static CPUDevice Device { get; } = new(numThreadsPerWarp: 8, numWarpsPerMultiprocessor: 32, numMultiprocessors: 1);

    /// <summary>The device as listed.</summary>
    public static DeviceInfo Info { get; } = new(
        BackendKind.IlgpuCpu,
        "ILGPU CPU accelerator",
        $"emulated GPU: warps of {Device.WarpSize}, groups of {Device.MaxNumThreadsPerGroup}",
        GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
        Device.NumMultiprocessors,
        DoublePrecision: true,
        IsGpu: false,
        typeof(Context).Assembly.GetName().Version?.ToString() ?? "ILGPU");

    /// <summary>The backend as <see cref="AcceleratorCatalog"/> lists it: one device, double precision by default, never picked by auto.</summary>
    public static BackendDefinition Definition { get; } = new()
    {
        Name = "ilgpu-cpu",
        Kind = BackendKind.IlgpuCpu,
        Summary = "ILGPU's CPU accelerator running the GPU kernels; slow, for tests and dry runs",
        Devices = () => [(Info, null)],
        DefaultPrecision = _ => Precision.Double,
        Open = (index, info, precision) => IlgpuDevice.Open(CreateContext(), AcceleratorType.CPU, index, info, precision, _ => Info),
    };

    /// <summary>A context holding only the emulated device.</summary>
    public static Context CreateContext() => Context.Create(b => b.CPU(Device).EnableAlgorithms());
}
