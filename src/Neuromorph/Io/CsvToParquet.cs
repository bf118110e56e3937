using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace Neuromorph.Io;

/// <summary>
/// Converts a CSV table with a header row (one written by Neuromorph: study results, training curves, predictions) to an
/// Apache Parquet file beside it, atomically. A column of whole numbers with no empty cell becomes INT64 (UINT64 when
/// a value needs it: study seeds), so no digit is lost; a column whose every non-empty cell is a number becomes DOUBLE
/// (empty cells: NaN, as the CSV writes NaN); any other column becomes a UTF-8 string column (empty cells: empty
/// strings). Quoted fields with commas are read as CSV readers do.
/// </summary>
public static class CsvToParquet
{
    /// <summary>Writes <paramref name="csvPath"/>'s table to <paramref name="parquetPath"/> (default: the same name with .parquet); returns the path written.</summary>
    public static string Convert(string csvPath, string? parquetPath = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(csvPath);
        parquetPath ??= Path.ChangeExtension(csvPath, ParquetTable.Extension);
        var lines = File.ReadAllLines(csvPath).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0)
        {
            throw new InvalidDataException($"{csvPath} is empty: no header row");
        }

        var headers = CsvRow.Parse(lines[0]);
        var rows = lines.Skip(1).Select(CsvRow.Parse).ToList();
        var cells = new string[headers.Count][];
        for (var c = 0; c < headers.Count; c++)
        {
            cells[c] = [.. rows.Select(r => c < r.Count ? r[c] : "")];
        }

        var fields = new DataField[headers.Count];
        var numbers = new double[headers.Count][];
        var longs = new long[headers.Count][];
        var ulongs = new ulong[headers.Count][];
        for (var c = 0; c < headers.Count; c++)
        {
            if (rows.Count > 0 && cells[c].All(v => long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)))
            {
                longs[c] = [.. cells[c].Select(v => long.Parse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture))];
                fields[c] = new DataField<long>(headers[c], false);
                continue;
            }

            if (rows.Count > 0 && cells[c].All(v => ulong.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            {
                ulongs[c] = [.. cells[c].Select(v => ulong.Parse(v, NumberStyles.None, CultureInfo.InvariantCulture))];
                fields[c] = new DataField<ulong>(headers[c], false);
                continue;
            }

            var parsed = new double[rows.Count];
            var numeric = true;
            for (var r = 0; r < rows.Count && numeric; r++)
            {
                var s = cells[c][r];
                numeric = s.Length == 0 ? SetNaN(parsed, r) : double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out parsed[r]);
            }

            if (numeric)
            {
                numbers[c] = parsed;
                fields[c] = new DataField<double>(headers[c], false);
            }
            else
            {
                fields[c] = new DataField<string>(headers[c], false);
            }
        }

        AtomicFile.WriteStream(parquetPath, stream =>
        {
            var writer = ParquetWriter.CreateAsync(new ParquetSchema(fields), stream, cancellationToken: cancel).GetAwaiter().GetResult();
            try
            {
                using var group = writer.CreateRowGroup();
                for (var c = 0; c < fields.Length; c++)
                {
                    cancel.ThrowIfCancellationRequested();
                    if (longs[c] is { } whole)
                    {
                        group.WriteAsync((DataField<long>)fields[c], (ReadOnlyMemory<long>)whole, cancellationToken: cancel).GetAwaiter().GetResult();
                    }
                    else if (ulongs[c] is { } large)
                    {
                        group.WriteAsync((DataField<ulong>)fields[c], (ReadOnlyMemory<ulong>)large, cancellationToken: cancel).GetAwaiter().GetResult();
                    }
                    else if (numbers[c] is { } values)
                    {
                        group.WriteAsync((DataField<double>)fields[c], (ReadOnlyMemory<double>)values, cancellationToken: cancel).GetAwaiter().GetResult();
                    }
                    else
                    {
                        group.WriteAsync(fields[c], cells[c], null).GetAwaiter().GetResult();
                    }
                }
            }
            finally
            {
                writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        });
        return parquetPath;
    }

    private static bool SetNaN(double[] values, int r)
    {
        values[r] = double.NaN;
        return true;
    }
}
