using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Neuromorph.Diagnostics;
using Neuromorph.Io;
using Neuromorph.Io.Json;
using Neuromorph.Networks.Seq2Seq;
using Neuromorph.Networks.Sequence;
using Neuromorph.Networks.Sequence.ModelFiles;

namespace Neuromorph.Networks.Seq2Seq.ModelFiles;

/// <summary>
/// The encoder–decoder model file (docs/seq2seq.md): one JSON object with the sizes and every parameter under its
/// PyTorch state-dict name (a module with <c>encoder</c> = torch.nn.GRU/LSTM/RNN, <c>decoder</c> = torch.nn.GRUCell,
/// <c>attention</c> and <c>out</c> = torch.nn.Linear) as nested lists:
/// <code>
/// { "format": "neuromorph-seq2seq-model", "version": 1, "encoder_cell": "gru", "vocabulary": 12,
///   "encoder_hidden": 64, "decoder_hidden": 64, "attention": "additive", "attention_size": 32,
///   "tokens": ["0", ..., "&lt;s&gt;", "&lt;/s&gt;"],
///   "parameters": { "encoder.weight_ih_l0": [[...]], ..., "out.bias": [...] }, "metadata": { ... } }
/// </code>
/// </summary>
public static class Seq2SeqModelFile
{
    /// <summary>The value of the "format" key.</summary>
    public const string Format = "neuromorph-seq2seq-model";

    /// <summary>Writes <paramref name="model"/> to <paramref name="path"/> atomically.</summary>
    public static void Write(Seq2SeqModel model, string path, IReadOnlyList<string>? tokens = null, IReadOnlyDictionary<string, string>? metadata = null) =>
        AtomicFile.WriteAllText(path, ToJson(model, tokens, metadata));

    /// <summary>The model as JSON text, one matrix row per line.</summary>
    public static string ToJson(Seq2SeqModel model, IReadOnlyList<string>? tokens = null, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var s = model.Spec;
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteNumber("version", 1);
            w.WriteString("encoder_cell", CellTypes.Name(s.EncoderCell));
            w.WriteNumber("vocabulary", s.Vocabulary);
            w.WriteNumber("encoder_hidden", s.EncoderHidden);
            w.WriteNumber("decoder_hidden", s.DecoderHidden);
            if (s.Bidirectional)
            {
                w.WriteBoolean("bidirectional", true);
            }

            w.WriteString("attention", AttentionKinds.Name(s.Attention));
            w.WriteNumber("attention_size", s.AttentionSize);
            if (tokens is not null)
            {
                w.WriteStartArray("tokens");
                foreach (var t in tokens)
                {
                    w.WriteStringValue(t);
                }

                w.WriteEndArray();
            }

            w.WriteStartObject("parameters");
            for (var k = 0; k < model.Parameters.Count; k++)
            {
                var p = model.Parameters[k];
                w.WritePropertyName(model.ParameterNames[k]);
                w.WriteRawValue(ParameterJson.Raw(p));
            }

            w.WriteEndObject();
            ParameterJson.WriteMetadata(w, metadata);

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    /// <summary>
    /// Reads a model file; a file that is missing, not JSON, of another format, or whose sizes, names or shapes do not fit
    /// is a <see cref="UserInputException"/> at its line and column.
    /// </summary>
    public static Seq2SeqModel Read(string path) =>
        Parse(ModelFileJson.ReadText(path, "give the model.json that a kind: seq2seq run wrote"), path);

    /// <summary>Parses model-file text; <paramref name="file"/> names it in messages.</summary>
    public static Seq2SeqModel Parse(string text, string file)
    {
        var root = ModelFileJson.ParseObject(text, file, "a seq2seq model file", Doc,
            ["format", "version", "encoder_cell", "vocabulary", "encoder_hidden", "decoder_hidden", "bidirectional", "attention", "attention_size", "tokens", "parameters", "metadata"]);
        var format = ModelFileJson.Require(root, "format", JsonKind.String, Doc);
        if (format.Text != Format)
        {
            throw format.Error($"not a {Format} file (its \"format\" is \"{format.Text}\")", $"give the model.json that a kind: seq2seq run wrote ({Doc})");
        }

        var cellValue = ModelFileJson.Require(root, "encoder_cell", JsonKind.String, Doc);
        if (!CellTypes.TryParse(cellValue.Text, out var cell))
        {
            throw cellValue.Error($"unknown encoder cell '{cellValue.Text}'", Suggestions.Hint(cellValue.Text, [.. CellTypes.Names]));
        }

        var attentionValue = ModelFileJson.Require(root, "attention", JsonKind.String, Doc);
        if (!AttentionKinds.TryParse(attentionValue.Text, out var attention))
        {
            throw attentionValue.Error($"unknown attention '{attentionValue.Text}'", "attention: additive or multiplicative");
        }

        var spec = new Seq2SeqModelSpec(cell, Size(root, "vocabulary"), Size(root, "encoder_hidden"), Size(root, "decoder_hidden"), attention, Size(root, "attention_size"))
        {
            Bidirectional = ModelFileJson.Bidirectional(root),
        };
        if (spec.Problem() is { } problem)
        {
            throw root.Error(problem, $"see {Doc}");
        }

        var model = new Seq2SeqModel(spec);
        ModelFileJson.FillParameters(ModelFileJson.Require(root, "parameters", JsonKind.Object, Doc), model.Parameters, model.ParameterNames,
            (name, names) => ($"parameter '{name}' does not belong to a {CellTypes.Name(cell)} encoder with {AttentionKinds.Name(attention)} attention", Suggestions.Hint(name, names)),
            "weights are PyTorch's layout (out × in); check vocabulary, encoder_hidden, decoder_hidden and attention_size");
        return model;
    }

    private const string Doc = "docs/seq2seq.md";

    private static int Size(JsonValue root, string key) => ModelFileJson.Size(root, key, 1, Doc);
}
