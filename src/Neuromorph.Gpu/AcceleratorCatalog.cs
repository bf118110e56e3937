using Neuromorph.Compute;
using Neuromorph.Diagnostics;
using Neuromorph.Gpu.Cuda;
using Neuromorph.Gpu.OpenCl;

namespace Neuromorph.Gpu;

/// <summary>One device as <c>neuromorph backends</c> lists it, with the name <c>--backend</c> accepts.</summary>
/// <param name="Spec">What to pass to <c>--backend</c>: cpu, opencl:N, cuda:N.</param>
/// <param name="Info">The device.</param>
public sealed record BackendEntry(string Spec, DeviceInfo Info);

/// <summary>
/// Resolves <c>--backend cpu|opencl[:N]|cuda[:N]|auto</c> to an accelerator. <c>auto</c> picks CUDA, then an OpenCL
/// GPU, then the CPU, and says which; a backend the user names but this machine lacks is an input error (exit 2),
/// never a silent fallback.
/// </summary>
public static class AcceleratorCatalog
{
    /// <summary>The names <c>--backend</c> accepts (device indices may follow opencl and cuda after a colon).</summary>
    public static IReadOnlyList<string> Names { get; } = ["auto", "cpu", "opencl", "cuda"];

    /// <summary>Every usable device, CPU first.</summary>
    public static IReadOnlyList<BackendEntry> List()
    {
        var list = new List<BackendEntry> { new("cpu", CpuAccelerator.HostDevice) };
        list.AddRange(OpenClPlatform.Devices().Select((d, i) => new BackendEntry($"opencl:{i}", d.Info)));
        list.AddRange(CudaPlatform.Devices().Select((d, i) => new BackendEntry($"cuda:{i}", d)));
        return list;
    }

    /// <summary>Why a backend is missing: null when present.</summary>
    public static string? Unavailable(BackendKind kind) => kind switch
    {
        BackendKind.Cpu => null,
        BackendKind.OpenCl => OpenClPlatform.Unavailable ?? (OpenClPlatform.Devices().Count == 0 ? "no OpenCL platform or device found (install pocl-opencl-icd or a GPU driver's ICD)" : null),
        _ => CudaPlatform.Unavailable,
    };

    /// <summary>
    /// Opens the accelerator named by <paramref name="spec"/>. <paramref name="precision"/> null means the device's
    /// default: single on GPUs, double on CPUs (including OpenCL CPU devices that support it).
    /// </summary>
    /// <param name="spec">cpu, opencl, opencl:N, cuda, cuda:N or auto.</param>
    /// <param name="precision">Requested precision, or null for the default.</param>
    /// <param name="choice">For auto: a sentence saying what was picked and why.</param>
    public static IAccelerator Open(string spec, Precision? precision, out string choice)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var (name, index) = Parse(spec);
        switch (name)
        {
            case "cpu":
                if (precision == Precision.Single)
                {
                    throw new UserInputException("the CPU backend computes in double precision only", "drop --precision or use --precision double");
                }

                choice = "cpu backend";
                return new CpuAccelerator();
            case "opencl":
                {
                    Require(BackendKind.OpenCl, spec);
                    var devices = OpenClPlatform.Devices();
                    if (index >= devices.Count)
                    {
                        throw new UserInputException($"OpenCL device {index} does not exist: {devices.Count} found", "run 'neuromorph backends' to list them");
                    }

                    var info = devices[index].Info;
                    choice = $"opencl:{index} ({info.Name})";
                    return OpenClPlatform.Open(index, precision ?? Default(info));
                }

            case "cuda":
                {
                    Require(BackendKind.Cuda, spec);
                    var devices = CudaPlatform.Devices();
                    if (index >= devices.Count)
                    {
                        throw new UserInputException($"CUDA device {index} does not exist: {devices.Count} found", "run 'neuromorph backends' to list them");
                    }

                    choice = $"cuda:{index} ({devices[index].Name})";
                    return CudaPlatform.Open(index, precision ?? Precision.Single);
                }

            default:
                if (Unavailable(BackendKind.Cuda) is null)
                {
                    var acc = Open("cuda:0", precision, out var c);
                    choice = $"auto: picked {c}";
                    return acc;
                }

                if (Unavailable(BackendKind.OpenCl) is null)
                {
                    var gpu = OpenClPlatform.Devices().Select((d, i) => (d.Info, i)).FirstOrDefault(d => d.Info.IsGpu);
                    if (gpu.Info is not null)
                    {
                        var acc = Open($"opencl:{gpu.i}", precision, out var c);
                        choice = $"auto: picked {c} (no CUDA device)";
                        return acc;
                    }
                }

                choice = "auto: picked cpu (no CUDA device and no OpenCL GPU)";
                return Open("cpu", precision == Precision.Single ? null : precision, out _);
        }
    }

    /// <summary>Parses a spec, throwing a located-free input error with a did-you-mean hint when it is unknown.</summary>
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
        if (parts.Length == 2 && (name is "cpu" or "auto" || !int.TryParse(parts[1], out index) || index < 0))
        {
            throw new UserInputException($"bad backend '{spec}'", "a device index may follow opencl or cuda, e.g. opencl:0");
        }

        return (name, index);
    }

    private static void Require(BackendKind kind, string spec)
    {
        if (Unavailable(kind) is { } why)
        {
            throw new UserInputException($"backend '{spec}' is not available on this machine: {why}", "run 'neuromorph backends' to see what is, or use --backend cpu");
        }
    }

    private static Precision Default(DeviceInfo info) => !info.IsGpu && info.DoublePrecision ? Precision.Double : Precision.Single;
}
