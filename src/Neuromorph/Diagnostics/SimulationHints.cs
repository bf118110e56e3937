namespace Neuromorph.Diagnostics;

/// <summary>The hints numerical code attaches to a <see cref="SimulationException"/> when it knows no more about the model.</summary>
public static class SimulationHints
{
    /// <summary>A factorisation or preconditioner met a non-positive pivot.</summary>
    public const string PositiveDefinite = "the matrix must be positive definite: check that device parameters keep every resistance positive";

    /// <summary>An adaptive integrator ran out of steps or its step size underflowed.</summary>
    public const string Integration = "tighten rtol/atol, or check that device parameters keep every resistance positive and every rate finite";
}
