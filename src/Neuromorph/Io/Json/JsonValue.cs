using System.Text;
using System.Text.Json;
using Neuromorph.Diagnostics;

namespace Neuromorph.Io.Json;

/// <summary>The kinds of JSON value.</summary>
public enum JsonKind
{
    /// <summary>{ ... }.</summary>
    Object,

    /// <summary>[ ... ].</summary>
    Array,

    /// <summary>A number.</summary>
    Number,

    /// <summary>A string.</summary>
    String,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>null.</summary>
    Null,
}

/// <summary>
/// A JSON document read with the line and column of every value, so readers of JSON files (model files) can report
/// user errors as <c>file:line:col</c> the way the YAML readers do. Parsed with System.Text.Json's reader; malformed
/// text is a <see cref="UserInputException"/> at the offending line.
/// </summary>
public sealed class JsonValue
{
    private JsonValue(JsonKind kind, SourceLocation location)
    {
        Kind = kind;
        Location = location;
    }

    /// <summary>The value's kind.</summary>
    public JsonKind Kind { get; }

    /// <summary>Where the value starts.</summary>
    public SourceLocation Location { get; }

    /// <summary>A number's value.</summary>
    public double Number { get; private set; }

    /// <summary>A string's value, or "true"/"false".</summary>
    public string Text { get; private set; } = "";

    /// <summary>An object's members in file order (name, value, where the name is).</summary>
    public IReadOnlyList<(string Name, JsonValue Value, SourceLocation NameLocation)> Members { get; private set; } = [];

    /// <summary>An array's items.</summary>
    public IReadOnlyList<JsonValue> Items { get; private set; } = [];

    /// <summary>The member <paramref name="name"/> of an object, or null.</summary>
    public JsonValue? this[string name] => Members.FirstOrDefault(m => m.Name == name).Value;

    /// <summary>Parses <paramref name="text"/>; <paramref name="file"/> names it in messages.</summary>
    public static JsonValue Parse(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = Encoding.UTF8.GetBytes(text);
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                lineStarts.Add(i + 1);
            }
        }

        SourceLocation At(long offset)
        {
            var line = lineStarts.BinarySearch((int)offset);
            line = line >= 0 ? line : ~line - 1;
            return new SourceLocation(file, line + 1, (int)(offset - lineStarts[line]) + 1);
        }

        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            if (!reader.Read())
            {
                throw new UserInputException(new SourceLocation(file, 1, 1), "the file is empty", "a model file is one JSON object");
            }

            var root = ReadValue(ref reader, At);
            if (reader.Read())
            {
                throw new UserInputException(At(reader.TokenStartIndex), "text after the end of the JSON value");
            }

            return root;
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var col = (int)(ex.BytePositionInLine ?? 0) + 1;
            throw new UserInputException(new SourceLocation(file, line, col), $"malformed JSON: {ex.Message.Split(" LineNumber", 2)[0]}", "check brackets, commas and quotes near here");
        }
    }

    /// <summary>A located error about this value.</summary>
    public UserInputException Error(string message, string? hint = null) => new(Location, message, hint);

    private static JsonValue ReadValue(ref Utf8JsonReader reader, Func<long, SourceLocation> at)
    {
        var where = at(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var members = new List<(string, JsonValue, SourceLocation)>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var nameAt = at(reader.TokenStartIndex);
                    var name = reader.GetString() ?? "";
                    reader.Read();
                    members.Add((name, ReadValue(ref reader, at), nameAt));
                }

                return new JsonValue(JsonKind.Object, where) { Members = members };
            case JsonTokenType.StartArray:
                var items = new List<JsonValue>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, at));
                }

                return new JsonValue(JsonKind.Array, where) { Items = items };
            case JsonTokenType.Number:
                return new JsonValue(JsonKind.Number, where) { Number = reader.GetDouble() };
            case JsonTokenType.String:
                return new JsonValue(JsonKind.String, where) { Text = reader.GetString() ?? "" };
            case JsonTokenType.True:
            case JsonTokenType.False:
                return new JsonValue(JsonKind.Boolean, where) { Text = reader.TokenType == JsonTokenType.True ? "true" : "false" };
            default:
                return new JsonValue(JsonKind.Null, where);
        }
    }
}
