using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using Neuromorph.Diagnostics;
using Neuromorph.Io;

namespace Neuromorph.Optimization.Problems;

/// <summary>
/// Reads portfolio markets, with located errors (file:line:col) for every malformed cell:
/// <list type="bullet">
/// <item>returns and covariance (<c>--format portfolio</c>): a header <c>asset,return,NAME_1,...,NAME_N</c>, then N rows
/// <c>NAME_i,μ_i,Σ_i1,...,Σ_iN</c> in header order; Σ must be symmetric (to 1e-9 relative) and positive semidefinite;</item>
/// <item>price series (<c>--format prices</c>): a header <c>date,NAME_1,...,NAME_N</c>, then one row per period of positive
/// prices; per-period simple returns r_t = p_t / p_{t−1} − 1 give μ (their mean) and Σ (their sample covariance, n − 1).</item>
/// </list>
/// Lines starting with # are comments.
/// </summary>
public static class PortfolioReader
{
    /// <summary>Reads a returns-and-covariance file.</summary>
    public static PortfolioMarket ReadReturns(string path)
    {
        var rows = Rows(path);
        var header = rows[0].Fields;
        if (header.Count < 3 || !header[0].Text.Equals("asset", StringComparison.OrdinalIgnoreCase) || !header[1].Text.Equals("return", StringComparison.OrdinalIgnoreCase))
        {
            throw new UserInputException(rows[0].Location, "expected a header 'asset,return,NAME_1,...,NAME_N'",
                "the first row names the columns: asset, return, then one covariance column per asset");
        }

        var names = header.Skip(2).Select(h => h.Text).ToList();
        var n = names.Count;
        if (rows.Count - 1 != n)
        {
            throw new UserInputException(rows[^1].Location, $"the header names {n} assets but the file has {rows.Count - 1} asset rows",
                "one row per asset, in the order of the header's covariance columns");
        }

        var mu = new double[n];
        var sigma = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            var (at, cells) = rows[i + 1];
            if (cells.Count != n + 2)
            {
                throw new UserInputException(at, $"row has {cells.Count} cells, expected {n + 2} (name, return, {n} covariances)", "every asset row has as many cells as the header");
            }

            if (cells[0].Text != names[i])
            {
                throw new UserInputException(at, $"row {i + 1} is asset '{cells[0].Text}' but the header's column {i + 3} is '{names[i]}'",
                    "list the asset rows in the order of the header's covariance columns");
            }

            mu[i] = CsvNumber.Parse(cells[1]);
            for (var j = 0; j < n; j++)
            {
                sigma[i, j] = CsvNumber.Parse(cells[j + 2]);
            }
        }

        CheckCovariance(sigma, path, rows.Select(r => r.Location.Line).Skip(1).ToArray());
        return new PortfolioMarket(Path.GetFileNameWithoutExtension(path), names, mu, sigma);
    }

    /// <summary>Reads a price-series file and estimates μ and Σ from its per-period returns.</summary>
    public static PortfolioMarket ReadPrices(string path)
    {
        var rows = Rows(path);
        var header = rows[0].Fields;
        if (header.Count < 2)
        {
            throw new UserInputException(rows[0].Location, "expected a header 'date,NAME_1,...,NAME_N'", "the first column holds dates (any text), then one column of prices per asset");
        }

        var names = header.Skip(1).Select(h => h.Text).ToList();
        var n = names.Count;
        if (rows.Count < 4)
        {
            throw new UserInputException(rows[^1].Location, $"{rows.Count - 1} price rows give too few returns to estimate a covariance", "give at least 3 rows of prices (2 returns per asset; many more for a useful estimate)");
        }

        var prices = new double[rows.Count - 1, n];
        for (var t = 1; t < rows.Count; t++)
        {
            var (at, cells) = rows[t];
            if (cells.Count != n + 1)
            {
                throw new UserInputException(at, $"row has {cells.Count} cells, expected {n + 1} (date and {n} prices)", "every row has a date and one price per asset");
            }

            for (var j = 0; j < n; j++)
            {
                var p = CsvNumber.Parse(cells[j + 1]);
                if (!(p > 0))
                {
                    throw new UserInputException(cells[j + 1].Location, $"price {cells[j + 1].Text} of '{names[j]}' is not positive", "prices must be positive to define returns");
                }

                prices[t - 1, j] = p;
            }
        }

        var periods = rows.Count - 2;
        var r = new double[periods, n];
        var mu = new double[n];
        for (var t = 0; t < periods; t++)
        {
            for (var j = 0; j < n; j++)
            {
                r[t, j] = (prices[t + 1, j] / prices[t, j]) - 1;
                mu[j] += r[t, j] / periods;
            }
        }

        var sigma = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var s = 0.0;
                for (var t = 0; t < periods; t++)
                {
                    s += (r[t, i] - mu[i]) * (r[t, j] - mu[j]);
                }

                sigma[i, j] = s / (periods - 1);
            }
        }

        return new PortfolioMarket(Path.GetFileNameWithoutExtension(path), names, mu, sigma);
    }

    /// <summary>Throws a located error unless <paramref name="sigma"/> is symmetric and positive semidefinite.</summary>
    public static void CheckCovariance(double[,] sigma, string path, IReadOnlyList<int> rowLines)
    {
        ArgumentNullException.ThrowIfNull(sigma);
        ArgumentNullException.ThrowIfNull(rowLines);
        var n = sigma.GetLength(0);
        var scale = 0.0;
        foreach (var v in sigma)
        {
            scale = Math.Max(scale, Math.Abs(v));
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                if (Math.Abs(sigma[i, j] - sigma[j, i]) > 1e-9 * Math.Max(scale, 1e-300))
                {
                    throw new UserInputException(new SourceLocation(path, rowLines[j], i + 3),
                        string.Create(CultureInfo.InvariantCulture, $"covariance is not symmetric: entry ({j + 1}, {i + 1}) = {sigma[j, i]:G6} but ({i + 1}, {j + 1}) = {sigma[i, j]:G6}"),
                        "a covariance matrix equals its transpose; copy the upper triangle to the lower one");
                }
            }
        }

        var eigen = Matrix<double>.Build.DenseOfArray(sigma).Evd(Symmetricity.Symmetric).EigenValues;
        var min = eigen.Min(e => e.Real);
        if (min < -1e-9 * Math.Max(scale, 1e-300))
        {
            throw new UserInputException(new SourceLocation(path, rowLines[0], 3),
                string.Create(CultureInfo.InvariantCulture, $"covariance is not positive semidefinite: smallest eigenvalue {min:G6}"),
                "a covariance matrix of real returns has no negative eigenvalues; estimate it from data (--format prices) or repair it (e.g. clip negative eigenvalues)");
        }
    }

    private static List<CsvLine> Rows(string path)
    {
        if (!File.Exists(path))
        {
            throw new UserInputException(new SourceLocation(path, 0, 0), $"problem file '{path}' not found", "check the path");
        }

        var text = TextFile.Read(path, "CSV file", "give a CSV file in plain text: a header row, then one row per asset or period");
        var rows = CsvLine.Split(text, path);
        if (rows.Count < 2)
        {
            var lines = text.Split('\n').Length - (text.EndsWith('\n') ? 1 : 0);
            throw new UserInputException(new SourceLocation(path, Math.Max(1, lines), 1), "no data rows", "give a header row and at least one data row");
        }

        return rows;
    }
}
