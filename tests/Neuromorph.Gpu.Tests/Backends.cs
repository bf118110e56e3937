using Neuromorph.Compute;
using Neuromorph.Kernels.Backends;

namespace Neuromorph.Gpu.Tests;

/// <summary>
/// The configurations every kernel test runs on: the managed CPU path; ILGPU's CPU accelerator in double and single
/// precision (present everywhere: these never skip); CUDA and OpenCL in both precisions where a usable device exists
/// (skipped with the reason otherwise).
/// </summary>
public static class Backends
{
    private static readonly Dictionary<string, (IAccelerator? Accelerator, string? Why)> Cache = [];
    private static readonly Lock CacheLock = new();

    /// <summary>Theory data: one row per configuration.</summary>
    public static TheoryData<string> All => ["cpu", "ilgpu-cpu-double", "ilgpu-cpu-single", "cuda-double", "cuda-single", "opencl-double", "opencl-single"];

    /// <summary>The configurations that run ILGPU kernels (for tests of the ILGPU runtime itself).</summary>
    public static TheoryData<string> Ilgpu => ["ilgpu-cpu-double", "ilgpu-cpu-single", "cuda-double", "cuda-single", "opencl-double", "opencl-single"];

    /// <summary>Relative norm tolerance for a configuration: 1e-5 in single precision, 1e-12 in double.</summary>
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
        if (config == "cpu")
        {
            return (AcceleratorCatalog.CreateCpu(), null);
        }

        var precision = config.EndsWith("single", StringComparison.Ordinal) ? Precision.Single : Precision.Double;
        var name = config[..config.LastIndexOf('-')];
        var kind = name switch { "cuda" => BackendKind.Cuda, "opencl" => BackendKind.OpenCl, _ => BackendKind.IlgpuCpu };
        if (AcceleratorCatalog.Unavailable(kind) is { } why)
        {
            return (null, why);
        }

        var spec = kind switch
        {
            BackendKind.Cuda => "cuda:" + Usable(AcceleratorCatalog.List(), "cuda:"),
            BackendKind.OpenCl => "opencl:" + Usable(AcceleratorCatalog.List(), "opencl:"),
            _ => "ilgpu-cpu",
        };
        var device = AcceleratorCatalog.List().First(e => e.Spec == spec).Info;
        if (precision == Precision.Double && !device.DoublePrecision)
        {
            return (null, $"{device.Name} has no double precision");
        }

        return (AcceleratorCatalog.Open(spec, precision, out _), null);
    }

    private static int Usable(IReadOnlyList<BackendEntry> list, string prefix) =>
        list.Where(e => e.Spec.StartsWith(prefix, StringComparison.Ordinal)).Select((e, i) => (e, i)).First(x => x.e.Unusable is null).i;
}
