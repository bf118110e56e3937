namespace Neuromorph.Optimization;

/// <summary>
/// Time-dependent controls of the CTD solver (convention A, after the problem is scaled so that its largest row is α):
/// the decay α(t) and a uniform source offset μ(t), both ramped linearly over the first <see cref="Ramp"/> of the
/// integration time and then held at the exact embedding (α(t) = α, μ = 0) so that trajectories end in the binary-limit
/// energy of the problem. What each changes in L(x) = −(α/3)Σx³ − (αξ/4)(x²)ᵀΩ(x²) + (1/2β)Σx_i²(ΩS)_i:
/// <list type="bullet">
/// <item>α(t) = α (a₀ + (1 − a₀) r): scales the cubic self-term and the Ω term together while the sources stay fixed, so
/// in the binary limit the couplings are multiplied by α(t)/α and every device gets the extra field
/// (α − α(t))(1/3 + ξδ/4) pushing it towards 0. A small a₀ starts with all devices held near 0 and releases them one by
/// one, in the order of their local fields, as the couplings grow (a threshold sweep).</item>
/// <item>μ(t) = μ₀ α (1 − r): adds μ(t) Σ x_i² to L (sources ΩS + 2βμ 1), a uniform field; μ₀ &lt; 0 starts with devices
/// pushed towards 1.</item>
/// </list>
/// r = min(1, t / (Ramp · T)). Both are 1 and 0 (no control) by default.
/// </summary>
public sealed record CtdControls
{
    /// <summary>α(0)/α, a₀ (1: constant decay).</summary>
    public double AlphaStart { get; init; } = 1;

    /// <summary>μ(0)/α, μ₀ (0: no offset).</summary>
    public double BiasStart { get; init; }

    /// <summary>Fraction of the integration time over which the controls ramp to the exact embedding.</summary>
    public double Ramp { get; init; } = 0.8;

    /// <summary>True when neither control is active.</summary>
    public bool IsConstant => AlphaStart == 1 && BiasStart == 0;

    /// <summary>(α(t), μ(t)) at time <paramref name="t"/> of <paramref name="duration"/>, for decay <paramref name="alpha"/>.</summary>
    public (double Alpha, double Bias) At(double t, double duration, double alpha)
    {
        var r = Ramp > 0 && duration > 0 ? Math.Min(1, t / (Ramp * duration)) : 1;
        return (alpha * (AlphaStart + ((1 - AlphaStart) * r)), BiasStart * alpha * (1 - r));
    }
}
