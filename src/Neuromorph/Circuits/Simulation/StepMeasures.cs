using Neuromorph.Circuits.Analyses;

namespace Neuromorph.Circuits.Simulation;

/// <summary>The measurements of one run.</summary>
public sealed record StepMeasures(IReadOnlyDictionary<string, double> Step, IReadOnlyList<MeasureResult> Values);
