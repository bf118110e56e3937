namespace Neuromorph.Compute;

/// <summary>
/// A compute device: buffers of reals in the device's precision, host↔device copies that convert from and to the
/// library's doubles, synchronisation, the device's facts, its linear-algebra <see cref="Kernels"/> and any domain's
/// kernel set (<see cref="KernelSet{TSet}"/>). Implementations: the managed CPU path (<see cref="Cpu.CpuAccelerator"/>,
/// always present) and ILGPU's CUDA, OpenCL and CPU accelerators (the kernels project). Work may be queued: reads wait
/// for it.
/// </summary>
public interface IAccelerator : IDisposable
{
    /// <summary>The device.</summary>
    DeviceInfo Device { get; }

    /// <summary>Floating-point width of buffers and kernels.</summary>
    Precision Precision { get; }

    /// <summary>The linear-algebra kernels, as typed methods (the same instance as <c>KernelSet&lt;LinearKernels&gt;()</c>).</summary>
    LinearKernels Kernels { get; }

    /// <summary>
    /// The kernel set <typeparamref name="TSet"/> on this device (e.g. Dynamics.CtdKernels), created on first use and
    /// kept: the managed path runs the set's <see cref="IKernelSet{TSelf}.Managed"/> form, ILGPU accelerators its ILGPU
    /// form from the kernels project.
    /// </summary>
    /// <exception cref="AcceleratorException">The backend has no form of the set.</exception>
    TSet KernelSet<TSet>()
        where TSet : KernelSet, IKernelSet<TSet>;

    /// <summary>Allocates <paramref name="length"/> reals (contents undefined).</summary>
    RealBuffer Allocate(int length);

    /// <summary>Copies host values into <paramref name="buffer"/> from element <paramref name="offset"/>, converted to the device precision.</summary>
    void Write(RealBuffer buffer, ReadOnlySpan<double> source, int offset = 0);

    /// <summary>Copies <paramref name="destination"/>.Length elements of <paramref name="buffer"/> from element <paramref name="offset"/> into host memory; waits for queued work.</summary>
    void Read(RealBuffer buffer, Span<double> destination, int offset = 0);

    /// <summary>Waits until every queued launch and copy has finished.</summary>
    void Synchronize();
}
