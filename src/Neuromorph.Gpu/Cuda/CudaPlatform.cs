using Neuromorph.Compute;

namespace Neuromorph.Gpu.Cuda;

/// <summary>Discovers CUDA devices and opens accelerators on them.</summary>
public static class CudaPlatform
{
    /// <summary>Why CUDA cannot be used here (no driver, no device, no NVRTC), or null when it can.</summary>
    public static string? Unavailable =>
        !CudaNative.DriverAvailable ? CudaNative.Missing
        : CudaNative.DeviceCount() == 0 ? "the CUDA driver reports no device"
        : !CudaNative.NvrtcAvailable ? CudaNative.Missing
        : null;

    /// <summary>Every CUDA device, or none without a driver.</summary>
    public static IReadOnlyList<DeviceInfo> Devices()
    {
        if (!CudaNative.DriverAvailable)
        {
            return [];
        }

        var version = CudaNative.DriverVersion();
        var list = new List<DeviceInfo>();
        for (var i = 0; i < CudaNative.DeviceCount(); i++)
        {
            var d = CudaNative.Device(i);
            var major = CudaNative.Attribute(d, CudaNative.AttributeComputeCapabilityMajor);
            var minor = CudaNative.Attribute(d, CudaNative.AttributeComputeCapabilityMinor);
            list.Add(new DeviceInfo(
                BackendKind.Cuda,
                $"CUDA driver {version / 1000}.{version % 1000 / 10}",
                CudaNative.DeviceName(d),
                CudaNative.TotalMemory(d),
                CudaNative.Attribute(d, CudaNative.AttributeMultiprocessorCount),
                DoublePrecision: true,
                IsGpu: true,
                $"compute capability {major}.{minor}"));
        }

        return list;
    }

    /// <summary>Opens device <paramref name="ordinal"/>.</summary>
    public static CudaAccelerator Open(int ordinal, Precision precision)
    {
        if (Unavailable is { } why)
        {
            throw new AcceleratorException("CUDA is not available: " + why);
        }

        var devices = Devices();
        if (ordinal < 0 || ordinal >= devices.Count)
        {
            throw new AcceleratorException($"CUDA device {ordinal} does not exist ({devices.Count} found)");
        }

        return new CudaAccelerator(ordinal, devices[ordinal], precision);
    }
}
