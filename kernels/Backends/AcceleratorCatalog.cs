using ILGPU;
using ILGPU.Runtime;
using Neuromorph.Compute;
using Neuromorph.Compute.Cpu;
using Neuromorph.Crossbars;
using Neuromorph.Diagnostics;
using Neuromorph.Kernels.Backends.Cuda;
using Neuromorph.Kernels.Backends.IlgpuCpu;
using Neuromorph.Kernels.Backends.OpenCl;
using Neuromorph.Kernels.Runtime;
using Neuromorph.Numerics;

namespace Neuromorph.Kernels.Backends;

/// <summary>
/// Resolves <c>--backend cpu|ilgpu-cpu|opencl[:N]|cuda[:N]|auto</c> to an accelerator. <c>cpu</c> is the managed path
/// (the default everywhere); <c>cuda</c>, <c>opencl</c> and <c>ilgpu-cpu</c> run the ILGPU kernels. <c>auto</c> picks
/// CUDA, then an OpenCL GPU ILGPU can use, then <c>cpu</c>, and says which. A backend the user names but this machine
/// lacks is an input error (exit 2), never a silent fallback.
/// </summary>
public static class AcceleratorCatalog
{
    /// <summary>The names <c>--backend</c> accepts (a device index may follow opencl and cuda after a colon).</summary>
    public static IReadOnlyList<string> Names { get; } = ["auto", "cpu", "ilgpu-cpu", "opencl", "cuda"];

    /// <summary>The managed CPU path with the crossbar periphery's quantiser.</summary>
    public static CpuAccelerator CreateCpu() => new(DataConverter.Quantize);

    /// <summary>Every device ILGPU or the host reports, usable or not (<see cref="BackendEntry.Unusable"/> says why not), CPU first.</summary>
    public static IReadOnlyList<BackendEntry> List()
    {
        var list = new List<BackendEntry> { new("cpu", CpuAccelerator.HostDevice), new("ilgpu-cpu", IlgpuCpuBackend.Info) };
        list.AddRange(OpenClBackend.Devices().Select((d, i) => new BackendEntry($"opencl:{i}", d.Info, d.Unusable)));
        list.AddRange(CudaBackend.Devices().Select((d, i) => new BackendEntry($"cuda:{i}", d.Info, d.Unusable)));
        return list;
    }

    /// <summary>Why a backend cannot run here: null when it can.</summary>
    public static string? Unavailable(BackendKind kind) => kind switch
    {
        BackendKind.Cpu or BackendKind.IlgpuCpu => null,
        BackendKind.OpenCl => OpenClBackend.Unavailable(),
        _ => CudaBackend.Unavailable(),
    };

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
        switch (name)
        {
            case "cpu":
                if (precision == Precision.Single)
                {
                    throw new UserInputException("the cpu backend computes in double precision only", "drop --precision, or use --backend ilgpu-cpu to run the single-precision kernels on the host");
                }

                choice = "cpu (managed, SIMD on all cores)";
                return CreateCpu();
            case "ilgpu-cpu":
                choice = "ilgpu-cpu (ILGPU's CPU accelerator running the GPU kernels; slow, for tests and dry runs)";
                return Create(IlgpuCpuBackend.CreateContext(), 0, IlgpuCpuBackend.Info, precision ?? Precision.Double, (_, _) => IlgpuCpuBackend.Info);
            case "opencl":
                {
                    Require(BackendKind.OpenCl, spec);
                    var entry = Pick(OpenClBackend.Devices(), index, "OpenCL", spec);
                    choice = $"opencl:{index} ({entry.Name})";
                    return Create(OpenClBackend.CreateContext(), index, entry, precision ?? (entry.IsGpu ? Precision.Single : Precision.Double), (d, _) => OpenClBackend.Describe((ILGPU.Runtime.OpenCL.CLDevice)d));
                }

            case "cuda":
                {
                    Require(BackendKind.Cuda, spec);
                    var entry = Pick(CudaBackend.Devices(), index, "CUDA", spec);
                    choice = $"cuda:{index} ({entry.Name})";
                    return Create(CudaBackend.CreateContext(), index, entry, precision ?? Precision.Single, (d, _) => CudaBackend.Describe((ILGPU.Runtime.Cuda.CudaDevice)d));
                }

            default:
                if (Unavailable(BackendKind.Cuda) is null && CudaBackend.Devices().Any(d => d.Unusable is null))
                {
                    var cuda = CudaBackend.Devices().Select((d, i) => (d, i)).First(d => d.d.Unusable is null).i;
                    var acc = Open($"cuda:{cuda}", precision, out var c);
                    choice = $"auto: picked {c}";
                    return acc;
                }

                var gpu = OpenClBackend.Devices().Select((d, i) => (d, i)).FirstOrDefault(d => d.d.Unusable is null && d.d.Info.IsGpu);
                if (gpu.d.Info is not null)
                {
                    var acc = Open($"opencl:{gpu.i}", precision, out var c);
                    choice = $"auto: picked {c} (no usable CUDA device)";
                    return acc;
                }

                choice = "auto: picked cpu (no usable CUDA device and no OpenCL GPU ILGPU can use)";
                return Open("cpu", precision == Precision.Single ? null : precision, out _);
        }
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
        if (parts.Length == 2 && (name is "cpu" or "auto" or "ilgpu-cpu" || !int.TryParse(parts[1], out index) || index < 0))
        {
            throw new UserInputException($"bad backend '{spec}'", "a device index may follow opencl or cuda, e.g. cuda:0");
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

    private static DeviceInfo Pick(IReadOnlyList<(DeviceInfo Info, string? Unusable)> devices, int index, string what, string spec)
    {
        if (index >= devices.Count)
        {
            throw new UserInputException($"{what} device {index} does not exist: {devices.Count} found", "run 'neuromorph backends' to list them");
        }

        var (info, unusable) = devices[index];
        return unusable is null
            ? info
            : throw new UserInputException($"backend '{spec}' ({info.Name}) cannot run the kernels: {unusable}", "run 'neuromorph backends' to see which devices can, or use --backend cpu");
    }

    /// <summary>Creates the accelerator on device <paramref name="index"/> of <paramref name="context"/>; the context is owned by it (or disposed on failure).</summary>
    private static IAccelerator Create(Context context, int index, DeviceInfo info, Precision precision, Func<Device, int, DeviceInfo> describe)
    {
        try
        {
            if (precision == Precision.Double && !info.DoublePrecision)
            {
                throw new UserInputException($"{info.Name} has no double precision", "use --precision single");
            }

            var device = context.Devices.Where(d => d.AcceleratorType == Type(info.Backend)).ElementAt(index);
            var described = describe(device, index);
            var native = Failures.Guard(described, "opening the device", () => device.CreateAccelerator(context));
            return precision == Precision.Double
                ? new IlgpuAccelerator<double, Fp64>(context, native, described)
                : new IlgpuAccelerator<float, Fp32>(context, native, described);
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }

    private static AcceleratorType Type(BackendKind kind) => kind switch
    {
        BackendKind.Cuda => AcceleratorType.Cuda,
        BackendKind.OpenCl => AcceleratorType.OpenCL,
        _ => AcceleratorType.CPU,
    };
}
