using System.Runtime.InteropServices;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;
using Neuromorph.Compute;

namespace Neuromorph.Kernels.Backends.Cuda;

/// <summary>
/// NVIDIA GPUs through ILGPU's CUDA accelerator: ILGPU writes PTX itself, so only the driver's libcuda.so.1 is needed
/// (no CUDA toolkit, no NVRTC). A device whose architecture this ILGPU release cannot target is listed with the reason.
/// </summary>
public static class CudaBackend
{
    /// <summary>The backend as <see cref="AcceleratorCatalog"/> lists it: cuda:N, single precision by default; auto tries it first.</summary>
    public static BackendDefinition Definition { get; } = new()
    {
        Name = "cuda",
        Kind = BackendKind.Cuda,
        Family = "CUDA",
        Indexed = true,
        Devices = Devices,
        Unavailable = Unavailable,
        DefaultPrecision = _ => Precision.Single,
        Open = (index, info, precision) => IlgpuDevice.Open(CreateContext(), AcceleratorType.Cuda, index, info, precision, d => Describe((CudaDevice)d)),
        AutoOrder = 0,
        AutoPassedOver = "no usable CUDA device",
    };

    /// <summary>Why CUDA cannot run here, or null: checks for the driver library before asking ILGPU.</summary>
    public static string? Unavailable()
    {
        NativeLibraries.Register();
        if (!NativeLibrary.TryLoad("libcuda.so.1", out var handle) && !NativeLibrary.TryLoad("libcuda.so", out handle))
        {
            return "no NVIDIA driver (libcuda.so.1 not found)";
        }

        NativeLibrary.Free(handle);
        return Devices().Count == 0 ? "the NVIDIA driver reports no CUDA device" : null;
    }

    /// <summary>Every CUDA device the driver reports, with the reason when ILGPU cannot generate code for it (looked up once per process).</summary>
    public static IReadOnlyList<(DeviceInfo Info, string? Unusable)> Devices() => Discovered.Value;

    private static readonly Lazy<IReadOnlyList<(DeviceInfo Info, string? Unusable)>> Discovered = new(Discover);

    private static IReadOnlyList<(DeviceInfo Info, string? Unusable)> Discover() =>
        DeviceDiscovery.Discover<CudaDevice>(b => b.Cuda(_ => true), c => [.. c.GetCudaDevices()], Describe, Unusable);

    /// <summary>A context holding every CUDA device (index i is cuda:i).</summary>
    public static Context CreateContext() => DeviceDiscovery.CreateContext(b => b.Cuda(_ => true));

    /// <summary>The device as listed.</summary>
    public static DeviceInfo Describe(CudaDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        return new DeviceInfo(
            BackendKind.Cuda,
            $"CUDA driver {device.DriverVersion}",
            device.Name,
            device.MemorySize,
            device.NumMultiprocessors,
            DoublePrecision: true, // every GPU ILGPU's PTX backend targets (sm_20 and later) has fp64
            IsGpu: true,
            $"{device.Architecture?.ToString() ?? "unknown architecture"}, PTX ISA {device.InstructionSet?.ToString() ?? "unknown"}");
    }

    private static string? Unusable(CudaDevice device) =>
        device.Architecture is null || device.InstructionSet is null
            ? "ILGPU 1.5.3 cannot generate PTX for this architecture or driver (update ILGPU or the driver)"
            : null;
}
