namespace Neuromorph.Optimization.Memcomputing;

/// <summary>
/// Parameters of the digital memcomputing machine (Bearden, Pei, Di Ventra, Sci. Rep. 10, 19741 (2020)); the defaults are
/// the published ones: α = 5, β = 20, γ = 1/4, δ = 1/20, ε = 10⁻³, ζ = 10⁻¹, long-term memory bounded to
/// [1, 10⁴ M] (M clauses), forward-Euler steps bounded to [2⁻⁷, 10³]. Time is dimensionless (model units).
/// </summary>
public sealed record DmmParameters
{
    /// <summary>Growth rate α of the long-term memory: dx_l/dt = α (C_m − δ).</summary>
    public double Alpha { get; init; } = 5;

    /// <summary>Rate β of the short-term memory: dx_s/dt = β (x_s + ε)(C_m − γ).</summary>
    public double Beta { get; init; } = 20;

    /// <summary>Threshold γ of the short-term memory (clause function above it: x_s grows).</summary>
    public double Gamma { get; init; } = 0.25;

    /// <summary>Threshold δ of the long-term memory (clause function above it: x_l grows).</summary>
    public double Delta { get; init; } = 0.05;

    /// <summary>Offset ε that keeps x_s from sticking at 0.</summary>
    public double Epsilon { get; init; } = 1e-3;

    /// <summary>Weight ζ of the long-term memory in the rigidity term (1 + ζ x_l)(1 − x_s) R.</summary>
    public double Zeta { get; init; } = 0.1;

    /// <summary>Upper bound of x_l per clause of the formula: x_l ≤ <see cref="LongMemoryCap"/> · M.</summary>
    public double LongMemoryCap { get; init; } = 1e4;

    /// <summary>
    /// Absolute upper bound of x_l replacing <see cref="LongMemoryCap"/> · M when set. Frustrated problems (MAX-SAT,
    /// Ising), where some clauses stay false for ever, need it: their long-term memories otherwise grow without limit
    /// and drown the rigidity term that holds satisfied clauses.
    /// </summary>
    public double? LongMemoryMax { get; init; }

    /// <summary>Smallest forward-Euler step (2⁻⁷).</summary>
    public double MinStep { get; init; } = 1.0 / 128;

    /// <summary>Largest forward-Euler step (10³).</summary>
    public double MaxStep { get; init; } = 1e3;

    /// <summary>
    /// Largest voltage change per forward-Euler step: Δt = clamp(<see cref="MaxVoltageChange"/> / max_i |dv_i/dt|,
    /// <see cref="MinStep"/>, <see cref="MaxStep"/>). The adaptive rule is ours (the paper bounds Δt but we could not
    /// confirm its exact rule); the value was chosen by measurement (docs/minimize.md).
    /// </summary>
    public double MaxVoltageChange { get; init; } = 0.5;
}
