using Neuromorph.Crossbars;
using Neuromorph.Experiments.Shared;

namespace Neuromorph.Experiments.Ntm;

/// <summary>
/// The <c>crossbar_study:</c> section of <c>kind: ntm</c>: every weight matrix of the trained NTM programmed on crossbars
/// of <see cref="Substrate"/> with each device variability σ_G of <see cref="Variability"/> (replacing the substrate's
/// own), <see cref="Repeats"/> independently programmed arrays per value, each scored on the copy task at
/// <see cref="Lengths"/> with each memory read noise of <see cref="ReadNoise"/> on content addressing.
/// </summary>
public sealed record NtmCrossbarStudySpec
{
    /// <summary>The crossbars the weights are programmed on (its variability is replaced by each grid value).</summary>
    public required CrossbarSubstrateSpec Substrate { get; init; }

    /// <summary>The periphery around each array (input scaling, drift compensation).</summary>
    public PeripherySpec Periphery { get; init; } = new();

    /// <summary>Relative device-to-device conductance spreads σ_G, increasing.</summary>
    public required IReadOnlyList<double> Variability { get; init; }

    /// <summary>Standard deviations of the noise on content addressing's cosine similarities, increasing.</summary>
    public required IReadOnlyList<double> ReadNoise { get; init; }

    /// <summary>Independently programmed sets of arrays per variability.</summary>
    public int Repeats { get; init; } = 5;

    /// <summary>Copy lengths scored.</summary>
    public required IReadOnlyList<int> Lengths { get; init; }

    /// <summary>Held-out sequences per length, grid point and repeat.</summary>
    public int Sequences { get; init; } = 100;
}
