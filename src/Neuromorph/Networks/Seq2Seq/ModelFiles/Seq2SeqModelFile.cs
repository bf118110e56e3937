using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Neuromorph.Diagnostics;
using Neuromorph.Io;
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
    /// is a <see cref="UserInputException"/> at the file (JSON syntax errors at their line and column).
    /// </summary>
    public static Seq2SeqModel Read(string path)
    {
        var at = new SourceLocation(path, 1, 1);
        if (!File.Exists(path))
        {
            throw new UserInputException(new SourceLocation(path, 0, 0), "model file not found", "give the model.json that a kind: seq2seq run wrote");
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            return Parse(doc.RootElement, at);
        }
        catch (JsonException e)
        {
            throw new UserInputException(new SourceLocation(path, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1), $"not a JSON model file: {e.Message}");
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new UserInputException(at, $"not a {Format} file: {e.Message}", "give the model.json that a kind: seq2seq run wrote (docs/seq2seq.md)");
        }
    }

    private static Seq2SeqModel Parse(JsonElement root, SourceLocation at)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format) || format.GetString() != Format)
        {
            throw new UserInputException(at, $"not a {Format} file (its \"format\" is not \"{Format}\")", "give the model.json that a kind: seq2seq run wrote (docs/seq2seq.md)");
        }

        var cellName = root.GetProperty("encoder_cell").GetString();
        var attentionName = root.GetProperty("attention").GetString();
        if (!CellTypes.TryParse(cellName, out var cell) || !AttentionKinds.TryParse(attentionName, out var attention))
        {
            throw new UserInputException(at, $"unknown encoder cell '{cellName}' or attention '{attentionName}'", "encoder_cell: rnn_tanh, rnn_relu, lstm or gru; attention: additive or multiplicative");
        }

        var spec = new Seq2SeqModelSpec(cell, root.GetProperty("vocabulary").GetInt32(), root.GetProperty("encoder_hidden").GetInt32(),
            root.GetProperty("decoder_hidden").GetInt32(), attention, root.GetProperty("attention_size").GetInt32())
        {
            Bidirectional = root.TryGetProperty("bidirectional", out var bidirectional) && bidirectional.GetBoolean(),
        };
        if (spec.Problem() is { } problem)
        {
            throw new UserInputException(at, problem);
        }

        var model = new Seq2SeqModel(spec);
        var parameters = root.GetProperty("parameters");
        for (var k = 0; k < model.Parameters.Count; k++)
        {
            var name = model.ParameterNames[k];
            if (!parameters.TryGetProperty(name, out var value))
            {
                throw new UserInputException(at, $"parameter '{name}' is missing", $"a {CellTypes.Name(cell)} encoder with {AttentionKinds.Name(attention)} attention has {string.Join(", ", model.ParameterNames)}");
            }

            var values = new List<double>();
            Flatten(value, values);
            if (values.Count != model.Parameters[k].Value.Length || values.Any(v => !double.IsFinite(v)))
            {
                throw new UserInputException(at, $"parameter '{name}' has {values.Count} values, the sizes need {model.Parameters[k].Value.Length} {model.Parameters[k].ShapeText} finite numbers");
            }

            values.CopyTo(model.Parameters[k].Value);
        }

        return model;
    }

    private static void Flatten(JsonElement e, List<double> into)
    {
        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray())
            {
                Flatten(item, into);
            }
        }
        else
        {
            into.Add(e.GetDouble());
        }
    }
}
