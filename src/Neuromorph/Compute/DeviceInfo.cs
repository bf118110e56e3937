namespace Neuromorph.Compute;

/// <summary>What <c>neuromorph backends</c> reports about one compute device.</summary>
/// <param name="Backend">The backend that drives it.</param>
/// <param name="Platform">OpenCL platform, CUDA driver version, or "managed" for the CPU backend.</param>
/// <param name="Name">Device name as the driver reports it.</param>
/// <param name="GlobalMemoryBytes">Device memory in bytes.</param>
/// <param name="ComputeUnits">Compute units (OpenCL), multiprocessors (CUDA) or logical cores (CPU).</param>
/// <param name="DoublePrecision">Whether kernels may use double precision on it.</param>
/// <param name="IsGpu">Whether the device is a GPU (as opposed to a CPU).</param>
/// <param name="Version">Device/driver version string.</param>
public sealed record DeviceInfo(
    BackendKind Backend,
    string Platform,
    string Name,
    long GlobalMemoryBytes,
    int ComputeUnits,
    bool DoublePrecision,
    bool IsGpu,
    string Version)
{
    /// <summary>One-line description, e.g. "cuda: NVIDIA H200 (CUDA 12.8), 132 compute units, 139.8 GiB, double precision, GPU".</summary>
    public override string ToString() =>
        $"{BackendName(Backend)}: {Name} ({Platform}), {ComputeUnits} compute units, {GlobalMemoryBytes / (1024.0 * 1024 * 1024):0.0} GiB, "
        + (DoublePrecision ? "double precision" : "single precision only") + (IsGpu ? ", GPU" : ", CPU");

    /// <summary>The lower-case name used on the command line: cpu, ilgpu-cpu, opencl, cuda.</summary>
    public static string BackendName(BackendKind kind) => kind switch
    {
        BackendKind.Cpu => "cpu",
        BackendKind.IlgpuCpu => "ilgpu-cpu",
        BackendKind.OpenCl => "opencl",
        _ => "cuda",
    };
}
