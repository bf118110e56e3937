using Neuromorph.Dynamics;

namespace Neuromorph.Experiments.Ctd;

/// <summary>A <c>kind: ctd</c> file as read: the network and its integration, and which states trajectory.csv shows.</summary>
/// <param name="Run">The CTD network, parameters, integration and optional QUBO search.</param>
/// <param name="ShownStates">Indices of the memristors whose states get a column of their own in trajectory.csv.</param>
public sealed record CtdExperimentSpec(CtdRunSpec Run, int[] ShownStates);
