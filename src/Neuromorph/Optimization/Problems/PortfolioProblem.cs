using System.Globalization;
using Neuromorph.Diagnostics;

namespace Neuromorph.Optimization.Problems;

/// <summary>
/// Markowitz portfolio selection as a QUBO, the benchmark of Caravelli's memristive optimisation (Entropy 2019): choose
/// x ∈ {0,1}^N (hold asset i or not) minimising
/// <code>f(x) = q xᵀΣx − μᵀx + P (Σ_i x_i − B)²</code>
/// (risk aversion q, expected returns μ, covariance Σ, budget B assets, penalty P). Expanded with x_i² = x_i:
/// linear terms q Σ_ii − μ_i + P(1 − 2B), pair terms 2q Σ_ij + 2P (i &lt; j), constant P B². The default penalty
/// P = 1.1 max_i [q (Σ_ii + 2 Σ_j |Σ_ij|) + |μ_i|] exceeds what adding or removing any one asset can gain in the Markowitz
/// part, so every minimiser meets the budget. <see cref="Objective"/> evaluates f directly from μ and Σ (not from the
/// QUBO), so solver answers are checked independently.
/// </summary>
public sealed class PortfolioProblem : IProblem
{
    private PortfolioProblem(PortfolioMarket market, double riskAversion, int budget, double penalty, OptimizationProblem qubo)
    {
        Market = market;
        RiskAversion = riskAversion;
        Budget = budget;
        Penalty = penalty;
        Qubo = qubo;
    }

    /// <summary>The assets, returns and covariance.</summary>
    public PortfolioMarket Market { get; }

    /// <summary>Risk aversion q.</summary>
    public double RiskAversion { get; }

    /// <summary>Assets to hold, B.</summary>
    public int Budget { get; }

    /// <summary>Budget penalty P.</summary>
    public double Penalty { get; }

    /// <summary>The QUBO (objective = f − P B²) whose spin model the solvers minimise.</summary>
    public OptimizationProblem Qubo { get; }

    /// <summary>The spin model of the QUBO.</summary>
    public IsingModel Model => Qubo.Model;

    /// <inheritdoc/>
    public string Name => Market.Name;

    /// <inheritdoc/>
    public string KindName => "Portfolio";

    /// <inheritdoc/>
    public int Size => Market.Size;

    /// <inheritdoc/>
    public int TermCount => Qubo.Terms.Count;

    /// <inheritdoc/>
    public string ObjectiveName => "markowitz";

    /// <inheritdoc/>
    public bool Maximise => false;

    /// <inheritdoc/>
    public bool BinaryValues => true;

    /// <summary>Builds the problem; an impossible budget or a negative risk aversion or penalty is a user error.</summary>
    public static PortfolioProblem Create(PortfolioMarket market, PortfolioSettings settings)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(settings);
        var n = market.Size;
        var q = settings.RiskAversion;
        if (!(q >= 0) || !double.IsFinite(q))
        {
            throw new UserInputException($"risk aversion must be a finite number ≥ 0, got {q.ToString(CultureInfo.InvariantCulture)}", "use --risk-aversion 0 to ignore risk, larger values to penalise variance");
        }

        var b = settings.Budget ?? Math.Max(1, n / 2);
        if (b < 1 || b > n)
        {
            throw new UserInputException($"impossible budget: hold {b} of {n} assets", $"--budget must be between 1 and {n}");
        }

        var sigma = market.Covariance;
        var bound = 0.0;
        for (var i = 0; i < n; i++)
        {
            var row = 0.0;
            for (var j = 0; j < n; j++)
            {
                row += j == i ? 0 : Math.Abs(sigma[i, j]);
            }

            bound = Math.Max(bound, (q * (sigma[i, i] + (2 * row))) + Math.Abs(market.MeanReturn[i]));
        }

        var p = settings.Penalty ?? Math.Max(1.1 * bound, 1e-9);
        if (!(p > 0) || !double.IsFinite(p))
        {
            throw new UserInputException($"budget penalty must be positive, got {p.ToString(CultureInfo.InvariantCulture)}", "omit --penalty for the automatic value");
        }

        var terms = new List<Term>();
        for (var i = 0; i < n; i++)
        {
            terms.Add(new Term(i, i, (q * sigma[i, i]) - market.MeanReturn[i] + (p * (1 - (2.0 * b)))));
            for (var j = i + 1; j < n; j++)
            {
                terms.Add(new Term(i, j, (q * (sigma[i, j] + sigma[j, i])) + (2 * p)));
            }
        }

        return new PortfolioProblem(market, q, b, p, new OptimizationProblem(ProblemKind.Qubo, market.Name, n, terms));
    }

    /// <summary>q xᵀΣx − μᵀx + P (Σx − B)² for x = (1 + s)/2, from μ and Σ directly.</summary>
    public double Objective(ReadOnlySpan<sbyte> s)
    {
        var (ret, variance, held) = Measures(s);
        return (RiskAversion * variance) - ret + (Penalty * (held - Budget) * (held - Budget));
    }

    /// <summary>Expected return μᵀx, variance xᵀΣx and number of assets held.</summary>
    public (double Return, double Variance, int Held) Measures(ReadOnlySpan<sbyte> s)
    {
        double ret = 0, variance = 0;
        var held = 0;
        for (var i = 0; i < Size; i++)
        {
            if (s[i] <= 0)
            {
                continue;
            }

            held++;
            ret += Market.MeanReturn[i];
            for (var j = 0; j < Size; j++)
            {
                variance += s[j] > 0 ? Market.Covariance[i, j] : 0;
            }
        }

        return (ret, variance, held);
    }

    /// <inheritdoc/>
    public double ObjectiveFromEnergy(double energy) => energy + (Penalty * Budget * Budget);

    /// <inheritdoc/>
    public double EnergyFromObjective(double objective) => objective - (Penalty * Budget * Budget);

    /// <inheritdoc/>
    public string? DescribeSolution(ReadOnlySpan<sbyte> s)
    {
        var (ret, variance, held) = Measures(s);
        var chosen = new List<string>();
        for (var i = 0; i < Size && chosen.Count < 12; i++)
        {
            if (s[i] > 0)
            {
                chosen.Add(Market.Assets[i]);
            }
        }

        var c = CultureInfo.InvariantCulture;
        return string.Create(c, $"portfolio: {held} of {Size} assets held (budget {Budget}{(held == Budget ? "" : ", VIOLATED")}), expected return {ret:G6}, variance {variance:G6}, risk aversion {RiskAversion:G4}, penalty {Penalty:G4}")
            + $"\nheld: {string.Join(", ", chosen)}{(held > chosen.Count ? ", ..." : "")}";
    }
}
