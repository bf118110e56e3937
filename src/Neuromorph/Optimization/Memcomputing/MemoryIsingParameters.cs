namespace Neuromorph.Optimization.Memcomputing;

/// <summary>
/// Parameters of the memory-augmented analog Ising machine (<see cref="MemoryIsingSolver"/>), the chaotic amplitude
/// control of Leleu, Yamamoto, McMahon and Aihara (Phys. Rev. Lett. 122, 040607 (2019)) with the energy-dependent
/// target amplitude of Leleu et al. (Commun. Phys. 4, 266 (2021)). Amplitudes x_i, memories (error variables) e_i,
/// couplings ω = −K/s normalised by s = rms over spins of the row norm (Σ_j K_ij²)^½:
/// <code>
/// dx_i/dt = r x_i − x_i³ + β e_i Σ_j ω_ij x_j
/// de_i/dt = −ξ (x_i² − a) e_i
/// a       = α + ρ tanh(δ (E(sgn x) − E_best) / s)
/// </code>
/// Time is dimensionless. With the defaults, 60 s runs reach within 0.1 % of the best known cut on G1, G6, G11, G14
/// and G22 (docs/minimize.md, benchmarks/RESULTS.md); they were not tuned beyond the first G11/G1 runs.
/// </summary>
public sealed record MemoryIsingParameters
{
    /// <summary>Linear gain r = p − 1 (pump minus loss); negative: without coupling every amplitude decays to 0.</summary>
    public double Gain { get; init; } = -5;

    /// <summary>Base target amplitude α: the memories steer every x_i² towards a = α at the best energy seen so far.</summary>
    public double TargetAmplitude { get; init; } = 0.5;

    /// <summary>Amplitude feedback ρ: above the best energy seen so far the target rises towards α + ρ.</summary>
    public double AmplitudeFeedback { get; init; } = 3;

    /// <summary>Sensitivity δ of the target to the energy excess (E − E_best)/s.</summary>
    public double EnergySensitivity { get; init; } = 5;

    /// <summary>Coupling strength β.</summary>
    public double Coupling { get; init; } = 1;

    /// <summary>Rate ξ of the memories.</summary>
    public double MemoryRate { get; init; } = 1;

    /// <summary>Upper bound of the memories e_i (they start at 1; a spin held below its target amplitude grows its e_i exponentially).</summary>
    public double MemoryMax { get; init; } = 32;

    /// <summary>Bound of the amplitudes, |x_i| ≤ x_max (saturation; it also keeps forward Euler on the cubic stable: 3 Δt x_max² &lt; 2).</summary>
    public double AmplitudeMax { get; init; } = 5;

    /// <summary>Forward-Euler step Δt.</summary>
    public double Step { get; init; } = 0.025;

    /// <summary>Initial amplitudes are uniform in [−x₀/2, x₀/2].</summary>
    public double InitialAmplitude { get; init; } = 1e-3;

    /// <summary>Quench the sign read-out every this many steps (0: only the best read-out, at the end of the restart).</summary>
    public int QuenchEvery { get; init; }

    /// <summary>Throws unless the parameters define a bounded, positive forward-Euler map.</summary>
    public void Validate()
    {
        if (!(Step > 0) || !(AmplitudeMax > 0) || !(MemoryMax >= 1) || !(MemoryRate >= 0) || !(Coupling >= 0) || !(TargetAmplitude > 0) || !(AmplitudeFeedback >= 0)
            || !(EnergySensitivity >= 0) || !double.IsFinite(Gain) || !(InitialAmplitude >= 0) || QuenchEvery < 0)
        {
            throw new ArgumentException($"invalid memory-Ising parameters: {this}");
        }

        // e_{n+1} = e_n (1 − Δt ξ (x² − a)) stays positive when Δt ξ (x_max² − α) < 1
        if (Step * MemoryRate * ((AmplitudeMax * AmplitudeMax) - TargetAmplitude) >= 1)
        {
            throw new ArgumentException($"Δt ξ (x_max² − α) must be below 1 for the memories to stay positive: {this}");
        }
    }
}
