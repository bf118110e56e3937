using Neuromorph.Compute;
using Neuromorph.Compute.Cpu;

namespace Neuromorph.Kernels.Backends.Cpu;

/// <summary>
/// The managed path (<see cref="CpuAccelerator"/>): always present, one device (the host), double precision only; the
/// default everywhere and what <c>auto</c> falls back to.
/// </summary>
public static class CpuBackend
{
    /// <summary>The backend as <see cref="AcceleratorCatalog"/> lists it.</summary>
    public static BackendDefinition Definition { get; } = new()
    {
        Name = "cpu",
        Kind = BackendKind.Cpu,
        Summary = "managed, SIMD on all cores",
        Devices = () => [(CpuAccelerator.HostDevice, null)],
        Precisions = [Precision.Double],
        PrecisionHint = "drop --precision, or use --backend ilgpu-cpu to run the single-precision kernels on the host",
        DefaultPrecision = _ => Precision.Double,
        Open = (_, _, _) => AcceleratorCatalog.CreateCpu(),
        AutoOrder = 2,
    };
}
