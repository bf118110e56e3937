using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Neuromorph.Io;
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
/// </summary>
public static class NtmModelFile
{
    /// <summary>The value of the "format" key.</summary>
    public const string Format = "neuromorph-ntm-model";

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
            w.WriteNumber("version", 1);
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
}
