using Parquet;
using Parquet.Schema;

namespace Neuromorph.Io;

/// <summary>
/// Writes a table of named double columns as an Apache Parquet file (one row group, one non-null DOUBLE column per
/// header, Snappy-compressed), atomically: pandas, polars and Arrow read 10^5-column and 10^7-row results directly.
/// </summary>
public static class ParquetTable
{
    /// <summary>The file extension tables take in this format.</summary>
    public const string Extension = ".parquet";

    /// <summary>Writes <paramref name="columns"/> under <paramref name="headers"/> to <paramref name="path"/>.</summary>
    public static void Write(string path, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<double>> columns, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(columns);
        if (headers.Count != columns.Count)
        {
            throw new ArgumentException("one header per column");
        }

        var fields = headers.Select(h => new DataField<double>(h, false)).ToArray();
        AtomicFile.WriteStream(path, stream =>
        {
            var schema = new ParquetSchema(fields);
            var writer = ParquetWriter.CreateAsync(schema, stream, cancellationToken: cancel).GetAwaiter().GetResult();
            try
            {
                using var group = writer.CreateRowGroup();
                for (var k = 0; k < fields.Length; k++)
                {
                    cancel.ThrowIfCancellationRequested();
                    var values = columns[k] as double[] ?? [.. columns[k]];
                    group.WriteAsync(fields[k], (ReadOnlyMemory<double>)values, cancellationToken: cancel).GetAwaiter().GetResult();
                }
            }
            finally
            {
                // finishes the file (footer) on success; on a failure or an interrupt AtomicFile discards the temporary
                writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        });
    }
}
