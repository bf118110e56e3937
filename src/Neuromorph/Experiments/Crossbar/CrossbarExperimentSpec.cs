using Neuromorph.Crossbars;
using Neuromorph.Diagnostics;

namespace Neuromorph.Experiments.Crossbar;

/// <summary>A <c>kind: crossbar</c> file as read: the array and its reads, and where a clipping warning points.</summary>
/// <param name="Crossbar">The array, mapping, non-idealities and input vectors.</param>
/// <param name="ClippingLocation">The <c>w_max</c> key (or the weights) in the file, where weights clipped to ±w_max are reported.</param>
public sealed record CrossbarExperimentSpec(CrossbarSpec Crossbar, SourceLocation ClippingLocation);
