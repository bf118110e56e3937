using Neuromorph.Compute;

namespace Neuromorph.Kernels.Backends;

/// <summary>
/// One backend <c>--backend</c> can name, as <see cref="AcceleratorCatalog"/> loops over them: its name and kind, how it
/// finds its devices and says why it cannot run here, the precisions it computes in and its default, how it opens a
/// device, and where <c>auto</c> tries it. Each backend's folder defines its own (e.g. <c>CudaBackend.Definition</c>).
/// </summary>
public sealed class BackendDefinition
{
    /// <summary>What <c>--backend</c> takes: cpu, ilgpu-cpu, opencl, cuda.</summary>
    public required string Name { get; init; }

    /// <summary>The kind of its devices.</summary>
    public required BackendKind Kind { get; init; }

    /// <summary>What messages call its devices ("CUDA device 2 does not exist"); the name when not set.</summary>
    public string? Family { get; init; }

    /// <summary>
    /// Whether a device index follows the name (opencl:N, cuda:N). A backend without one has one device, listed and
    /// opened by the name alone.
    /// </summary>
    public bool Indexed { get; init; }

    /// <summary>What opening a backend without a device index says after its name, e.g. "managed, SIMD on all cores".</summary>
    public string? Summary { get; init; }

    /// <summary>Every device the backend finds, with the reason one cannot run the kernels (null when it can).</summary>
    public required Func<IReadOnlyList<(DeviceInfo Info, string? Unusable)>> Devices { get; init; }

    /// <summary>Why the backend cannot run on this machine, or null when it can (the default: always can).</summary>
    public Func<string?> Unavailable { get; init; } = () => null;

    /// <summary>The precisions it computes in (default: single and double).</summary>
    public IReadOnlyList<Precision> Precisions { get; init; } = [Precision.Single, Precision.Double];

    /// <summary>The hint of the input error for a precision it does not compute in.</summary>
    public string? PrecisionHint { get; init; }

    /// <summary>The precision a device computes in when none is asked for.</summary>
    public required Func<DeviceInfo, Precision> DefaultPrecision { get; init; }

    /// <summary>Opens device number i (as listed, usable) in a precision it computes in.</summary>
    public required Func<int, DeviceInfo, Precision, IAccelerator> Open { get; init; }

    /// <summary>Where <c>auto</c> tries the backend, lowest first; null: <c>auto</c> never picks it.</summary>
    public int? AutoOrder { get; init; }

    /// <summary>Which usable devices <c>auto</c> may pick (default: any).</summary>
    public Func<DeviceInfo, bool> AutoPicks { get; init; } = _ => true;

    /// <summary>What <c>auto</c> says when it passed the backend over, e.g. "no usable CUDA device".</summary>
    public string? AutoPassedOver { get; init; }
}
