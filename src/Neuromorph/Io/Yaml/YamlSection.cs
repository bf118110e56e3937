using System.Globalization;
using Neuromorph.Diagnostics;
using Neuromorph.Units;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Neuromorph.Io.Yaml;

/// <summary>
/// Typed, located access to one mapping of a YAML experiment or study file. Every lookup that fails
/// throws <see cref="UserInputException"/> at the key's <c>file:line:col</c> with a hint, so each
/// experiment reader gets the same error messages for free.
/// </summary>
public sealed class YamlSection
{
    private YamlSection(string file, YamlMappingNode node, string path)
    {
        File = file;
        Node = node;
        Path = path;
    }

    /// <summary>The file this section was read from.</summary>
    public string File { get; }

    /// <summary>The underlying mapping node.</summary>
    public YamlMappingNode Node { get; }

    /// <summary>Dotted key path from the document root ("" for the root).</summary>
    public string Path { get; }

    /// <summary>Where this mapping starts.</summary>
    public SourceLocation Location => At(Node);

    /// <summary>Keys present, in file order.</summary>
    public IEnumerable<string> Keys => Node.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? "");

    /// <summary>Reads a YAML file whose root is a mapping.</summary>
    public static YamlSection LoadFile(string path)
    {
        if (!System.IO.File.Exists(path))
        {
            throw new UserInputException(new SourceLocation(path, 0, 0), "file not found", "check the path");
        }

        return Parse(System.IO.File.ReadAllText(path), path);
    }

    /// <summary>Parses YAML text whose root is a mapping; <paramref name="file"/> names it in messages.</summary>
    public static YamlSection Parse(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Load(new Parser(new StringReader(text)), file);
    }

    /// <summary>Builds the tree of the events <paramref name="parser"/> delivers (<see cref="Parse"/>, <see cref="YamlTemplate"/>).</summary>
    internal static YamlSection Load(IParser parser, string file)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(parser);
        }
        catch (YamlException ex)
        {
            var where = new SourceLocation(file, (int)ex.Start.Line, (int)ex.Start.Column);
            throw new UserInputException(where, $"malformed YAML: {ex.Message}", "check indentation, colons and quotes on this line");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new UserInputException(new SourceLocation(file, 1, 1), "expected a YAML mapping (key: value lines) at the top level", "see docs/ for the file format");
        }

        return new YamlSection(file, root, "");
    }

    /// <summary>True if <paramref name="key"/> is present (and not null).</summary>
    public bool Has(string key) => Find(key) is { } n && !(n is YamlScalarNode s && IsNull(s));

    /// <summary>The location of <paramref name="key"/>'s value, or of this mapping if absent.</summary>
    public SourceLocation LocationOf(string key) => Find(key) is { } n ? At(n) : Location;

    /// <summary>The raw node of <paramref name="key"/>, or null.</summary>
    public YamlNode? Find(string key)
    {
        foreach (var (k, v) in Node.Children)
        {
            if (k is YamlScalarNode s && string.Equals(s.Value, key, StringComparison.OrdinalIgnoreCase))
            {
                return v;
            }
        }

        return null;
    }

    /// <summary>A required string.</summary>
    public string GetString(string key) => Scalar(key).Value ?? "";

    /// <summary>An optional string.</summary>
    public string GetString(string key, string defaultValue) => Has(key) ? GetString(key) : defaultValue;

    /// <summary>A required number (engineering suffixes such as 1k, 10u are accepted).</summary>
    public double GetDouble(string key) => ToDouble(Scalar(key), key);

    /// <summary>An optional number.</summary>
    public double GetDouble(string key, double defaultValue) => Has(key) ? GetDouble(key) : defaultValue;

    /// <summary>A required integer.</summary>
    public int GetInt(string key)
    {
        var node = Scalar(key);
        var d = ToDouble(node, key);
        if (d != Math.Floor(d) || d > int.MaxValue || d < int.MinValue)
        {
            throw new UserInputException(At(node), $"'{Qualified(key)}' must be a whole number, got '{node.Value}'");
        }

        return (int)d;
    }

    /// <summary>An optional integer.</summary>
    public int GetInt(string key, int defaultValue) => Has(key) ? GetInt(key) : defaultValue;

    /// <summary>An optional seed (64-bit).</summary>
    public long GetLong(string key, long defaultValue)
    {
        if (!Has(key))
        {
            return defaultValue;
        }

        var node = Scalar(key);
        if (!long.TryParse(node.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
        {
            throw new UserInputException(At(node), $"'{Qualified(key)}' must be a whole number, got '{node.Value}'");
        }

        return v;
    }

    /// <summary>A required boolean (true/false/yes/no/on/off).</summary>
    public bool GetBool(string key)
    {
        var node = Scalar(key);
        return (node.Value ?? "").ToLowerInvariant() switch
        {
            "true" or "yes" or "on" or "1" => true,
            "false" or "no" or "off" or "0" => false,
            _ => throw new UserInputException(At(node), $"'{Qualified(key)}' must be true or false, got '{node.Value}'"),
        };
    }

    /// <summary>An optional boolean.</summary>
    public bool GetBool(string key, bool defaultValue) => Has(key) ? GetBool(key) : defaultValue;

    /// <summary>A required nested mapping.</summary>
    public YamlSection GetSection(string key)
    {
        var n = Require(key);
        if (n is not YamlMappingNode m)
        {
            throw new UserInputException(At(n), $"'{Qualified(key)}' must be a mapping of key: value lines");
        }

        return new YamlSection(File, m, Qualified(key));
    }

    /// <summary>An optional nested mapping, or null.</summary>
    public YamlSection? TryGetSection(string key) => Has(key) ? GetSection(key) : null;

    /// <summary>A required list of numbers (<c>[1, 2, 3]</c> or one item per line).</summary>
    public double[] GetDoubleList(string key) => GetSequence(key).Children.Select(c => c is YamlScalarNode s
        ? ToDouble(s, key)
        : throw new UserInputException(At(c), $"'{Qualified(key)}' must be a list of numbers")).ToArray();

    /// <summary>A required list of lists of numbers (a matrix); rows must have equal length.</summary>
    public double[][] GetMatrix(string key)
    {
        var seq = GetSequence(key);
        var rows = new List<double[]>();
        foreach (var row in seq.Children)
        {
            if (row is not YamlSequenceNode r)
            {
                throw new UserInputException(At(row), $"'{Qualified(key)}' must be a list of rows, each a list of numbers");
            }

            var values = r.Children.Select(c => c is YamlScalarNode s ? ToDouble(s, key) : throw new UserInputException(At(c), "matrix entries must be numbers")).ToArray();
            if (rows.Count > 0 && values.Length != rows[0].Length)
            {
                throw new UserInputException(At(row), $"'{Qualified(key)}' row {rows.Count + 1} has {values.Length} entries, row 1 has {rows[0].Length}", "every row of a matrix needs the same number of entries");
            }

            rows.Add(values);
        }

        return [.. rows];
    }

    /// <summary>A required list of mappings.</summary>
    public IReadOnlyList<YamlSection> GetSectionList(string key)
    {
        var seq = GetSequence(key);
        var list = new List<YamlSection>();
        var i = 0;
        foreach (var c in seq.Children)
        {
            if (c is not YamlMappingNode m)
            {
                throw new UserInputException(At(c), $"each item of '{Qualified(key)}' must be a mapping");
            }

            list.Add(new YamlSection(File, m, $"{Qualified(key)}[{i++}]"));
        }

        return list;
    }

    /// <summary>A required list of strings.</summary>
    public string[] GetStringList(string key) => GetSequence(key).Children
        .Select(c => c is YamlScalarNode s ? s.Value ?? "" : throw new UserInputException(At(c), $"'{Qualified(key)}' must be a list of words")).ToArray();

    /// <summary>Rejects keys not in <paramref name="allowed"/>, with a did-you-mean hint.</summary>
    public void RejectUnknownKeys(params string[] allowed)
    {
        foreach (var (k, _) in Node.Children)
        {
            var name = (k as YamlScalarNode)?.Value ?? "";
            if (!allowed.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                throw new UserInputException(At(k), $"unknown key '{Qualified(name)}'", Suggestions.Hint(name, allowed));
            }
        }
    }

    /// <summary>Throws a located error about <paramref name="key"/>'s value.</summary>
    public UserInputException Error(string key, string message, string? hint = null) => new(LocationOf(key), message, hint);

    /// <summary>The location of a node in this file.</summary>
    public SourceLocation At(YamlNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return new SourceLocation(File, (int)node.Start.Line, (int)node.Start.Column);
    }

    private YamlSequenceNode GetSequence(string key)
    {
        var n = Require(key);
        return n as YamlSequenceNode ?? throw new UserInputException(At(n), $"'{Qualified(key)}' must be a list");
    }

    private YamlScalarNode Scalar(string key)
    {
        var n = Require(key);
        return n as YamlScalarNode ?? throw new UserInputException(At(n), $"'{Qualified(key)}' must be a single value, not a list or mapping");
    }

    private YamlNode Require(string key)
    {
        var n = Find(key);
        if (n is null || (n is YamlScalarNode s && IsNull(s)))
        {
            throw new UserInputException(Location, $"missing required key '{Qualified(key)}'", $"add '{key}: ...' under '{(Path.Length == 0 ? "the top level" : Path)}'");
        }

        return n;
    }

    private double ToDouble(YamlScalarNode node, string key)
    {
        if (EngineeringNumber.TryParse(node.Value ?? "", out var v, out var ignored))
        {
            // SPICE ignores letters after a suffix; a YAML file is not SPICE: a unit may follow, a typo may not
            return EngineeringNumber.IsUnit(ignored)
                ? v
                : throw new UserInputException(At(node), $"'{Qualified(key)}' = '{node.Value}': '{ignored}' after the number is neither a scale suffix nor a unit", "suffixes: f p n u m k meg g t (one of them); a unit may follow, e.g. 10kohm, 2.2uF");
        }

        throw new UserInputException(At(node), $"'{Qualified(key)}' must be a number, got '{node.Value}'", "numbers may use SPICE suffixes: 1k, 2.2u, 10meg");
    }

    private string Qualified(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    private static bool IsNull(YamlScalarNode s) =>
        s.Style == YamlDotNet.Core.ScalarStyle.Plain && (s.Value is null or "" or "~" or "null");
}
