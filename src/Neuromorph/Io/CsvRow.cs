using System.Globalization;
using System.Text;

namespace Neuromorph.Io;

/// <summary>RFC 4180 formatting and parsing of one CSV line (quotes doubled inside quoted fields).</summary>
public static class CsvRow
{
    /// <summary>Formats fields as one line (no newline), quoting where needed.</summary>
    public static string Format(IEnumerable<string> fields) =>
        string.Join(",", fields.Select(f => f.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{f.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : f));

    /// <summary>A number in round-trip form, or empty for NaN.</summary>
    public static string Number(double v) => double.IsNaN(v) ? "" : v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Parses a line into fields.</summary>
    public static List<string> Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var fields = new List<string>();
        var sb = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    sb.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    sb.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(sb.ToString());
                sb.Clear();
            }
            else
            {
                sb.Append(c);
            }
        }

        fields.Add(sb.ToString());
        return fields;
    }

    /// <summary>Parses a number field; empty is NaN.</summary>
    public static double ParseNumber(string field) =>
        string.IsNullOrEmpty(field) ? double.NaN : double.Parse(field, NumberStyles.Float, CultureInfo.InvariantCulture);
}
