namespace Neuromorph.Compute;

/// <summary>
/// One compute device: buffers, kernels by name (from kernels/, compiled once per device and precision and cached
/// for the process), launches and synchronisation. Every implementation runs the same kernels with the same
/// arguments, so an operation written once against this interface runs on the CPU, OpenCL or CUDA; the kernel
/// contracts (argument lists and semantics) are listed in <see cref="Kernels"/>.
/// </summary>
public interface IAccelerator : IDisposable
{
    /// <summary>The device.</summary>
    DeviceInfo Device { get; }

    /// <summary>Floating-point width of real buffers and real kernel arguments.</summary>
    Precision Precision { get; }

    /// <summary>Allocates <paramref name="length"/> elements (contents undefined).</summary>
    DeviceBuffer Allocate(int length, ElementKind kind = ElementKind.Real);

    /// <summary>Copies host values into a real buffer starting at element <paramref name="offset"/> (converted to the device precision).</summary>
    void Write(DeviceBuffer buffer, ReadOnlySpan<double> source, int offset = 0);

    /// <summary>Copies host integers into an Int32 buffer.</summary>
    void Write(DeviceBuffer buffer, ReadOnlySpan<int> source, int offset = 0);

    /// <summary>Copies a real buffer (from element <paramref name="offset"/>) into host memory; waits for queued work.</summary>
    void Read(DeviceBuffer buffer, Span<double> destination, int offset = 0);

    /// <summary>Copies an Int32 buffer (from element <paramref name="offset"/>) into host memory; waits for queued work.</summary>
    void Read(DeviceBuffer buffer, Span<int> destination, int offset = 0);

    /// <summary>Queues kernel <paramref name="kernel"/> on <paramref name="grid"/> with <paramref name="args"/>.</summary>
    void Launch(string kernel, LaunchGrid grid, params ReadOnlySpan<KernelArg> args);

    /// <summary>Waits until every queued launch and copy has finished.</summary>
    void Synchronize();
}
