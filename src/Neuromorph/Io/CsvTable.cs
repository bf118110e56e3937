using System.Globalization;
using Neuromorph.Diagnostics;

namespace Neuromorph.Io;

/// <summary>
/// Writes numeric tables as CSV: a header row, then one row per point, numbers in round-trip form with the
/// invariant culture (so they read back bit-for-bit), written atomically.
/// </summary>
public static class CsvTable
{
    /// <summary>Bytes a table of <paramref name="rows"/> × <paramref name="columns"/> numbers takes as CSV, roughly (round-trip doubles).</summary>
    public static long EstimateBytes(long rows, int columns) => rows * columns * 22L;

    /// <summary>
    /// Row indices that keep at most <paramref name="maxRows"/> of <paramref name="rows"/>, evenly spaced, first and last
    /// included (all rows when <paramref name="maxRows"/> is 0 or not smaller).
    /// </summary>
    public static int[] EvenlySpacedRows(int rows, int maxRows)
    {
        if (maxRows <= 0 || maxRows >= rows)
        {
            return [.. Enumerable.Range(0, rows)];
        }

        if (maxRows == 1)
        {
            return [0];
        }

        return [.. Enumerable.Range(0, maxRows).Select(k => (int)Math.Round((double)k * (rows - 1) / (maxRows - 1))).Distinct()];
    }

    /// <summary>The given rows of every column.</summary>
    public static IReadOnlyList<IReadOnlyList<double>> SelectRows(IReadOnlyList<IReadOnlyList<double>> columns, int[] rows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        return [.. columns.Select(c => (IReadOnlyList<double>)[.. rows.Select(r => c[r])])];
    }

    /// <summary>
    /// Writes columns of equal length under <paramref name="headers"/>. <paramref name="progress"/> receives the fraction
    /// of rows written; <paramref name="cancel"/> stops the write, leaving no file behind.
    /// </summary>
    public static void Write(string path, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<double>> columns, IProgress<double>? progress = null, CancellationToken cancel = default)
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
            var every = Math.Max(1, rows / 100);
            Span<char> digits = stackalloc char[40];
            for (var r = 0; r < rows; r++)
            {
                if (r % every == 0)
                {
                    cancel.ThrowIfCancellationRequested();
                    progress?.Report((double)r / rows);
                }

                for (var c = 0; c < columns.Count; c++)
                {
                    if (c > 0)
                    {
                        w.Write(',');
                    }

                    // formatted into a buffer: a 10^5-column table would otherwise make a string per value
                    var v = columns[c][r];
                    if (v.TryFormat(digits, out var length, "R", CultureInfo.InvariantCulture))
                    {
                        w.Write(digits[..length]);
                    }
                    else
                    {
                        w.Write(v.ToString("R", CultureInfo.InvariantCulture));
                    }
                }

                w.Write('\n');
            }
        });
    }

    /// <summary>Reads a CSV with a header row; fields that are not numbers (status words, empty cells) read as NaN. A binary file is a located error.</summary>
    public static (string[] Headers, double[][] Columns) Read(string path)
    {
        var text = TextFile.Read(path, "CSV file", "give a CSV file in plain text: a header row naming the columns, then one row per point");
        var lines = text.Split(["\r\n", "\n", "\r"], StringSplitOptions.None).Where(l => l.Length > 0).ToArray();
        if (lines.Length == 0)
        {
            throw new UserInputException(new SourceLocation(path, 1, 1), "the CSV file is empty", "a header row naming the columns comes first, then one row per point");
        }

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
