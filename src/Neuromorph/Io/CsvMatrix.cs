using Neuromorph.Diagnostics;

namespace Neuromorph.Io;

/// <summary>
/// Reads a numeric matrix from CSV: no header, one row per data line (<see cref="CsvLine"/>: blank and '#' lines
/// skipped), every field a number of <see cref="CsvNumber"/>'s grammar, every row as wide as the first. Mistakes are
/// <see cref="UserInputException"/>s at file:line:column.
/// </summary>
public static class CsvMatrix
{
    private const string NumbersOnly = "CSV matrices hold plain numbers only (such as 0.012 or 1e-4), no header and no unit suffixes";

    /// <summary>The rows of the matrix in file <paramref name="path"/> (a binary file is a located error).</summary>
    public static double[][] Read(string path) =>
        Parse(TextFile.Read(path, "CSV file", "give a CSV file in plain text: one row of comma-separated numbers per line"), path);

    /// <summary>The rows of the matrix in <paramref name="text"/>, read from file <paramref name="file"/>.</summary>
    public static double[][] Parse(string text, string file)
    {
        var lines = CsvLine.Split(text, file);
        var rows = new double[lines.Count][];
        for (var r = 0; r < lines.Count; r++)
        {
            var fields = lines[r].Fields;
            if (r > 0 && fields.Count != rows[0].Length)
            {
                throw new UserInputException(lines[r].Location, $"row {r + 1} has {fields.Count} values, row 1 has {rows[0].Length}", "every row needs the same number of values");
            }

            rows[r] = [.. fields.Select(f => CsvNumber.Parse(f, NumbersOnly))];
        }

        return rows;
    }
}
