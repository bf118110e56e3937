using System.Globalization;
using System.Text;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Optimization.Problems;

/// <summary>
/// Synthetic Markowitz markets from a one-factor model with idiosyncratic noise: asset i has market beta b_i ∈ [0.5, 1.5],
/// idiosyncratic volatility σ_i ∈ [0.01, 0.03] per period, market volatility 0.02, so Σ = σ_m² b bᵀ + diag(σ_i²) is
/// positive definite by construction; expected returns μ_i = 0.002 + 0.004 b_i + noise (higher beta, higher return, as
/// in CAPM). Also writes markets in the returns-and-covariance format of <see cref="PortfolioReader"/>.
/// </summary>
public static class PortfolioGenerator
{
    /// <summary>A synthetic market of <paramref name="assets"/> assets.</summary>
    public static PortfolioMarket Synthetic(int assets, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(assets, 1);
        var rng = new RandomStream(seed);
        var beta = new double[assets];
        var idio = new double[assets];
        var mu = new double[assets];
        for (var i = 0; i < assets; i++)
        {
            beta[i] = 0.5 + rng.NextDouble();
            idio[i] = 0.01 + (0.02 * rng.NextDouble());
            mu[i] = 0.002 + (0.004 * beta[i]) + (0.002 * rng.NextGaussian());
        }

        const double market = 0.02;
        var sigma = new double[assets, assets];
        for (var i = 0; i < assets; i++)
        {
            for (var j = 0; j < assets; j++)
            {
                sigma[i, j] = (market * market * beta[i] * beta[j]) + (i == j ? idio[i] * idio[i] : 0);
            }
        }

        return new PortfolioMarket($"synthetic_{assets}", [.. Enumerable.Range(1, assets).Select(i => $"A{i}")], mu, sigma);
    }

    /// <summary>The market as returns-and-covariance CSV text.</summary>
    public static string ToCsv(PortfolioMarket market)
    {
        ArgumentNullException.ThrowIfNull(market);
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine($"asset,return,{string.Join(',', market.Assets)}");
        for (var i = 0; i < market.Size; i++)
        {
            sb.Append(c, $"{market.Assets[i]},{market.MeanReturn[i]:R}");
            for (var j = 0; j < market.Size; j++)
            {
                sb.Append(c, $",{market.Covariance[i, j]:R}");
            }

            sb.AppendLine();
        }

        return sb.ToString();
    }
}
