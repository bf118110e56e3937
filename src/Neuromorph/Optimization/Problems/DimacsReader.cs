using System.Globalization;
using Neuromorph.Diagnostics;

namespace Neuromorph.Optimization.Problems;

/// <summary>
/// Reads DIMACS CNF (<c>p cnf N M</c>) and weighted CNF: the classic <c>p wcnf N M [top]</c> layout, where every clause
/// starts with its weight and weights of at least <c>top</c> mark hard clauses, and the header-less 2022 MaxSAT-evaluation
/// layout (<c>h</c> for hard clauses, a weight otherwise; N is the largest variable). Clauses are whitespace-separated
/// literals ending in 0 and may span lines; <c>c</c> lines are comments and a line starting with <c>%</c> ends the formula
/// (SATLIB files). Every error is located (file:line:col) with a hint.
/// </summary>
public static class DimacsReader
{
    /// <summary>Reads <paramref name="path"/>; weighted when the header says <c>wcnf</c> or the file ends in .wcnf.</summary>
    public static SatFormula ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new UserInputException(new SourceLocation(path, 0, 0), $"problem file '{path}' not found", "check the path");
        }

        return Parse(File.ReadAllText(path), path, path.EndsWith(".wcnf", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Parses DIMACS text; <paramref name="file"/> names error locations.</summary>
    public static SatFormula Parse(string text, string file, bool weightedFile = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n');
        int n = -1, m = -1, headerLine = 0;
        double? top = null;
        var weighted = weightedFile;
        var headerless = false;
        var clauses = new List<int[]>();
        var weights = new List<double>();
        var hard = new List<bool>();
        var current = new List<int>();
        var clauseAt = default(SourceLocation);
        double weight = 1;
        var isHard = false;
        var maxVar = 0;
        var lastLine = 1;
        for (var li = 0; li < lines.Length; li++)
        {
            var line = lines[li].TrimEnd('\r');
            var trimmed = line.TrimStart();
            var lineNo = li + 1;
            if (trimmed.Length == 0 || trimmed[0] == 'c')
            {
                continue;
            }

            if (trimmed[0] == '%')
            {
                break;
            }

            lastLine = lineNo;
            if (trimmed[0] == 'p')
            {
                var at = new SourceLocation(file, lineNo, line.IndexOf('p', StringComparison.Ordinal) + 1);
                if (n >= 0 || headerless)
                {
                    throw new UserInputException(at, "second header line", "a DIMACS file has one 'p' line before its clauses");
                }

                var tok = trimmed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                var kindOk = tok.Length >= 4 && (tok[1] == "cnf" || tok[1] == "wcnf");
                if (!kindOk || !int.TryParse(tok[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out n) ||
                    !int.TryParse(tok[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out m) || n < 1 || m < 0 ||
                    tok.Length > (tok[1] == "wcnf" ? 5 : 4))
                {
                    throw new UserInputException(at, $"expected a header 'p cnf VARIABLES CLAUSES' or 'p wcnf VARIABLES CLAUSES [TOP]', found '{trimmed.Trim()}'",
                        "VARIABLES is at least 1 and CLAUSES at least 0");
                }

                weighted = tok[1] == "wcnf";
                if (tok.Length == 5)
                {
                    if (!double.TryParse(tok[4], NumberStyles.Float, CultureInfo.InvariantCulture, out var t) || !(t > 0) || !double.IsFinite(t))
                    {
                        throw new UserInputException(at, $"top weight '{tok[4]}' is not a positive number", "the fifth field of a wcnf header is the hard-clause weight");
                    }

                    top = t;
                }

                headerLine = lineNo;
                continue;
            }

            if (n < 0 && !headerless)
            {
                if (!weighted)
                {
                    throw new UserInputException(new SourceLocation(file, lineNo, 1), "clause before the header 'p cnf VARIABLES CLAUSES'",
                        "start the file with the header line (comments may precede it)");
                }

                headerless = true; // 2022 MaxSAT-evaluation wcnf: no header, 'h' marks hard clauses
            }

            foreach (var (token, col) in Tokens(line))
            {
                var at = new SourceLocation(file, lineNo, col);
                if (current.Count == 0 && clauseAt.Line == 0)
                {
                    clauseAt = at;
                    if (weighted)
                    {
                        if (headerless && token == "h")
                        {
                            isHard = true;
                            weight = 0;
                            continue;
                        }

                        if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out weight) || !(weight > 0) || !double.IsFinite(weight))
                        {
                            throw new UserInputException(at, $"clause weight '{token}' is not a positive number",
                                headerless ? "each clause starts with a positive weight or 'h' (hard)" : "each wcnf clause starts with a positive weight");
                        }

                        isHard = top is { } tw && weight >= tw;
                        continue;
                    }
                }

                if (!int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out var lit))
                {
                    throw new UserInputException(at, $"literal '{token}' is not an integer", "literals are non-zero integers (negative for negation), each clause ends with 0");
                }

                if (lit == 0)
                {
                    if (current.Count == 0)
                    {
                        throw new UserInputException(at, "empty clause (a lone 0)", "an empty clause can never be satisfied; remove it or add its literals");
                    }

                    if (!headerless && clauses.Count == m)
                    {
                        throw new UserInputException(clauseAt, $"more than the {m} clauses announced in the header on line {headerLine}", "fix the clause count in the header");
                    }

                    clauses.Add([.. current.Distinct()]);
                    weights.Add(weight);
                    hard.Add(isHard);
                    current.Clear();
                    clauseAt = default;
                    isHard = false;
                    weight = 1;
                    continue;
                }

                if (!headerless && Math.Abs(lit) > n)
                {
                    throw new UserInputException(at, $"literal {lit} out of range: the header on line {headerLine} declares {n} variables",
                        $"literals are ±1..±{n}; raise VARIABLES in the header if the formula has more");
                }

                maxVar = Math.Max(maxVar, Math.Abs(lit));
                current.Add(lit);
            }
        }

        if (current.Count > 0 || clauseAt.Line != 0)
        {
            throw new UserInputException(clauseAt, "last clause is not terminated by 0", "end every clause with the literal 0");
        }

        if (n < 0 && !headerless)
        {
            throw new UserInputException(new SourceLocation(file, 1, 1), "no header 'p cnf VARIABLES CLAUSES'", "a DIMACS CNF file starts with its header line");
        }

        if (!headerless && clauses.Count != m)
        {
            throw new UserInputException(new SourceLocation(file, headerLine, 1),
                $"header announces {m} clauses but the file has {clauses.Count}", $"fix the count in the header or add the missing clauses (last clause line: {lastLine})");
        }

        if (headerless)
        {
            if (maxVar == 0)
            {
                throw new UserInputException(new SourceLocation(file, 1, 1), "no clauses", "a weighted formula needs at least one clause");
            }

            n = maxVar;
            if (hard.Any(h => h))
            {
                top = weights.Where((_, i) => !hard[i]).Sum() + 1;
                for (var i = 0; i < weights.Count; i++)
                {
                    weights[i] = hard[i] ? top.Value : weights[i];
                }
            }
        }

        return new SatFormula(n, clauses, weighted ? weights : null, weighted && hard.Any(h => h) ? top : null);
    }

    private static IEnumerable<(string Token, int Column)> Tokens(string line)
    {
        var i = 0;
        while (i < line.Length)
        {
            while (i < line.Length && char.IsWhiteSpace(line[i]))
            {
                i++;
            }

            var start = i;
            while (i < line.Length && !char.IsWhiteSpace(line[i]))
            {
                i++;
            }

            if (i > start)
            {
                yield return (line[start..i], start + 1);
            }
        }
    }
}
