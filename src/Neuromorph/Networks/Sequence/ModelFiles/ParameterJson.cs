using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Neuromorph.Networks.Sequence.ModelFiles;

/// <summary>
/// How the model files (sequence, seq2seq, NTM) write a parameter: a vector as one JSON array of round-trip numbers,
/// a matrix as an array of rows, one row per line at the parameters' indentation.
/// </summary>
public static class ParameterJson
{
    /// <summary>The parameter as raw JSON text for <see cref="Utf8JsonWriter.WriteRawValue(string, bool)"/>.</summary>
    public static string Raw(Parameter p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return p.IsMatrix ? Matrix(p) : Row(p.Value);
    }

    /// <summary>Writes <c>"metadata": { key: text ... }</c> when there is any.</summary>
    public static void WriteMetadata(Utf8JsonWriter w, IReadOnlyDictionary<string, string>? metadata)
    {
        ArgumentNullException.ThrowIfNull(w);
        if (metadata is not { Count: > 0 })
        {
            return;
        }

        w.WriteStartObject("metadata");
        foreach (var (key, value) in metadata)
        {
            w.WriteString(key, value);
        }

        w.WriteEndObject();
    }

    private static string Matrix(Parameter p)
    {
        var b = new StringBuilder("[\n");
        for (var i = 0; i < p.Rows; i++)
        {
            b.Append("      ").Append(Row(p.Value.AsSpan(i * p.Columns, p.Columns))).Append(i + 1 < p.Rows ? ",\n" : "\n");
        }

        return b.Append("    ]").ToString();
    }

    /// <summary>A row as a JSON array of round-trip numbers ("R", which is also System.Text.Json's number format).</summary>
    private static string Row(ReadOnlySpan<double> row)
    {
        var b = new StringBuilder("[");
        for (var j = 0; j < row.Length; j++)
        {
            b.Append(j > 0 ? ", " : "").Append(row[j].ToString("R", CultureInfo.InvariantCulture));
        }

        return b.Append(']').ToString();
    }
}
