using Neuromorph.Networks.Continuous;

namespace Neuromorph.Experiments.Continuous;

/// <summary>A <c>kind: ctrnn</c> file as read: the network, its initial state and the integration settings.</summary>
/// <param name="Network">Weights, biases, time constants, inputs and gains.</param>
/// <param name="Initial">Initial state y(0) (not changed by a run).</param>
/// <param name="Duration">Integration time.</param>
/// <param name="RelativeTolerance">Relative tolerance of the adaptive integrator.</param>
/// <param name="MaxStep">Largest step the integrator may take.</param>
public sealed record CtrnnExperimentSpec(Ctrnn Network, double[] Initial, double Duration, double RelativeTolerance, double MaxStep);
