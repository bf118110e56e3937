using System.Globalization;
using System.Text;
using Neuromorph.Networks.Sequence;
using Neuromorph.Networks.Sequence.ModelFiles;

namespace Neuromorph.Tests.Networks.Sequence;

/// <summary>
/// The model file is written through System.Text.Json and its bytes are those of the hand-built writer it replaced
/// (kept here, verbatim, as the reference), for uni- and bidirectional models, awkward numbers and escaped metadata.
/// </summary>
public sealed class ModelFileJsonTests
{
    public static TheoryData<string, int, bool> Models => new()
    {
        { "gru", 1, false },
        { "lstm", 2, true },
        { "rnn_tanh", 1, true },
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void The_file_is_byte_identical_to_the_hand_built_layout(string cell, int layers, bool bidirectional)
    {
        Assert.True(CellTypes.TryParse(cell, out var c));
        var model = SequenceModel.Create(new SequenceModelSpec(c, 2, 4, 2, layers) { Bidirectional = bidirectional }, 5);
        var awkward = new[] { 1e-5, 1.0 / 3, 1e20, -0.0, 123456789012345680000.0, double.Epsilon, -2.5e-310, 0.1 + 0.2 };
        awkward.CopyTo(model.Parameters[0].Value, 0);
        var metadata = new Dictionary<string, object>
        {
            ["train_loss"] = 0.1 + 0.2,
            ["tiny"] = 1e-5,
            ["huge"] = 1e300,
            ["negative_zero"] = -0.0,
            ["nan"] = double.NaN,
            ["infinite"] = double.NegativeInfinity,
            ["kept_epoch"] = 7,
            ["shuffle"] = true,
            ["note"] = "quotes \" backslash \\ <tag> & 'é' ∞ \n newline",
            ["späť"] = "key with non-ASCII",
        };

        Assert.Equal(HandBuilt(model, metadata), SequenceModelFile.ToJson(model, metadata));
        Assert.Equal(HandBuilt(model, null), SequenceModelFile.ToJson(model));
    }

    /// <summary>The writer before System.Text.Json, as it was (SequenceModelFile.ToJson up to this change).</summary>
    private static string HandBuilt(SequenceModel model, IReadOnlyDictionary<string, object>? metadata)
    {
        var s = model.Spec;
        var b = new StringBuilder();
        b.Append("{\n");
        b.Append(CultureInfo.InvariantCulture, $"  \"format\": \"{SequenceModelFile.Format}\",\n  \"version\": {SequenceModelFile.Version},\n  \"cell\": \"{CellTypes.Name(s.Cell)}\",\n");
        b.Append(CultureInfo.InvariantCulture, $"  \"input_size\": {s.InputSize},\n  \"hidden_size\": {s.HiddenSize},\n  \"num_layers\": {s.Layers},\n  \"output_size\": {s.OutputSize},\n");
        if (s.Bidirectional)
        {
            b.Append("  \"bidirectional\": true,\n");
        }

        b.Append("  \"parameters\": {\n");
        for (var k = 0; k < model.Parameters.Count; k++)
        {
            var p = model.Parameters[k];
            b.Append(CultureInfo.InvariantCulture, $"    \"{p.Name}\": ");
            if (p.IsMatrix)
            {
                b.Append("[\n");
                for (var i = 0; i < p.Rows; i++)
                {
                    b.Append("      ");
                    AppendRow(b, p.Value.AsSpan(i * p.Columns, p.Columns));
                    b.Append(i + 1 < p.Rows ? ",\n" : "\n");
                }

                b.Append("    ]");
            }
            else
            {
                AppendRow(b, p.Value);
            }

            b.Append(k + 1 < model.Parameters.Count ? ",\n" : "\n");
        }

        b.Append("  }");
        if (metadata is { Count: > 0 })
        {
            b.Append(",\n  \"metadata\": {\n");
            var i = 0;
            foreach (var (key, value) in metadata)
            {
                var text = value switch
                {
                    double d => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : "null",
                    int n => n.ToString(CultureInfo.InvariantCulture),
                    bool f => f ? "true" : "false",
                    _ => System.Text.Json.JsonSerializer.Serialize(value.ToString()),
                };
                b.Append(CultureInfo.InvariantCulture, $"    {System.Text.Json.JsonSerializer.Serialize(key)}: {text}{(++i < metadata.Count ? "," : "")}\n");
            }

            b.Append("  }");
        }

        b.Append("\n}\n");
        return b.ToString();
    }

    private static void AppendRow(StringBuilder b, ReadOnlySpan<double> row)
    {
        b.Append('[');
        for (var j = 0; j < row.Length; j++)
        {
            b.Append(j > 0 ? ", " : "").Append(row[j].ToString("R", CultureInfo.InvariantCulture));
        }

        b.Append(']');
    }
}
