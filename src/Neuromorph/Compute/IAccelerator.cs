namespace Neuromorph.Compute;

/// <summary>
/// A compute device: buffers of reals in the device's precision, host↔device copies that convert from and to the
/// library's doubles, synchronisation, the device's facts, and its typed <see cref="Kernels"/>. Implementations: the
/// managed CPU path (<see cref="Cpu.CpuAccelerator"/>, always present) and ILGPU's CUDA, OpenCL and CPU accelerators
/// (the kernels project). Work may be queued: reads wait for it.
/// </summary>
public interface IAccelerator : IDisposable
{
    /// <summary>The device.</summary>
    DeviceInfo Device { get; }

    /// <summary>Floating-point width of buffers and kernels.</summary>
    Precision Precision { get; }

    /// <summary>The kernels, as typed methods.</summary>
    DeviceKernels Kernels { get; }

    /// <summary>Allocates <paramref name="length"/> reals (contents undefined).</summary>
    RealBuffer Allocate(int length);

    /// <summary>Copies host values into <paramref name="buffer"/> from element <paramref name="offset"/>, converted to the device precision.</summary>
    void Write(RealBuffer buffer, ReadOnlySpan<double> source, int offset = 0);

    /// <summary>Copies <paramref name="destination"/>.Length elements of <paramref name="buffer"/> from element <paramref name="offset"/> into host memory; waits for queued work.</summary>
    void Read(RealBuffer buffer, Span<double> destination, int offset = 0);

    /// <summary>Waits until every queued launch and copy has finished.</summary>
    void Synchronize();
}
