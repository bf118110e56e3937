namespace Neuromorph.Compute.Cpu;

/// <summary>
/// The always-present accelerator, the project's fast managed path: buffers are managed arrays of doubles, kernels are
/// C# with SIMD (System.Numerics.Tensors) and rows spread over cores (every kernel set's managed form), launches run
/// synchronously. The ADC rule is passed in (the catalog and the studies pass Numerics.DataConverter.Quantize, the
/// function the GPU kernels call), so a test can substitute its own.
/// </summary>
public sealed class CpuAccelerator : IAccelerator
{
    private readonly KernelSetCache _sets = new();

    /// <summary>Creates the accelerator with the crossbar periphery's quantiser <paramref name="adc"/> (x, bits, range) → level.</summary>
    public CpuAccelerator(Func<double, int, double, double> adc)
    {
        ArgumentNullException.ThrowIfNull(adc);
        Adc = adc;
        Kernels = KernelSet<LinearKernels>();
    }

    /// <summary>The CPU device as <c>neuromorph backends</c> lists it.</summary>
    public static DeviceInfo HostDevice { get; } = new(
        BackendKind.Cpu,
        "managed",
        System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture + " host CPU",
        GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
        Environment.ProcessorCount,
        DoublePrecision: true,
        IsGpu: false,
        Environment.Version.ToString());

    /// <inheritdoc/>
    public DeviceInfo Device => HostDevice;

    /// <inheritdoc/>
    public Precision Precision => Precision.Double;

    /// <summary>The crossbar periphery's quantiser (x, bits, range) → level, which the managed products apply as their ADC.</summary>
    public Func<double, int, double, double> Adc { get; }

    /// <inheritdoc/>
    public LinearKernels Kernels { get; }

    /// <inheritdoc/>
    public TSet KernelSet<TSet>()
        where TSet : KernelSet, IKernelSet<TSet> => _sets.Get(() => TSet.Managed(this));

    /// <inheritdoc/>
    public RealBuffer Allocate(int length) => new CpuBuffer(this, length);

    /// <inheritdoc/>
    public void Write(RealBuffer buffer, ReadOnlySpan<double> source, int offset = 0)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        buffer.CheckUse(this, (long)offset + source.Length);
        source.CopyTo(CpuBuffer.Data(buffer).AsSpan(offset));
    }

    /// <inheritdoc/>
    public void Read(RealBuffer buffer, Span<double> destination, int offset = 0)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        buffer.CheckUse(this, (long)offset + destination.Length);
        CpuBuffer.Data(buffer).AsSpan(offset, destination.Length).CopyTo(destination);
    }

    /// <inheritdoc/>
    public void Synchronize()
    {
    }

    /// <inheritdoc/>
    public void Dispose()
    {
    }
}
