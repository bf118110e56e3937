using Neuromorph.Compute;

namespace Neuromorph.Gpu.OpenCl;

/// <summary>Discovers OpenCL platforms and devices and opens accelerators on them.</summary>
public static class OpenClPlatform
{
    /// <summary>Why OpenCL cannot be used here, or null when it can (the ICD loader is present).</summary>
    public static string? Unavailable => OpenClNative.Available ? null : OpenClNative.Missing;

    /// <summary>Every device of every platform, GPUs first.</summary>
    public static IReadOnlyList<(IntPtr Handle, DeviceInfo Info)> Devices()
    {
        if (!OpenClNative.Available)
        {
            return [];
        }

        var list = new List<(IntPtr, DeviceInfo)>();
        foreach (var platform in OpenClNative.Platforms())
        {
            var pname = OpenClNative.PlatformString(platform, OpenClNative.PlatformName);
            foreach (var d in OpenClNative.Devices(platform))
            {
                var ext = OpenClNative.DeviceString(d, OpenClNative.DeviceExtensions);
                var fp64 = ext.Contains("cl_khr_fp64", StringComparison.Ordinal) || OpenClNative.DeviceULong(d, OpenClNative.DeviceDoubleFpConfig) != 0;
                var info = new DeviceInfo(
                    BackendKind.OpenCl,
                    pname,
                    OpenClNative.DeviceString(d, OpenClNative.DeviceName),
                    (long)OpenClNative.DeviceULong(d, OpenClNative.DeviceGlobalMemSize),
                    (int)OpenClNative.DeviceUInt(d, OpenClNative.DeviceMaxComputeUnits),
                    fp64,
                    (OpenClNative.DeviceULong(d, OpenClNative.DeviceType) & OpenClNative.DeviceTypeGpu) != 0,
                    OpenClNative.DeviceString(d, OpenClNative.DeviceVersion));
                list.Add((d, info));
            }
        }

        return [.. list.OrderBy(d => d.Item2.IsGpu ? 0 : 1)];
    }

    /// <summary>Opens device <paramref name="index"/> of <see cref="Devices"/>.</summary>
    public static OpenClAccelerator Open(int index, Precision precision)
    {
        var devices = Devices();
        if (index < 0 || index >= devices.Count)
        {
            throw new AcceleratorException($"OpenCL device {index} does not exist ({devices.Count} found)");
        }

        return new OpenClAccelerator(devices[index].Handle, devices[index].Info, precision);
    }
}
