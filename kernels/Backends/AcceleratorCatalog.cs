using Neuromorph.Compute;
using Neuromorph.Compute.Cpu;
using Neuromorph.Crossbars;
using Neuromorph.Diagnostics;
using Neuromorph.Kernels.Backends.Cpu;
using Neuromorph.Kernels.Backends.Cuda;
using Neuromorph.Kernels.Backends.IlgpuCpu;
using Neuromorph.Kernels.Backends.OpenCl;
using Neuromorph.Kernels.Runtime;
using Neuromorph.Numerics;

namespace Neuromorph.Kernels.Backends;

/// <summary>
/// Resolves <c>--backend cpu|ilgpu-cpu|opencl[:N]|cuda[:N]|auto</c> to an accelerator by looping over the backends
/// (<see cref="All"/>, one <see cref="BackendDefinition"/> each). <c>cpu</c> is the managed path (the default
/// everywhere); <c>cuda</c>, <c>opencl</c> and <c>ilgpu-cpu</c> run the ILGPU kernels. <c>auto</c> picks CUDA, then an
/// OpenCL GPU ILGPU can use, then <c>cpu</c> (each backend's <see cref="BackendDefinition.AutoOrder"/>), and says which.
/// A backend the user names but this machine lacks is an input error (exit 2), never a silent fallback.
/// </summary>
public static class AcceleratorCatalog
{
    /// <summary>The backends, in the order <c>neuromorph backends</c> lists them.</summary>
    public static IReadOnlyList<BackendDefinition> All { get; } =
    [
        CpuBackend.Definition,
        IlgpuCpuBackend.Definition,
        OpenClBackend.Definition,
        CudaBackend.Definition,
    ];

    /// <summary>The names <c>--backend</c> accepts (a device index may follow opencl and cuda after a colon).</summary>
    public static IReadOnlyList<string> Names { get; } = ["auto", .. All.Select(b => b.Name)];

    /// <summary>The managed CPU path with the crossbar periphery's quantiser.</summary>
    public static CpuAccelerator CreateCpu() => new(DataConverter.Quantize);

    /// <summary>Every device ILGPU or the host reports, usable or not (<see cref="BackendEntry.Unusable"/> says why not), CPU first.</summary>
    public static IReadOnlyList<BackendEntry> List() =>
        [.. All.SelectMany(b => b.Devices().Select((d, i) => new BackendEntry(b.Indexed ? $"{b.Name}:{i}" : b.Name, d.Info, d.Unusable)))];

    /// <summary>Why a backend cannot run here: null when it can.</summary>
    public static string? Unavailable(BackendKind kind) => All.First(b => b.Kind == kind).Unavailable();

    /// <summary>
    /// Opens the accelerator named by <paramref name="spec"/>. <paramref name="precision"/> null means the device's
    /// default: single on GPUs, double on CPUs (the managed path and ILGPU's CPU accelerator).
    /// </summary>
    /// <param name="spec">cpu, ilgpu-cpu, opencl[:N], cuda[:N] or auto.</param>
    /// <param name="precision">Requested precision, or null for the default.</param>
    /// <param name="choice">A sentence saying what was opened (and, for auto, why).</param>
    public static IAccelerator Open(string spec, Precision? precision, out string choice)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var (name, index) = Parse(spec);
        return name == "auto" ? OpenAuto(precision, out choice) : Open(Definition(name), index, spec, precision, out choice);
    }

    /// <summary>Parses a spec, throwing an input error with a did-you-mean hint when it is unknown.</summary>
    public static (string Name, int Index) Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var parts = spec.Trim().ToLowerInvariant().Split(':', 2);
        var name = parts[0];
        if (!Names.Contains(name))
        {
            throw new UserInputException($"unknown backend '{spec}'", Suggestions.Hint(name, [.. Names]));
        }

        var index = 0;
        if (parts.Length == 2 && (name == "auto" || !Definition(name).Indexed || !int.TryParse(parts[1], out index) || index < 0))
        {
            throw new UserInputException($"bad backend '{spec}'", "a device index may follow opencl or cuda, e.g. cuda:0");
        }

        return (name, index);
    }

    private static BackendDefinition Definition(string name) => All.First(b => b.Name == name);

    private static IAccelerator Open(BackendDefinition backend, int index, string spec, Precision? precision, out string choice)
    {
        if (precision is { } wanted && !backend.Precisions.Contains(wanted))
        {
            var precisions = string.Join(" and ", backend.Precisions.Select(p => p.ToString().ToLowerInvariant()));
            throw new UserInputException($"the {backend.Name} backend computes in {precisions} precision only", backend.PrecisionHint);
        }

        if (backend.Unavailable() is { } why)
        {
            throw new UserInputException($"backend '{spec}' is not available on this machine: {why}", "run 'neuromorph backends' to see what is, or use --backend cpu");
        }

        var device = Pick(backend, index, spec);
        choice = backend.Indexed ? $"{backend.Name}:{index} ({device.Name})" : $"{backend.Name} ({backend.Summary})";
        return backend.Open(index, device, precision ?? backend.DefaultPrecision(device));
    }

    /// <summary>
    /// The first backend in <see cref="BackendDefinition.AutoOrder"/> that is available and has a usable device it may
    /// pick; a precision it does not compute in falls back to its default. The choice names the device (or, for a
    /// backend without device index, the backend) and what was passed over.
    /// </summary>
    private static IAccelerator OpenAuto(Precision? precision, out string choice)
    {
        var passedOver = new List<string>();
        foreach (var backend in All.Where(b => b.AutoOrder is not null).OrderBy(b => b.AutoOrder))
        {
            var devices = backend.Unavailable() is null ? backend.Devices() : [];
            var index = devices.Select((d, i) => (d, i)).FirstOrDefault(x => x.d.Unusable is null && backend.AutoPicks(x.d.Info), (default, -1)).i;
            if (index >= 0)
            {
                var wanted = precision is { } p && !backend.Precisions.Contains(p) ? null : precision;
                var accelerator = Open(backend, index, backend.Indexed ? $"{backend.Name}:{index}" : backend.Name, wanted, out var opened);
                var picked = backend.Indexed ? opened : backend.Name;
                choice = passedOver.Count == 0 ? $"auto: picked {picked}" : $"auto: picked {picked} ({string.Join(" and ", passedOver)})";
                return accelerator;
            }

            if (backend.AutoPassedOver is { } said)
            {
                passedOver.Add(said);
            }
        }

        throw new InvalidOperationException("auto found no backend to pick (the managed cpu backend always should be)");
    }

    private static DeviceInfo Pick(BackendDefinition backend, int index, string spec)
    {
        var devices = backend.Devices();
        if (index >= devices.Count)
        {
            throw new UserInputException($"{backend.Family ?? backend.Name} device {index} does not exist: {devices.Count} found", "run 'neuromorph backends' to list them");
        }

        var (info, unusable) = devices[index];
        return unusable is null
            ? info
            : throw new UserInputException($"backend '{spec}' ({info.Name}) cannot run the kernels: {unusable}", "run 'neuromorph backends' to see which devices can, or use --backend cpu");
    }
}
