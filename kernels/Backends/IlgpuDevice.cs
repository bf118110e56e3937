using ILGPU;
using ILGPU.Runtime;
using Neuromorph.Compute;
using Neuromorph.Diagnostics;
using Neuromorph.Kernels.Runtime;

namespace Neuromorph.Kernels.Backends;

/// <summary>Opening one device of an ILGPU context as an <see cref="IlgpuAccelerator{T, TReal}"/>: what every ILGPU backend's Open does.</summary>
internal static class IlgpuDevice
{
    /// <summary>
    /// Creates the accelerator on device <paramref name="index"/> of type <paramref name="type"/> in
    /// <paramref name="context"/>, described by <paramref name="describe"/>; the context is owned by it (or disposed on failure).
    /// </summary>
    public static IAccelerator Open(Context context, AcceleratorType type, int index, DeviceInfo info, Precision precision, Func<Device, DeviceInfo> describe)
    {
        try
        {
            if (precision == Precision.Double && !info.DoublePrecision)
            {
                throw new UserInputException($"{info.Name} has no double precision", "use --precision single");
            }

            var device = context.Devices.Where(d => d.AcceleratorType == type).ElementAt(index);
            var described = describe(device);
            var native = Failures.Guard(described, "opening the device", () => device.CreateAccelerator(context));
            return precision == Precision.Double
                ? new IlgpuAccelerator<double, Fp64>(context, native, described)
                : new IlgpuAccelerator<float, Fp32>(context, native, described);
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }
}
