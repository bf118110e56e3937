using Neuromorph.Circuits.Analyses;

namespace Neuromorph.Circuits.Simulation;

/// <summary>One run of an analysis at one <c>.step</c> combination (empty for an unstepped deck).</summary>
public sealed record StepRun(IReadOnlyDictionary<string, double> Step, AnalysisResult Result);
