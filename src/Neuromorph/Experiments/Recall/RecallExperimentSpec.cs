using Neuromorph.Crossbars;
using Neuromorph.Networks;

namespace Neuromorph.Experiments.Recall;

/// <summary>A <c>kind: recall</c> file as read: the recall sweep and, when given, the crossbar the weights are programmed on.</summary>
/// <param name="Recall">Network, loads, probe noise, probes, update rule and seed.</param>
/// <param name="Substrate">The <c>substrate:</c> section, or null for ideal weights.</param>
public sealed record RecallExperimentSpec(RecallSpec Recall, CrossbarSubstrateSpec? Substrate);
