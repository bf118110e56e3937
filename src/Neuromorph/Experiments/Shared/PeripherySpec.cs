using Neuromorph.Crossbars;

namespace Neuromorph.Experiments.Shared;

/// <summary>The digital periphery of crossbar-held weights (<see cref="NoiseManagedSubstrate"/>).</summary>
public sealed record PeripherySpec(bool InputScaling = true, bool DriftCompensation = false);
