using Neuromorph.Compute;

namespace Neuromorph.Optimization.Registry;

/// <summary>What a spin solver runs on besides the CPU's exact arithmetic.</summary>
/// <param name="Hardware">Crossbar hardware computing the couplings (the Hopfield machine sees its field ADC and read noise), or null.</param>
/// <param name="Accelerator">Compute device for the restarts (solvers with an accelerated path only), or null.</param>
public sealed record SolverPlatform(HardwareIsing? Hardware = null, IAccelerator? Accelerator = null)
{
    /// <summary>The CPU with exact couplings.</summary>
    public static SolverPlatform Cpu { get; } = new();
}
