using Neuromorph.Compute;
using Neuromorph.Kernels.Backends;

namespace Neuromorph.Gpu.Tests;

/// <summary>
/// The configurations every kernel test runs on, one per backend of <see cref="AcceleratorCatalog.All"/> and precision:
/// the managed CPU path; ILGPU's CPU accelerator in double and single precision (present everywhere: these never skip);
/// OpenCL and CUDA in both precisions where a usable device exists (skipped with the reason otherwise).
/// </summary>
public static class Backends
{
    private static readonly Dictionary<string, (IAccelerator? Accelerator, string? Why)> Cache = [];
    private static readonly Lock CacheLock = new();

    /// <summary>Theory data: one row per configuration (cpu, then every other backend of the catalog in double and single precision).</summary>
    public static TheoryData<string> All => [.. Configurations()];

    /// <summary>The configurations that run ILGPU kernels (for tests of the ILGPU runtime itself).</summary>
    public static TheoryData<string> Ilgpu => [.. Configurations().Where(c => c != "cpu")];

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
        var backend = AcceleratorCatalog.All.First(b => b.Name == name);
        if (backend.Unavailable() is { } why)
        {
            return (null, why);
        }

        var spec = backend.Indexed ? $"{name}:{Usable(AcceleratorCatalog.List(), name + ":")}" : name;
        var device = AcceleratorCatalog.List().First(e => e.Spec == spec).Info;
        if (precision == Precision.Double && !device.DoublePrecision)
        {
            return (null, $"{device.Name} has no double precision");
        }

        return (AcceleratorCatalog.Open(spec, precision, out _), null);
    }

    private static int Usable(IReadOnlyList<BackendEntry> list, string prefix) =>
        list.Where(e => e.Spec.StartsWith(prefix, StringComparison.Ordinal)).Select((e, i) => (e, i)).First(x => x.e.Unusable is null).i;

    /// <summary>"cpu", then name-double and name-single for every other backend of the catalog that computes in them.</summary>
    private static IEnumerable<string> Configurations() =>
        ["cpu", .. AcceleratorCatalog.All.Where(b => b.Kind != BackendKind.Cpu)
            .SelectMany(b => new[] { Precision.Double, Precision.Single }.Where(b.Precisions.Contains).Select(p => $"{b.Name}-{p.ToString().ToLowerInvariant()}"))];
}
