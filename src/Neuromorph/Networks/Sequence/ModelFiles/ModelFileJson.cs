using System.Globalization;
using Neuromorph.Diagnostics;
using Neuromorph.Io.Json;

namespace Neuromorph.Networks.Sequence.ModelFiles;

/// <summary>
/// The reading steps the model files (sequence, NTM) share, each mistake a <see cref="UserInputException"/> at its line
/// and column: the file's text, a root object with known keys only, required keys of a kind, whole-number sizes, and
/// the parameters (no foreign names, none missing, each filled by <see cref="ParameterJson.Fill"/>).
/// </summary>
public static class ModelFileJson
{
    /// <summary>The text of <paramref name="path"/>; a missing file is "model file not found" with <paramref name="hint"/>.</summary>
    public static string ReadText(string path, string hint) =>
        File.Exists(path) ? File.ReadAllText(path) : throw new UserInputException(new SourceLocation(path, 0, 0), "model file not found", hint);

    /// <summary>
    /// Parses <paramref name="text"/> (<paramref name="file"/> names it) as one JSON object whose keys are all in
    /// <paramref name="keys"/>; <paramref name="what"/> names the file in the error ("a model file", "an NTM model file").
    /// </summary>
    public static JsonValue ParseObject(string text, string file, string what, string doc, IReadOnlyCollection<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var root = JsonValue.Parse(text, file);
        if (root.Kind != JsonKind.Object)
        {
            throw root.Error($"{what} is one JSON object", $"see {doc} for the format");
        }

        foreach (var (name, _, at) in root.Members)
        {
            if (!keys.Contains(name))
            {
                throw new UserInputException(at, $"unknown key '{name}'", Suggestions.Hint(name, [.. keys]));
            }
        }

        return root;
    }

    /// <summary>The value of <paramref name="key"/>, which must be there and of <paramref name="kind"/> (object, string or number).</summary>
    public static JsonValue Require(JsonValue root, string key, JsonKind kind, string doc)
    {
        ArgumentNullException.ThrowIfNull(root);
        var v = root[key] ?? throw root.Error($"missing key '{key}'", $"see {doc} for the model-file format");
        return v.Kind == kind ? v : throw v.Error($"'{key}' must be {(kind == JsonKind.Object ? "an object" : kind == JsonKind.String ? "a string" : "a number")}");
    }

    /// <summary>The optional <c>"bidirectional"</c> flag (false when absent), which must be a JSON true or false.</summary>
    public static bool Bidirectional(JsonValue root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var v = root["bidirectional"];
        if (v is null)
        {
            return false;
        }

        var found = v.Kind switch
        {
            JsonKind.Number => v.Number.ToString(CultureInfo.InvariantCulture),
            JsonKind.String => $"\"{v.Text}\"",
            _ => v.Kind.ToString().ToLowerInvariant(),
        };
        return v.Kind == JsonKind.Boolean ? v.Text == "true" : throw v.Error($"'bidirectional' must be true or false, got {found}", "PyTorch's bidirectional=True is \"bidirectional\": true");
    }

    /// <summary>A required size: a whole number from <paramref name="min"/> to 2^20.</summary>
    public static int Size(JsonValue root, string key, int min, string doc)
    {
        var v = Require(root, key, JsonKind.Number, doc);
        if (v.Number < min || v.Number != Math.Floor(v.Number) || v.Number > 1 << 20)
        {
            var what = min == 1 ? "a positive whole number" : $"a whole number of at least {min}";
            throw v.Error($"'{key}' must be {what}, got {v.Number.ToString(CultureInfo.InvariantCulture)}");
        }

        return (int)v.Number;
    }

    /// <summary>
    /// Fills every parameter of <paramref name="wanted"/> from the object <paramref name="parameters"/>. A name the model
    /// does not have is an error at that name, worded by <paramref name="foreign"/> (message, hint); a missing one is an
    /// error at the object listing the names; <paramref name="shapeHint"/> explains the shapes.
    /// </summary>
    public static void FillParameters(JsonValue parameters, IReadOnlyList<Parameter> wanted, Func<string, IReadOnlyList<string>, (string Message, string Hint)> foreign, string shapeHint)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        FillParameters(parameters, wanted, [.. wanted.Select(p => p.Name)], foreign, shapeHint);
    }

    /// <summary>As <see cref="FillParameters(JsonValue, IReadOnlyList{Parameter}, Func{string, IReadOnlyList{string}, ValueTuple{string, string}}, string)"/>, each parameter under its name in <paramref name="names"/> (e.g. a module prefix).</summary>
    public static void FillParameters(JsonValue parameters, IReadOnlyList<Parameter> wanted, IReadOnlyList<string> names, Func<string, IReadOnlyList<string>, (string Message, string Hint)> foreign, string shapeHint)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(wanted);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(foreign);
        foreach (var (name, _, at) in parameters.Members)
        {
            if (!names.Contains(name))
            {
                var (message, hint) = foreign(name, names);
                throw new UserInputException(at, message, hint);
            }
        }

        for (var k = 0; k < wanted.Count; k++)
        {
            var p = wanted[k];
            var value = parameters[names[k]] ?? throw parameters.Error($"parameter '{names[k]}' is missing (shape {p.ShapeText})", $"the model needs: {string.Join(", ", names)}");
            ParameterJson.Fill(p, value, shapeHint);
        }
    }
}
