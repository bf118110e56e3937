using Neuromorph.Diagnostics;
using Neuromorph.Networks.Spiking;
using Neuromorph.Networks.Tasks;

namespace Neuromorph.Experiments.Lsm;

/// <summary>A liquid-state-machine run (<c>kind: lsm</c>): the liquid, the series task, and the ridge readout.</summary>
public sealed record LsmSpec
{
    /// <summary>The liquid (neurons, synapses, input coding, readout features).</summary>
    public required LiquidSpec Liquid { get; init; }

    /// <summary>The data (series tasks).</summary>
    public required TaskSpec Task { get; init; }

    /// <summary>Ridge parameter λ (when <see cref="RidgeCandidates"/> is null).</summary>
    public double Ridge { get; init; } = 1;

    /// <summary>
    /// λ values to choose from on a validation part (the last 20 % of the training steps), the readout then refitted on
    /// all training steps with the best; null: <see cref="Ridge"/> as given.
    /// </summary>
    public IReadOnlyList<double>? RidgeCandidates { get; init; }

    /// <summary>The λ grid of <c>ridge: auto</c>: 10⁻⁶ to 10² by decades.</summary>
    public static IReadOnlyList<double> AutoRidge { get; } = [1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1, 10, 100];

    /// <summary>Input steps driven before the readout is fitted.</summary>
    public int Washout { get; init; } = 100;

    /// <summary>Where the washout is given, for errors about it.</summary>
    public SourceLocation WashoutLocation { get; init; } = SourceLocation.None;

    /// <summary>Whether u_t is a readout feature.</summary>
    public bool IncludeInput { get; init; } = true;

    /// <summary>Whether STDP (when configured) stays on after the washout; by default it shapes the liquid during the washout only and the readout sees frozen synapses.</summary>
    public bool StdpAfterWashout { get; init; }

    /// <summary>Test steps shown in the spike raster (and written to spikes.csv).</summary>
    public int RasterSteps { get; init; } = 30;

    /// <summary>Seed.</summary>
    public ulong Seed { get; init; } = 1;
}
