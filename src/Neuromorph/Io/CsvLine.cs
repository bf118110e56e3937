using Neuromorph.Diagnostics;

namespace Neuromorph.Io;

/// <summary>
/// A data line of an input CSV file (matrices, series, problem tables) and its fields. Input CSV files share one layout:
/// fields are separated by commas (no quoting: input files hold numbers and plain names), blank lines and lines whose
/// first non-blank character is '#' are skipped, and every field knows its line and column for located errors.
/// </summary>
public sealed record CsvLine(SourceLocation Location, IReadOnlyList<CsvField> Fields)
{
    /// <summary>The data lines of <paramref name="text"/> (file <paramref name="file"/>), in order.</summary>
    public static List<CsvLine> Split(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<CsvLine>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var fields = new List<CsvField>();
            var column = 1;
            foreach (var cell in line.Split(','))
            {
                fields.Add(new CsvField(cell.Trim(), new SourceLocation(file, i + 1, column)));
                column += cell.Length + 1;
            }

            result.Add(new CsvLine(new SourceLocation(file, i + 1, 1), fields));
        }

        return result;
    }
}
