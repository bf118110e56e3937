using Neuromorph.Diagnostics;
using Neuromorph.Optimization.Problems;

namespace Neuromorph.Optimization.Problems;

/// <summary>
/// Reads any problem file <c>minimize</c> accepts, by format name or file extension: G-set Max-Cut, sparse or dense QUBO,
/// Ising (<see cref="ProblemReader"/>), DIMACS CNF and weighted CNF (<see cref="DimacsReader"/>), and Markowitz portfolios
/// from returns and covariance or from price series (<see cref="PortfolioReader"/>).
/// </summary>
public static class ProblemLoader
{
    /// <summary>Every format name.</summary>
    public static IReadOnlyList<string> FormatNames { get; } = ["gset", "qubo", "ising", "cnf", "wcnf", "portfolio", "prices"];

    /// <summary>
    /// Reads <paramref name="path"/> as <paramref name="format"/> (null: .cnf → cnf, .wcnf → wcnf, .csv → dense QUBO,
    /// otherwise G-set). <paramref name="portfolio"/> holds the Markowitz settings for portfolio and price files.
    /// </summary>
    public static IProblem Read(string path, string? format, PortfolioSettings? portfolio = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = Resolve(path, format);
        switch (name)
        {
            case "cnf" or "wcnf":
                var formula = DimacsReader.ReadFile(path);
                return new SatProblem(Path.GetFileNameWithoutExtension(path), formula, formula.HardWeight is not null || path.EndsWith(".wcnf", StringComparison.OrdinalIgnoreCase) || name == "wcnf");
            case "portfolio" or "prices":
                var settings = portfolio ?? new PortfolioSettings();
                var market = name == "prices" ? PortfolioReader.ReadPrices(path) : PortfolioReader.ReadReturns(path);
                return PortfolioProblem.Create(market, settings);
        }

        if (!ProblemReader.TryParseFormat(name, out var kind))
        {
            throw new UserInputException($"unknown format '{format}'", Suggestions.Hint(format ?? "", [.. FormatNames]));
        }

        return ProblemReader.ReadFile(path, kind);
    }

    /// <summary>True when <paramref name="format"/> names a format (null or empty: decided from the file; <c>maxcut</c> reads as gset).</summary>
    public static bool IsFormat(string? format) =>
        string.IsNullOrWhiteSpace(format) || FormatNames.Contains(format.Trim().ToLowerInvariant()) || ProblemReader.TryParseFormat(format.Trim(), out _);

    /// <summary>True when <see cref="Read"/> reads <paramref name="path"/> as a CNF formula (format cnf or wcnf, or by extension).</summary>
    public static bool IsCnf(string path, string? format) => Resolve(path ?? throw new ArgumentNullException(nameof(path)), format) is "cnf" or "wcnf";

    /// <summary>True when <paramref name="format"/> is one of the portfolio formats (portfolio, prices).</summary>
    public static bool IsPortfolio(string? format) => format?.Trim().ToLowerInvariant() is "portfolio" or "prices";

    /// <summary>The format name <see cref="Read"/> uses: the one given (lower case), else cnf or wcnf by extension, else null (the quadratic reader decides).</summary>
    private static string? Resolve(string path, string? format)
    {
        var name = format?.Trim().ToLowerInvariant();
        return !string.IsNullOrEmpty(name) ? name : Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".cnf" => "cnf",
            ".wcnf" => "wcnf",
            _ => null,
        };
    }

    /// <summary>
    /// For a file that <see cref="Read"/> refused as <paramref name="failedFormat"/> (null: the format its extension
    /// suggests): the first other format that reads it (portfolio and price files first, as they share .csv with dense
    /// QUBO), or null when none does. Portfolio formats are tried with default settings.
    /// </summary>
    public static string? FormatThatReads(string path, string? failedFormat)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return null;
        }

        var failed = failedFormat?.Trim().ToLowerInvariant();
        var guessed = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".cnf" => "cnf",
            ".wcnf" => "wcnf",
            ".csv" => "qubo",
            _ => "gset",
        };
        string[] order = ["portfolio", "prices", .. FormatNames.Where(f => f is not ("portfolio" or "prices"))];
        foreach (var candidate in order.Where(f => f != (failed ?? guessed)))
        {
            try
            {
                Read(path, candidate);
                return candidate;
            }
            catch (UserInputException)
            {
            }
        }

        return null;
    }
}
