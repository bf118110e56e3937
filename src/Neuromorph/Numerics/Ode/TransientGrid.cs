namespace Neuromorph.Numerics.Ode;

/// <summary>
/// The sampling of a batched transient: samples at t_k = <paramref name="Stop"/> k / <paramref name="Steps"/>, k = 0..Steps,
/// one classical Runge–Kutta step between samples (split at the lane's breakpoints).
/// </summary>
/// <param name="Stop">End time in seconds.</param>
/// <param name="Steps">Number of steps (samples after t = 0).</param>
public readonly record struct TransientGrid(double Stop, int Steps)
{
    /// <summary>Time of sample <paramref name="k"/>.</summary>
    public double Time(int k) => Stop * k / Steps;
}
