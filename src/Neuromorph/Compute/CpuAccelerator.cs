namespace Neuromorph.Compute;

/// <summary>
/// The always-present accelerator: buffers are managed arrays, kernels are the C# implementations in
/// <see cref="CpuKernels"/> (double precision, SIMD through System.Numerics.Tensors, rows spread over cores).
/// Launches run synchronously; the grid is ignored because each kernel takes its sizes from its arguments.
/// </summary>
public sealed class CpuAccelerator : IAccelerator
{
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

    /// <inheritdoc/>
    public DeviceBuffer Allocate(int length, ElementKind kind = ElementKind.Real) => new CpuBuffer(length, kind);

    /// <inheritdoc/>
    public void Write(DeviceBuffer buffer, ReadOnlySpan<double> source, int offset = 0) => source.CopyTo(Real(buffer).AsSpan(offset));

    /// <inheritdoc/>
    public void Write(DeviceBuffer buffer, ReadOnlySpan<int> source, int offset = 0) => source.CopyTo(Integers(buffer).AsSpan(offset));

    /// <inheritdoc/>
    public void Read(DeviceBuffer buffer, Span<double> destination, int offset = 0) =>
        Real(buffer).AsSpan(offset, destination.Length).CopyTo(destination);

    /// <inheritdoc/>
    public void Read(DeviceBuffer buffer, Span<int> destination, int offset = 0) =>
        Integers(buffer).AsSpan(offset, destination.Length).CopyTo(destination);

    /// <inheritdoc/>
    public void Launch(string kernel, LaunchGrid grid, params ReadOnlySpan<KernelArg> args)
    {
        Kernels.Validate(kernel, args);
        CpuKernels.Run(kernel, args);
    }

    /// <inheritdoc/>
    public void Synchronize()
    {
    }

    /// <inheritdoc/>
    public void Dispose()
    {
    }

    /// <summary>The array behind a real buffer.</summary>
    internal static double[] Real(DeviceBuffer buffer) =>
        buffer is CpuBuffer { Kind: ElementKind.Real, IsDisposed: false } c ? c.Reals! : throw new ArgumentException("buffer does not belong to the CPU accelerator, is not real, or was disposed");

    /// <summary>The array behind an Int32 buffer.</summary>
    internal static int[] Integers(DeviceBuffer buffer) =>
        buffer is CpuBuffer { Kind: ElementKind.Int32, IsDisposed: false } c ? c.Ints! : throw new ArgumentException("buffer does not belong to the CPU accelerator, is not Int32, or was disposed");

    private sealed class CpuBuffer : DeviceBuffer
    {
        public CpuBuffer(int length, ElementKind kind)
            : base(length, kind)
        {
            if (kind == ElementKind.Real)
            {
                Reals = new double[length];
            }
            else
            {
                Ints = new int[length];
            }
        }

        public double[]? Reals { get; private set; }

        public int[]? Ints { get; private set; }

        protected override object Owner => typeof(CpuAccelerator);

        protected override void Release()
        {
            Reals = null;
            Ints = null;
        }
    }
}
