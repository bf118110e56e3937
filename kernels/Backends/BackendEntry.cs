using Neuromorph.Compute;

namespace Neuromorph.Kernels.Backends;

/// <summary>One device as <c>neuromorph backends</c> lists it.</summary>
/// <param name="Spec">What to pass to <c>--backend</c>: cpu, ilgpu-cpu, opencl:N, cuda:N.</param>
/// <param name="Info">The device.</param>
/// <param name="Unusable">Why the device cannot run the kernels, or null when it can.</param>
public sealed record BackendEntry(string Spec, DeviceInfo Info, string? Unusable = null);
