namespace Neuromorph.Optimization.Problems;

/// <summary>
/// The market a Markowitz portfolio is chosen from: N assets with expected returns μ (per period, as fractions) and the
/// covariance Σ of their returns (per period², symmetric positive semidefinite).
/// </summary>
public sealed record PortfolioMarket(string Name, IReadOnlyList<string> Assets, double[] MeanReturn, double[,] Covariance)
{
    /// <summary>Number of assets N.</summary>
    public int Size => MeanReturn.Length;
}

/// <summary>
/// Markowitz settings: risk aversion q (weight of the variance), the budget B (number of assets to hold) and the penalty
/// P on (Σx − B)²; null penalty picks one large enough that every minimiser holds exactly B assets.
/// </summary>
public sealed record PortfolioSettings
{
    /// <summary>Risk aversion q ≥ 0.</summary>
    public double RiskAversion { get; init; } = 1;

    /// <summary>Assets to hold B (null: half the assets, rounded down, at least 1).</summary>
    public int? Budget { get; init; }

    /// <summary>Budget penalty P &gt; 0 (null: automatic).</summary>
    public double? Penalty { get; init; }
}
