using ILGPU;
using Neuromorph.Compute;

namespace Neuromorph.Kernels.Backends;

/// <summary>
/// The device look-up every ILGPU device family shares: a context holding the family's devices, each described and,
/// when ILGPU cannot run kernels on it, given the reason; a driver that fails while being asked yields no devices.
/// </summary>
internal static class DeviceDiscovery
{
    /// <summary>Every device of the family <paramref name="configure"/> enables, as listed.</summary>
    public static IReadOnlyList<(DeviceInfo Info, string? Unusable)> Discover<TDevice>(
        Func<Context.Builder, Context.Builder> configure, Func<Context, IEnumerable<TDevice>> devices, Func<TDevice, DeviceInfo> describe, Func<TDevice, string?> unusable)
    {
        NativeLibraries.Register();
        try
        {
            using var context = Context.Create(b => configure(b));
            return [.. devices(context).Select(d => (describe(d), unusable(d)))];
        }
        catch (Exception ex) when (Runtime.Failures.IsDeviceFailure(ex))
        {
            return [];
        }
    }

    /// <summary>A context holding every device of the family (index i is BACKEND:i), with ILGPU.Algorithms enabled.</summary>
    public static Context CreateContext(Func<Context.Builder, Context.Builder> configure)
    {
        NativeLibraries.Register();
        return Context.Create(b => configure(b).EnableAlgorithms());
    }
}
