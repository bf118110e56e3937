using System.Globalization;
using Neuromorph.Diagnostics;

namespace Neuromorph.Networks.Tasks;

/// <summary>
/// Users' own time series: a CSV file with a header row, one row per step, feature columns and target columns
/// chosen by name. Every problem (missing file, missing column, a cell that is not a finite number, a ragged row,
/// too few rows) is a <see cref="UserInputException"/> at the file's line and column.
/// </summary>
public static class TimeSeriesCsv
{
    /// <summary>
    /// Reads <paramref name="path"/>; input row t holds the <paramref name="inputs"/> columns at row t, target row t
    /// the <paramref name="targets"/> columns at row t + <paramref name="horizon"/> (0: same row).
    /// </summary>
    public static TimeSeries Read(string path, IReadOnlyList<string> inputs, IReadOnlyList<string> targets, int horizon = 0)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(targets);
        if (!File.Exists(path))
        {
            throw new UserInputException(new SourceLocation(path, 0, 0), "data file not found", "paths are relative to the YAML file");
        }

        var lines = File.ReadAllLines(path);
        var headerLine = Array.FindIndex(lines, l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#'));
        if (headerLine < 0)
        {
            throw new UserInputException(new SourceLocation(path, 1, 1), "the data file is empty", "the first line names the columns, e.g. time,u,y");
        }

        var header = lines[headerLine].Split(',').Select(h => h.Trim()).ToArray();
        int[] Columns(IReadOnlyList<string> names, string role) => [.. names.Select(name =>
        {
            var j = Array.FindIndex(header, h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));
            return j >= 0 ? j : throw new UserInputException(new SourceLocation(path, headerLine + 1, 1),
                $"no {role} column '{name}' in the header ({string.Join(", ", header)})", Suggestions.Hint(name, header));
        })];
        var inCols = Columns(inputs, "input");
        var outCols = Columns(targets, "target");
        var rows = new List<double[]>();
        for (var i = headerLine + 1; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var cells = line.Split(',');
            if (cells.Length != header.Length)
            {
                throw new UserInputException(new SourceLocation(path, i + 1, 1), $"row has {cells.Length} cells, the header {header.Length}", "every row needs one value per column");
            }

            var values = new double[header.Length];
            var col = 1;
            for (var j = 0; j < cells.Length; j++)
            {
                if (inCols.Contains(j) || outCols.Contains(j))
                {
                    var text = cells[j].Trim();
                    if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out values[j]) || !double.IsFinite(values[j]))
                    {
                        throw new UserInputException(new SourceLocation(path, i + 1, col), $"column '{header[j]}' holds '{text}', not a finite number",
                            "fill or drop missing values (NaN, empty cells) before training");
                    }
                }

                col += cells[j].Length + 1;
            }

            rows.Add(values);
        }

        var length = rows.Count - horizon;
        if (length < 2)
        {
            throw new UserInputException(new SourceLocation(path, lines.Length, 1), $"{rows.Count} data rows are too few for horizon {horizon}", "a series needs at least two steps");
        }

        var x = new double[length * inCols.Length];
        var y = new double[length * outCols.Length];
        for (var t = 0; t < length; t++)
        {
            for (var k = 0; k < inCols.Length; k++)
            {
                x[(t * inCols.Length) + k] = rows[t][inCols[k]];
            }

            for (var k = 0; k < outCols.Length; k++)
            {
                y[(t * outCols.Length) + k] = rows[t + horizon][outCols[k]];
            }
        }

        return new TimeSeries(length, inCols.Length, outCols.Length, x, y, [.. inCols.Select(j => header[j])], [.. outCols.Select(j => header[j])]);
    }
}
