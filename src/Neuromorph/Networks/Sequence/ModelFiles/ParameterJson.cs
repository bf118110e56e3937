using System.Globalization;
using System.Text;
using System.Text.Json;
using Neuromorph.Io.Json;

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

    /// <summary>
    /// Fills <paramref name="p"/> from its JSON value (nested lists in the written layout); a wrong shape, a ragged
    /// matrix or a value that is not a finite number is a located user error at the value that names the parameter;
    /// <paramref name="hint"/> explains the layout.
    /// </summary>
    public static void Fill(Parameter p, JsonValue value, string hint)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(value);
        var found = Shape(value);
        if (!found.SequenceEqual(p.Shape))
        {
            throw value.Error($"parameter '{p.Name}': expected shape {p.ShapeText}, found [{string.Join(", ", found)}]",
                hint);
        }

        var values = p.IsMatrix ? value.Items.SelectMany(r => r.Items) : value.Items;
        var i = 0;
        foreach (var v in values)
        {
            if (v.Kind != JsonKind.Number || !double.IsFinite(v.Number))
            {
                throw v.Error($"parameter '{p.Name}' holds a value that is not a finite number");
            }

            p.Value[i++] = v.Number;
        }
    }

    /// <summary>The shape of nested lists (a ragged or non-list value ends the shape where it breaks).</summary>
    private static int[] Shape(JsonValue v)
    {
        if (v.Kind != JsonKind.Array)
        {
            return [];
        }

        if (v.Items.Count > 0 && v.Items.All(i => i.Kind == JsonKind.Array))
        {
            var inner = v.Items.Select(i => i.Items.Count).Distinct().ToList();
            if (inner.Count > 1)
            {
                throw v.Items.First(i => i.Items.Count != v.Items[0].Items.Count).Error($"row of {v.Items.First(i => i.Items.Count != v.Items[0].Items.Count).Items.Count} values in a matrix whose first row has {v.Items[0].Items.Count}", "every row of a matrix needs the same length");
            }

            return [v.Items.Count, inner[0]];
        }

        return [v.Items.Count];
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
