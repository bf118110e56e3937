namespace Neuromorph.Optimization.Memcomputing;

/// <summary>
/// The constants of one forward-Euler step of the memory-augmented Ising machine as a kernel argument
/// (<see cref="MemoryIsingKernels"/>): the machine's parameters (<see cref="MemoryIsingParameters"/>), the coupling
/// scale s of ω = −K/s, and the energy offset of the extended model.
/// </summary>
/// <param name="Dt">Step Δt.</param>
/// <param name="Gain">Linear gain r.</param>
/// <param name="Coupling">Coupling strength β.</param>
/// <param name="MemoryRate">Memory rate ξ.</param>
/// <param name="AmplitudeMax">Amplitude bound x_max.</param>
/// <param name="MemoryMax">Memory bound e_max.</param>
/// <param name="TargetAmplitude">Base target amplitude α.</param>
/// <param name="AmplitudeFeedback">Amplitude feedback ρ.</param>
/// <param name="EnergySensitivity">Energy sensitivity δ.</param>
/// <param name="Scale">Coupling scale s.</param>
/// <param name="Offset">Energy offset of the extended model.</param>
public readonly record struct MemoryIsingStep(
    double Dt, double Gain, double Coupling, double MemoryRate, double AmplitudeMax, double MemoryMax,
    double TargetAmplitude, double AmplitudeFeedback, double EnergySensitivity, double Scale, double Offset)
{
    /// <summary>Reals of per-slot state: read-out energy, lowest energy (E_best), target amplitude a, energy of the kept best signs, 1 when this step kept them.</summary>
    public const int StateWidth = 5;

    /// <summary>The step for <paramref name="p"/> with coupling scale <paramref name="scale"/> and energy offset <paramref name="offset"/>.</summary>
    public static MemoryIsingStep Of(MemoryIsingParameters p, double scale, double offset)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.Step, p.Gain, p.Coupling, p.MemoryRate, p.AmplitudeMax, p.MemoryMax, p.TargetAmplitude, p.AmplitudeFeedback, p.EnergySensitivity, scale, offset);
    }

    /// <summary>The target amplitude a = α + ρ tanh(δ (E − E_best) / s).</summary>
    public double Target(double energy, double best) => TargetAmplitude + (AmplitudeFeedback * Math.Tanh(EnergySensitivity * (energy - best) / Scale));
}
