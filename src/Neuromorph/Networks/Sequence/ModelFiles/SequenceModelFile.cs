using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Neuromorph.Diagnostics;
using Neuromorph.Io;
using Neuromorph.Io.Json;

namespace Neuromorph.Networks.Sequence.ModelFiles;

/// <summary>
/// The sequence-model file (docs/sequence.md): one JSON object with the cell type and sizes and every parameter
/// under PyTorch's state-dict name and layout as nested lists (what <c>tensor.tolist()</c> gives), so a model
/// trained in PyTorch loads here and one trained here loads into torch.nn.RNN/LSTM/GRU + torch.nn.Linear:
/// <code>
/// { "format": "neuromorph-sequence-model", "version": 1, "cell": "lstm", "input_size": 1, "hidden_size": 8,
///   "num_layers": 1, "output_size": 1,
///   "parameters": { "weight_ih_l0": [[...], ...], "weight_hh_l0": ..., "bias_ih_l0": [...], "bias_hh_l0": [...],
///                   "weight": [[...]], "bias": [...] },
///   "metadata": { ... anything, ignored when read ... } }
/// </code>
/// A bidirectional model adds <c>"bidirectional": true</c> and the reverse directions' parameters under PyTorch's names
/// (<c>weight_ih_l0_reverse</c> ..., after each layer's forward ones); its readout <c>weight</c> is outputs × 2·hidden.
/// Reading checks everything and reports mistakes at file:line:col (unknown cell type, a missing or unexpected
/// parameter, a shape that is not the one the sizes imply, a value that is not a finite number).
/// </summary>
public static class SequenceModelFile
{
    private const string Doc = "docs/sequence.md";

    /// <summary>The value of the "format" key.</summary>
    public const string Format = "neuromorph-sequence-model";

    /// <summary>The value of the "version" key: the one version this build writes and reads.</summary>
    public const int Version = 1;

    /// <summary>Writes <paramref name="model"/> to <paramref name="path"/> atomically; <paramref name="metadata"/> (name → number or text) is stored for people, not read back.</summary>
    public static void Write(SequenceModel model, string path, IReadOnlyDictionary<string, object>? metadata = null) =>
        AtomicFile.WriteAllText(path, ToJson(model, metadata));

    /// <summary>
    /// The model as JSON text (matrix rows one per line, numbers in round-trip form), written by System.Text.Json's
    /// <see cref="Utf8JsonWriter"/>: keys, strings and metadata through the writer (its escaping), each parameter as one
    /// raw value that the writer validates, laid out a matrix row per line (the indented writer alone would put every
    /// number on a line of its own).
    /// </summary>
    public static string ToJson(SequenceModel model, IReadOnlyDictionary<string, object>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var s = model.Spec;
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteNumber("version", Version);
            w.WriteString("cell", CellTypes.Name(s.Cell));
            w.WriteNumber("input_size", s.InputSize);
            w.WriteNumber("hidden_size", s.HiddenSize);
            w.WriteNumber("num_layers", s.Layers);
            w.WriteNumber("output_size", s.OutputSize);
            if (s.Bidirectional)
            {
                w.WriteBoolean("bidirectional", true);
            }

            w.WriteStartObject("parameters");
            foreach (var p in model.Parameters)
            {
                w.WritePropertyName(p.Name);
                w.WriteRawValue(ParameterJson.Raw(p));
            }

            w.WriteEndObject();
            if (metadata is { Count: > 0 })
            {
                w.WriteStartObject("metadata");
                foreach (var (key, value) in metadata)
                {
                    switch (value)
                    {
                        case double d when double.IsFinite(d):
                            w.WriteNumber(key, d);
                            break;
                        case double:
                            w.WriteNull(key);
                            break;
                        case int n:
                            w.WriteNumber(key, n);
                            break;
                        case bool b:
                            w.WriteBoolean(key, b);
                            break;
                        default:
                            w.WriteString(key, value.ToString());
                            break;
                    }
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    /// <summary>Reads a model file; every mistake is a <see cref="UserInputException"/> at its line and column.</summary>
    public static SequenceModel Read(string path) =>
        Parse(ModelFileJson.ReadText(path, "give the model.json that 'neuromorph train' wrote, or one exported from PyTorch (docs/sequence.md)"), path);

    /// <summary>Parses model-file text; <paramref name="file"/> names it in messages.</summary>
    public static SequenceModel Parse(string text, string file)
    {
        var root = ModelFileJson.ParseObject(text, file, "a model file", Doc,
            ["format", "version", "cell", "input_size", "hidden_size", "num_layers", "output_size", "bidirectional", "parameters", "metadata"]);
        CheckVersion(root);
        var cellValue = ModelFileJson.Require(root, "cell", JsonKind.String, Doc);
        if (!CellTypes.TryParse(cellValue.Text, out var cell))
        {
            throw cellValue.Error($"unknown cell type '{cellValue.Text}'", Suggestions.Hint(cellValue.Text, [.. CellTypes.Names]));
        }

        var spec = new SequenceModelSpec(cell, Size(root, "input_size"), Size(root, "hidden_size"), Size(root, "output_size"),
            root["num_layers"] is null ? 1 : Size(root, "num_layers"))
        { Bidirectional = ModelFileJson.Bidirectional(root) };
        if (cell == CellType.Jordan && spec.Layers != 1)
        {
            throw root["num_layers"]!.Error("a Jordan network has one layer", "set num_layers to 1");
        }

        if (cell == CellType.Jordan && spec.Bidirectional)
        {
            throw root["bidirectional"]!.Error("a Jordan network cannot be bidirectional (its output feeds back into it)", "set bidirectional to false or use rnn_tanh");
        }

        var model = new SequenceModel(spec);
        ModelFileJson.FillParameters(ModelFileJson.Require(root, "parameters", JsonKind.Object, Doc), model.Parameters,
            (name, names) => ($"parameter '{name}' does not belong to a {spec.Layers}-layer {(spec.Bidirectional ? "bidirectional " : "")}{CellTypes.Name(cell)} model",
                !spec.Bidirectional && name.EndsWith("_reverse", StringComparison.Ordinal)
                    ? "a reverse direction's parameter: a bidirectional model's file says \"bidirectional\": true"
                    : Suggestions.Hint(name, names)),
            "weights are gates·hidden × input (PyTorch's layout); check input_size, hidden_size and the cell type");
        return model;
    }

    private static void CheckVersion(JsonValue root)
    {
        var hint = $"files this Neuromorph reads say \"version\": {Version} (a newer file needs a newer Neuromorph)";
        var v = root["version"] ?? throw root.Error("missing key 'version'", hint);
        if (v.Kind != JsonKind.Number)
        {
            throw v.Error("'version' must be a number", hint);
        }

        if (v.Number != Version)
        {
            throw v.Error($"model-file version {v.Number.ToString(CultureInfo.InvariantCulture)} is not one this Neuromorph reads (it reads version {Version})", hint);
        }
    }

    private static int Size(JsonValue root, string key) => ModelFileJson.Size(root, key, 1, Doc);
}
