namespace Neuromorph.Numerics.Ode;

/// <summary>How a batched transient integrates each lane.</summary>
public enum LaneIntegrator
{
    /// <summary>One classical fourth-order Runge–Kutta step per sample interval: fast, but unstable when the device is stiffer than the grid (a fast switching front with a steep window).</summary>
    RungeKutta4 = 0,

    /// <summary>
    /// Adaptive, L-stable Rosenbrock 2(3) (Shampine and Reichelt's ode23s) with the lane's analytic Jacobian: steps as
    /// long as the sample interval where the state is slow, as short as the error control needs on switching fronts.
    /// </summary>
    Rosenbrock23 = 1,
}

/// <summary>
/// The sampling of a batched transient: samples at t_k = <paramref name="Stop"/> k / <paramref name="Steps"/>, k = 0..Steps,
/// integrated between samples by <paramref name="Integrator"/> (split at the lane's breakpoints). With
/// <see cref="LaneIntegrator.Rosenbrock23"/> every accepted internal step is a sample for the probes as well, and the
/// local error per step is kept below <paramref name="RelativeTolerance"/> × (|x| + the lane's state scale).
/// </summary>
/// <param name="Stop">End time in seconds.</param>
/// <param name="Steps">Number of sample intervals (the longest step).</param>
/// <param name="Integrator">The integration method.</param>
/// <param name="RelativeTolerance">Relative tolerance of the adaptive method.</param>
public readonly record struct TransientGrid(double Stop, int Steps, LaneIntegrator Integrator = LaneIntegrator.RungeKutta4, double RelativeTolerance = 1e-6)
{
    /// <summary>Time of sample <paramref name="k"/>.</summary>
    public double Time(int k) => Stop * k / Steps;
}
