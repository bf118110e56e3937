using Neuromorph.Diagnostics;
using Neuromorph.Io;

namespace Neuromorph.Networks.Tasks;

/// <summary>
/// Users' own time series: a CSV file with a header row, one row per step, feature columns and target columns
/// chosen by name, in the layout and number grammar of every input CSV (<see cref="CsvLine"/>, <see cref="CsvNumber"/>).
/// Every problem (missing file, missing column, a cell that is not a finite number, a ragged row, too few rows) is a
/// <see cref="UserInputException"/> at the file's line and column.
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
        var text = TextFile.ReadExisting(path, "CSV file", "give a CSV file in plain text: a header row naming the columns, then one row per step",
            "data file not found", "paths are relative to the YAML file");
        var lines = CsvLine.Split(text, path);
        if (lines.Count == 0)
        {
            throw new UserInputException(new SourceLocation(path, 1, 1), "the data file is empty", "the first line names the columns, e.g. time,u,y");
        }

        var header = lines[0].Fields.Select(h => h.Text).ToArray();
        int[] Columns(IReadOnlyList<string> names, string role) => [.. names.Select(name =>
        {
            var j = Array.FindIndex(header, h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));
            return j >= 0 ? j : throw new UserInputException(lines[0].Location,
                $"no {role} column '{name}' in the header ({string.Join(", ", header)})", Suggestions.Hint(name, header));
        })];
        var inCols = Columns(inputs, "input");
        var outCols = Columns(targets, "target");
        var rows = new List<double[]>();
        foreach (var (at, cells) in lines.Skip(1))
        {
            if (cells.Count != header.Length)
            {
                throw new UserInputException(at, $"row has {cells.Count} cells, the header {header.Length}", "every row needs one value per column");
            }

            var values = new double[header.Length];
            for (var j = 0; j < cells.Count; j++)
            {
                if ((inCols.Contains(j) || outCols.Contains(j)) && !CsvNumber.TryParse(cells[j].Text, out values[j]))
                {
                    throw new UserInputException(cells[j].Location, $"column '{header[j]}' holds '{cells[j].Text}', not a finite number",
                        "fill or drop missing values (NaN, empty cells) before training");
                }
            }

            rows.Add(values);
        }

        var length = rows.Count - horizon;
        if (length < 2)
        {
            throw new UserInputException(new SourceLocation(path, Math.Max(1, text.Split('\n').Length - (text.EndsWith('\n') ? 1 : 0)), 1), $"{rows.Count} data rows are too few for horizon {horizon}", "a series needs at least two steps");
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
