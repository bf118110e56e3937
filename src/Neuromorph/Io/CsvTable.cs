using System.Globalization;

namespace Neuromorph.Io;

/// <summary>
/// Writes numeric tables as CSV: a header row, then one row per point, numbers in round-trip form with the
/// invariant culture (so they read back bit-for-bit), written atomically.
/// </summary>
public static class CsvTable
{
    /// <summary>Writes columns of equal length under <paramref name="headers"/>.</summary>
    public static void Write(string path, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<double>> columns)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(columns);
        if (headers.Count != columns.Count)
        {
            throw new ArgumentException("one header per column");
        }

        var rows = columns.Count == 0 ? 0 : columns[0].Count;
        AtomicFile.Write(path, w =>
        {
            w.Write(CsvRow.Format(headers));
            w.Write('\n');
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < columns.Count; c++)
                {
                    if (c > 0)
                    {
                        w.Write(',');
                    }

                    w.Write(columns[c][r].ToString("R", CultureInfo.InvariantCulture));
                }

                w.Write('\n');
            }
        });
    }

    /// <summary>Reads a CSV with a header row; fields that are not numbers (status words, empty cells) read as NaN.</summary>
    public static (string[] Headers, double[][] Columns) Read(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        var headers = CsvRow.Parse(lines[0]).ToArray();
        var columns = headers.Select(_ => new double[lines.Length - 1]).ToArray();
        for (var r = 1; r < lines.Length; r++)
        {
            var f = CsvRow.Parse(lines[r]);
            for (var c = 0; c < headers.Length && c < f.Count; c++)
            {
                columns[c][r - 1] = double.TryParse(f[c], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN;
            }
        }

        return (headers, columns);
    }
}
