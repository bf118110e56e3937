using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Neuromorph.Diagnostics;
using Neuromorph.Io;
using Neuromorph.Io.Json;
using Neuromorph.Networks.Sequence;
using Neuromorph.Networks.Sequence.ModelFiles;

namespace Neuromorph.Networks.Memory.ModelFiles;

/// <summary>
/// The NTM model file (docs/ntm.md), written after a <c>kind: ntm</c> run: one JSON object with the sizes and every
/// parameter as nested lists:
/// <code>
/// { "format": "neuromorph-ntm-model", "version": 1, "inputs": 9, "outputs": 8, "controller": 100,
///   "memory_rows": 128, "memory_width": 20, "initial_memory": 1e-06,
///   "parameters": { "controller.weight_ih": [[...]], ..., "output.bias": [...] }, "metadata": { ... } }
/// </code>
/// <see cref="Read"/> checks the format, the version, the sizes and every parameter's shape, and reports a mistake at
/// its file:line:column, naming the parameter.
/// </summary>
public static class NtmModelFile
{
    /// <summary>The value of the "format" key.</summary>
    public const string Format = "neuromorph-ntm-model";

    /// <summary>The value of the "version" key: the one version this build writes and reads.</summary>
    public const int Version = 1;

    private const string Doc = "docs/ntm.md";

    private static readonly string[] Keys = ["format", "version", "inputs", "outputs", "controller", "memory_rows", "memory_width", "initial_memory", "parameters", "metadata"];

    /// <summary>Writes <paramref name="model"/> to <paramref name="path"/> atomically.</summary>
    public static void Write(NtmModel model, string path, IReadOnlyDictionary<string, string>? metadata = null) =>
        AtomicFile.WriteAllText(path, ToJson(model, metadata));

    /// <summary>The model as JSON text, one matrix row per line.</summary>
    public static string ToJson(NtmModel model, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var s = model.Spec;
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteNumber("version", Version);
            w.WriteNumber("inputs", s.Inputs);
            w.WriteNumber("outputs", s.Outputs);
            w.WriteNumber("controller", s.Hidden);
            w.WriteNumber("memory_rows", s.Rows);
            w.WriteNumber("memory_width", s.Width);
            w.WriteNumber("initial_memory", s.InitialMemory);
            w.WriteStartObject("parameters");
            foreach (var p in model.Parameters)
            {
                w.WritePropertyName(p.Name);
                w.WriteRawValue(ParameterJson.Raw(p));
            }

            w.WriteEndObject();
            ParameterJson.WriteMetadata(w, metadata);

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    /// <summary>Reads a model file written by <see cref="Write"/>; every mistake is a <see cref="UserInputException"/> at its line and column.</summary>
    public static NtmModel Read(string path) =>
        Parse(ModelFileJson.ReadText(path, "give the model.json that a kind: ntm run wrote (docs/ntm.md)"), path);

    /// <summary>Parses model-file text; <paramref name="file"/> names it in messages.</summary>
    public static NtmModel Parse(string text, string file)
    {
        var root = ModelFileJson.ParseObject(text, file, "an NTM model file", Doc, Keys);
        var format = ModelFileJson.Require(root, "format", JsonKind.String, Doc);
        if (format.Text != Format)
        {
            throw format.Error($"this is a '{format.Text}' file, not an NTM model ('{Format}')", "kind: ntm reads the model.json a kind: ntm run wrote");
        }

        var version = ModelFileJson.Require(root, "version", JsonKind.Number, Doc);
        if (version.Number != Version)
        {
            throw version.Error($"NTM model-file version {version.Number.ToString(CultureInfo.InvariantCulture)} is not one this Neuromorph reads (it reads version {Version})",
                "a newer file needs a newer Neuromorph");
        }

        var initial = ModelFileJson.Require(root, "initial_memory", JsonKind.Number, Doc);
        if (!(initial.Number > 0) || !double.IsFinite(initial.Number))
        {
            throw initial.Error($"'initial_memory' must be a positive number, got {initial.Number.ToString(CultureInfo.InvariantCulture)}");
        }

        int Size(string key, int min) => ModelFileJson.Size(root, key, min, Doc);
        var spec = new NtmModelSpec(Size("inputs", 1), Size("outputs", 1), Size("controller", 1), Size("memory_rows", 2), Size("memory_width", 1))
        {
            InitialMemory = initial.Number,
        };
        var model = NtmModel.Empty(spec);
        ModelFileJson.FillParameters(ModelFileJson.Require(root, "parameters", JsonKind.Object, Doc), model.Parameters,
            (name, names) => ($"parameter '{name}' does not belong to an NTM", Suggestions.Hint(name, names)),
            "shapes follow from inputs, outputs, controller and memory_width (docs/ntm.md)");
        return model;
    }
}
