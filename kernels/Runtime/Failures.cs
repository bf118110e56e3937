using Neuromorph.Compute;
using AcceleratorException = Neuromorph.Compute.AcceleratorException; // ILGPU.Runtime has a type of the same name

namespace Neuromorph.Kernels.Runtime;

/// <summary>
/// Turns what ILGPU and the drivers throw (compiler errors, unsupported features, CUDA and OpenCL error codes, missing
/// native libraries, out of memory) into one <see cref="AcceleratorException"/> whose message is one line naming
/// the operation, the device and the cause; the original stays as the inner exception. Argument errors (bugs in the
/// caller) pass through unchanged.
/// </summary>
internal static class Failures
{
    /// <summary>Runs <paramref name="action"/>, translating failures.</summary>
    public static void Guard(DeviceInfo device, string what, Action action) => Guard<bool>(device, what, () =>
    {
        action();
        return true;
    });

    /// <summary>Runs <paramref name="function"/>, translating failures.</summary>
    public static TResult Guard<TResult>(DeviceInfo device, string what, Func<TResult> function)
    {
        try
        {
            return function();
        }
        catch (Exception ex) when (IsDeviceFailure(ex))
        {
            throw new AcceleratorException($"{what} on {DeviceInfo.BackendName(device.Backend)} ({device.Name}) failed: {Describe(ex)}", ex);
        }
    }

    /// <summary>Whether <paramref name="ex"/> comes from ILGPU, a driver or native loading rather than from a caller's bug.</summary>
    public static bool IsDeviceFailure(Exception ex) =>
        ex is not (AcceleratorException or OperationCanceledException)
        && (FromIlgpu(ex) || ex is not (ArgumentException or ObjectDisposedException))
        && (FromIlgpu(ex)
            || ex is NotSupportedException or InvalidOperationException or OutOfMemoryException or DllNotFoundException
                or EntryPointNotFoundException or TypeInitializationException or BadImageFormatException or System.Runtime.InteropServices.ExternalException
                or AggregateException); // ILGPU's CPU accelerator rethrows what a kernel thread threw as an AggregateException

    /// <summary>Whether the exception is ILGPU's own or was thrown inside ILGPU (it also throws ArgumentException for kernels it cannot compile).</summary>
    private static bool FromIlgpu(Exception ex) =>
        ex.GetType().Namespace?.StartsWith("ILGPU", StringComparison.Ordinal) == true
        || ex.TargetSite?.DeclaringType?.Namespace?.StartsWith("ILGPU", StringComparison.Ordinal) == true;

    /// <summary>The first line of the innermost useful message.</summary>
    public static string Describe(Exception ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        var e = ex;
        while (e.InnerException is not null && (e is TypeInitializationException or AggregateException || e.GetType().Name == "InternalCompilerException"))
        {
            e = e.InnerException;
        }

        var line = e.Message.Split('\n', 2)[0].Trim();
        return e == ex ? line : $"{ex.Message.Split('\n', 2)[0].Trim()} ({line})";
    }
}
