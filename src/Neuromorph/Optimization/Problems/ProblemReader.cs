using System.Globalization;
using Neuromorph.Diagnostics;
using Neuromorph.Io;

namespace Neuromorph.Optimization.Problems;

/// <summary>
/// Reads Max-Cut (G-set), QUBO (sparse text or dense CSV) and Ising files with strict validation:
/// every error is a <see cref="UserInputException"/> naming file:line. Formats are documented in docs/minimize.md.
/// </summary>
public static class ProblemReader
{
    /// <summary>Format names accepted by <c>--format</c> and the maxcut experiment's <c>format:</c> key.</summary>
    public static IReadOnlyList<string> FormatNames { get; } = ["gset", "qubo", "ising"];

    /// <summary>
    /// The problem kind for a format name (gset or maxcut, qubo, ising; null or empty: decide from the file), or false
    /// when the name is unknown (the caller reports it where it was written).
    /// </summary>
    public static bool TryParseFormat(string? name, out ProblemKind? kind)
    {
        switch (name?.ToLowerInvariant())
        {
            case null or "":
                kind = null;
                return true;
            case "gset" or "maxcut":
                kind = ProblemKind.MaxCut;
                return true;
            case "qubo":
                kind = ProblemKind.Qubo;
                return true;
            case "ising":
                kind = ProblemKind.Ising;
                return true;
            default:
                kind = null;
                return false;
        }
    }

    /// <summary>Reads <paramref name="path"/>; <paramref name="kind"/> null picks QUBO for .csv and G-set otherwise.</summary>
    public static OptimizationProblem ReadFile(string path, ProblemKind? kind = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new UserInputException(new SourceLocation(path, 0, 0), $"problem file '{path}' not found", "check the path");
        }

        var isCsv = path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);
        var k = kind ?? (isCsv ? ProblemKind.Qubo : ProblemKind.MaxCut);
        var text = File.ReadAllText(path);
        return Parse(text, path, k, isCsv);
    }

    /// <summary>Parses problem text; <paramref name="file"/> is used in error locations.</summary>
    public static OptimizationProblem Parse(string text, string file, ProblemKind kind, bool denseCsv = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var name = Path.GetFileNameWithoutExtension(file);
        if (denseCsv)
        {
            if (kind != ProblemKind.Qubo)
            {
                throw new UserInputException(new SourceLocation(file, 1, 1), "dense CSV input is only supported for QUBO", "use --format qubo or a sparse text file");
            }

            return ParseDense(text, file, name);
        }

        return ParseSparse(text, file, name, kind);
    }

    private static OptimizationProblem ParseSparse(string text, string file, string name, ProblemKind kind)
    {
        var lines = text.Split('\n');
        int n = -1, m = -1, headerLine = 0;
        var terms = new List<Term>();
        var seen = new Dictionary<(int, int), int>();
        for (var li = 0; li < lines.Length; li++)
        {
            var line = lines[li];
            var hash = kind == ProblemKind.MaxCut ? -1 : line.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0)
            {
                line = line[..hash];
            }

            var tok = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (tok.Length == 0)
            {
                continue;
            }

            var lineNo = li + 1;
            var at = new SourceLocation(file, lineNo, 1);
            if (n < 0)
            {
                if (tok.Length < 2 || !int.TryParse(tok[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out n) ||
                    !int.TryParse(tok[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out m) || n < 1 || m < 0)
                {
                    throw new UserInputException(at, $"expected a header 'N M' (variables, terms), found '{line.Trim()}'",
                        "the first line holds the number of vertices/variables and of edge/term lines");
                }

                headerLine = lineNo;
                continue;
            }

            if (tok.Length != 3)
            {
                throw new UserInputException(at, $"expected 'i j w' (3 fields), found {tok.Length}", "one term per line: two 1-based indices and a weight");
            }

            var i = Index(tok[0], n, at);
            var j = Index(tok[1], n, at);
            if (!double.TryParse(tok[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var w) || !double.IsFinite(w))
            {
                throw new UserInputException(at, $"weight '{tok[2]}' is not a finite number", "weights must be finite decimal numbers");
            }

            if (i == j && kind == ProblemKind.MaxCut)
            {
                throw new UserInputException(at, $"self-loop on vertex {i + 1}", "Max-Cut edges join two different vertices");
            }

            var key = (Math.Min(i, j), Math.Max(i, j));
            if (seen.TryGetValue(key, out var first))
            {
                throw new UserInputException(at, $"duplicate term ({i + 1}, {j + 1}); first given on line {first}",
                    "list each unordered pair once (sum the weights yourself)");
            }

            seen[key] = lineNo;
            if (terms.Count == m)
            {
                throw new UserInputException(at, $"more than the {m} terms announced in the header on line {headerLine}", "fix the count in the header");
            }

            terms.Add(new Term(key.Item1, key.Item2, w));
        }

        if (n < 0)
        {
            throw new UserInputException(new SourceLocation(file, 1, 1), "empty problem file", "the first line must be 'N M'");
        }

        if (terms.Count != m)
        {
            throw new UserInputException(new SourceLocation(file, lines.Length, 1),
                $"header on line {headerLine} announces {m} terms but the file has {terms.Count}", "fix the count in the header or add the missing lines");
        }

        return new OptimizationProblem(kind, name, n, terms);
    }

    private static int Index(string token, int n, SourceLocation at)
    {
        if (!int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
        {
            throw new UserInputException(at, $"index '{token}' is not an integer", "indices are 1-based integers");
        }

        if (v < 1 || v > n)
        {
            throw new UserInputException(at, $"index {v} out of range 1..{n}", "indices are 1-based and at most N from the header");
        }

        return v - 1;
    }

    private static OptimizationProblem ParseDense(string text, string file, string name)
    {
        var rows = CsvMatrix.Parse(text, file);
        var n = rows.Length;
        if (n == 0)
        {
            throw new UserInputException(new SourceLocation(file, 1, 1), "empty QUBO matrix", "write N lines of N comma-separated numbers");
        }

        if (rows[0].Length != n)
        {
            throw new UserInputException(CsvLine.Split(text, file)[0].Location, $"row has {rows[0].Length} entries, expected {n} (a square matrix)", "the matrix must be N x N");
        }

        var q = new double[n, n];
        for (var r = 0; r < n; r++)
        {
            for (var c = 0; c < n; c++)
            {
                q[r, c] = rows[r][c];
            }
        }

        var terms = new List<Term>();
        for (var i = 0; i < n; i++)
        {
            if (q[i, i] != 0)
            {
                terms.Add(new Term(i, i, q[i, i]));
            }

            for (var j = i + 1; j < n; j++)
            {
                var w = q[i, j] + q[j, i];
                if (w != 0)
                {
                    terms.Add(new Term(i, j, w));
                }
            }
        }

        return new OptimizationProblem(ProblemKind.Qubo, name, n, terms);
    }
}
