using Neuromorph.Compute;
using Neuromorph.Gpu;

namespace Neuromorph.Gpu.Tests;

/// <summary>
/// The backends every kernel test runs on: the CPU always, OpenCL (PoCL in CI) in single and, where the device has
/// it, double precision, and CUDA in single precision where a GPU is present. A missing backend skips with the
/// reason printed.
/// </summary>
public static class Backends
{
    private static readonly Dictionary<string, (IAccelerator? Accelerator, string? Why)> Cache = [];
    private static readonly Lock CacheLock = new();

    /// <summary>Theory data: one row per backend configuration.</summary>
    public static TheoryData<string> All => ["cpu", "opencl-single", "opencl-double", "cuda-single"];

    /// <summary>Relative norm tolerance for a configuration: float kernels 1e-5, double 1e-12.</summary>
    public static double Tolerance(IAccelerator a) => a.Precision == Precision.Single ? 1e-5 : 1e-12;

    /// <summary>
    /// The accelerator for a configuration, opened once per test run (kernels compile once per process) and shared;
    /// calls <see cref="Skip.If(bool, string)"/> when the backend is missing.
    /// </summary>
    public static IAccelerator Open(string config)
    {
        (IAccelerator? Accelerator, string? Why) entry;
        lock (CacheLock)
        {
            if (!Cache.TryGetValue(config, out entry))
            {
                entry = Create(config);
                Cache[config] = entry;
            }
        }

        Skip.If(entry.Accelerator is null, $"{config}: {entry.Why}");
        return entry.Accelerator!;
    }

    private static (IAccelerator?, string?) Create(string config)
    {
        var kind = config.StartsWith("opencl", StringComparison.Ordinal) ? BackendKind.OpenCl : config.StartsWith("cuda", StringComparison.Ordinal) ? BackendKind.Cuda : BackendKind.Cpu;
        if (AcceleratorCatalog.Unavailable(kind) is { } why)
        {
            return (null, why);
        }

        var precision = config.EndsWith("single", StringComparison.Ordinal) ? Precision.Single : Precision.Double;
        if (kind == BackendKind.OpenCl && precision == Precision.Double && !OpenCl.OpenClPlatform.Devices()[0].Info.DoublePrecision)
        {
            return (null, "the OpenCL device has no double precision");
        }

        var spec = kind switch { BackendKind.Cpu => "cpu", BackendKind.OpenCl => "opencl:0", _ => "cuda:0" };
        return (AcceleratorCatalog.Open(spec, kind == BackendKind.Cpu ? null : precision, out _), null);
    }
}
