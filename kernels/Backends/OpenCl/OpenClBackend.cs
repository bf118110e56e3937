using System.Runtime.InteropServices;
using ILGPU;
using ILGPU.Backends.OpenCL;
using ILGPU.Runtime;
using ILGPU.Runtime.OpenCL;
using Neuromorph.Compute;

namespace Neuromorph.Kernels.Backends.OpenCl;

/// <summary>
/// OpenCL devices through ILGPU's OpenCL accelerator. ILGPU emits OpenCL C 2.0 that relies on the generic address
/// space, so only OpenCL 2.0+ devices with that feature can run the kernels (AMD and Intel GPUs); PoCL's CPU device
/// and NVIDIA's OpenCL lack it and are listed with that reason (NVIDIA GPUs run through cuda).
/// </summary>
public static class OpenClBackend
{
    /// <summary>
    /// The backend as <see cref="AcceleratorCatalog"/> lists it: opencl:N, single precision by default on GPUs and double
    /// on CPUs; auto picks a usable GPU after CUDA.
    /// </summary>
    public static BackendDefinition Definition { get; } = new()
    {
        Name = "opencl",
        Kind = BackendKind.OpenCl,
        Family = "OpenCL",
        Indexed = true,
        Devices = Devices,
        Unavailable = Unavailable,
        DefaultPrecision = device => device.IsGpu ? Precision.Single : Precision.Double,
        Open = (index, info, precision) => IlgpuDevice.Open(CreateContext(), AcceleratorType.OpenCL, index, info, precision, d => Describe((CLDevice)d)),
        AutoOrder = 1,
        AutoPicks = device => device.IsGpu,
        AutoPassedOver = "no OpenCL GPU ILGPU can use",
    };

    /// <summary>Why OpenCL cannot run here, or null.</summary>
    public static string? Unavailable()
    {
        NativeLibraries.Register();
        if (!NativeLibrary.TryLoad("libOpenCL.so.1", out var handle) && !NativeLibrary.TryLoad("libOpenCL.so", out handle))
        {
            return "no OpenCL loader (libOpenCL.so.1 not found; install ocl-icd-libopencl1 and a device's ICD)";
        }

        NativeLibrary.Free(handle);
        var devices = Devices();
        if (devices.Count == 0)
        {
            return "no OpenCL platform or device found";
        }

        return devices.All(d => d.Unusable is not null)
            ? $"no usable OpenCL device: {string.Join("; ", devices.Select(d => $"{d.Info.Name}: {d.Unusable}"))}"
            : null;
    }

    /// <summary>Every OpenCL device, with the reason when ILGPU cannot use it (looked up once per process).</summary>
    public static IReadOnlyList<(DeviceInfo Info, string? Unusable)> Devices() => Discovered.Value;

    private static readonly Lazy<IReadOnlyList<(DeviceInfo Info, string? Unusable)>> Discovered = new(Discover);

    private static IReadOnlyList<(DeviceInfo Info, string? Unusable)> Discover() =>
        DeviceDiscovery.Discover<CLDevice>(b => b.OpenCL(_ => true), c => [.. c.GetCLDevices()], Describe, Unusable);

    /// <summary>A context holding every OpenCL device (index i is opencl:i).</summary>
    public static Context CreateContext() => DeviceDiscovery.CreateContext(b => b.OpenCL(_ => true));

    /// <summary>The device as listed.</summary>
    public static DeviceInfo Describe(CLDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        return new DeviceInfo(
            BackendKind.OpenCl,
            device.PlatformName,
            device.Name,
            device.MemorySize,
            device.NumMultiprocessors,
            ((CLCapabilityContext)device.Capabilities).Float64,
            device.DeviceType == CLDeviceType.CL_DEVICE_TYPE_GPU,
            $"OpenCL {device.DeviceVersion}, OpenCL C {device.CVersion}");
    }

    /// <summary>Why ILGPU cannot run kernels on <paramref name="device"/>, or null.</summary>
    public static string? Unusable(CLDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        if (device.CLStdVersion < CLBackend.MinimumVersion)
        {
            return $"OpenCL C {device.CLStdVersion} is below the {CLBackend.MinimumVersion} ILGPU's OpenCL backend needs";
        }

        return ((CLCapabilityContext)device.Capabilities).GenericAddressSpace
            ? null
            : "no OpenCL 2.0 generic address space, which ILGPU's OpenCL backend needs (PoCL's CPU device and NVIDIA's OpenCL lack it; NVIDIA GPUs run through cuda)";
    }
}
