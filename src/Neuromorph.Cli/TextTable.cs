namespace Neuromorph.Cli;

/// <summary>
/// Plain-text tables for the terminal: every column as wide as its widest cell, columns separated by
/// <see cref="Gap"/> spaces, the last column unpadded (it holds free text).
/// </summary>
public static class TextTable
{
    /// <summary>Spaces between columns.</summary>
    public const int Gap = 2;

    /// <summary>The lines of a table whose first row is the header.</summary>
    public static IReadOnlyList<string> Lines(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var columns = rows.Count == 0 ? 0 : rows.Max(r => r.Count);
        var widths = new int[columns];
        foreach (var row in rows)
        {
            for (var j = 0; j < row.Count; j++)
            {
                widths[j] = Math.Max(widths[j], row[j].Length);
            }
        }

        return [.. rows.Select(row => string.Concat(row.Select((cell, j) => j == row.Count - 1 ? cell : cell.PadRight(widths[j] + Gap))).TrimEnd())];
    }
}
