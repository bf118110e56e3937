using System.Globalization;
using System.Text.Json.Nodes;
using Neuromorph.Networks.Seq2Seq;
using Neuromorph.Networks.Seq2Seq.ModelFiles;
using Neuromorph.Networks.Seq2Seq.Training;
using Neuromorph.Networks.Sequence;
using Neuromorph.Tests.Peers;
using Neuromorph.Tests.Support;
using Xunit.Abstractions;

namespace Neuromorph.Tests.Networks.Seq2Seq;

/// <summary>
/// The encoder–decoder against PyTorch 1.13 in float64 on shared weights (torch_seq2seq.py builds it from torch.nn.GRU/
/// LSTM/RNN, GRUCell and Linear modules whose state_dict names are the model file's): logits of a teacher-forced
/// decode, the mean cross-entropy, and the gradient of every parameter, for additive and multiplicative attention.
/// Measured worst relative error (max |torch − neuromorph| / max |torch| per tensor) over the 6 models (two with a
/// bidirectional encoder, torch.nn.GRU/LSTM(bidirectional=True)): logits 5.7e-16,
/// gradients 7.3e-15.
/// </summary>
public class Seq2SeqTorchTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-10;

    [Trait("Category", "peer")]
    [Trait("Category", "slow")]
    [SkippableFact]
    public void Logits_loss_and_every_gradient_equal_pytorch_for_both_attention_kinds()
    {
        Requires.Torch();
        var dir = Directory.CreateTempSubdirectory("nm-torch-seq2seq").FullName;
        try
        {
            var plan = new (string Cell, string Attention, bool Bidirectional)[]
            {
                ("gru", "additive", false), ("gru", "multiplicative", false), ("lstm", "additive", false), ("rnn_tanh", "multiplicative", false),
                ("gru", "additive", true), ("lstm", "multiplicative", true),
            };
            const int vocab = 7, hidden = 5, sourceSteps = 6, steps = 5, batch = 3;
            int[] sources = [0, 1, 2, 3, 4, 1, 3, 2, 2, 0, 1, 4, 4, 0, 3, 2, 2, 1];
            int[] targets = [4, 3, 2, 1, 6, 1, 0, 2, 2, 6, 2, 3, 0, 4, 6];
            var models = new List<Seq2SeqModel>();
            var request = new JsonArray();
            foreach (var (cell, attention, bidirectional) in plan)
            {
                Assert.True(CellTypes.TryParse(cell, out var c));
                Assert.True(AttentionKinds.TryParse(attention, out var a));
                var model = Seq2SeqModel.Create(new Seq2SeqModelSpec(c, vocab, hidden, hidden, a, 4) { Bidirectional = bidirectional }, 30 + (ulong)models.Count);
                foreach (var p in model.Parameters)
                {
                    for (var i = 0; i < p.Value.Length; i++)
                    {
                        p.Value[i] *= 2;
                    }
                }

                var path = Path.Combine(dir, $"model{models.Count}.json");
                Seq2SeqModelFile.Write(model, path);
                models.Add(model);
                request.Add(new JsonObject
                {
                    ["model"] = path,
                    ["sources"] = Rows(sources, batch, sourceSteps),
                    ["targets"] = Rows(targets, batch, steps),
                });
            }

            var requestPath = Path.Combine(dir, "request.json");
            File.WriteAllText(requestPath, request.ToJsonString());
            var resultPath = Path.Combine(dir, "result.json");
            Torch.Run(RepoPaths.InRepo("tests", "Neuromorph.Tests", "Networks", "Seq2Seq", "torch_seq2seq.py"), requestPath, resultPath);
            var results = JsonNode.Parse(File.ReadAllText(resultPath))!.AsArray();
            double worstLogits = 0, worstGradients = 0;
            for (var k = 0; k < models.Count; k++)
            {
                var model = models[k];
                var what = $"{(plan[k].Bidirectional ? "bidirectional " : "")}{plan[k].Cell} encoder, {plan[k].Attention} attention";
                var result = results[k]!;
                Assert.Equal(result["names"]!.AsArray().Select(n => (string)n!).ToList(), model.ParameterNames.ToList());
                var trace = model.Forward(sources, sourceSteps, targets, steps, batch);
                worstLogits = Math.Max(worstLogits, Relative($"{what}: logits", Flatten(result["logits"]!), trace.Logits));
                var dLogits = new double[trace.Logits.Length];
                var loss = TokenLoss.CrossEntropy(trace, targets, vocab, dLogits);
                Assert.True(Math.Abs(loss - (double)result["loss"]!) < Tolerance * Math.Abs(loss), $"{what}: loss {loss:R} against {(double)result["loss"]!:R}");
                model.ZeroGradients();
                model.Backward(trace, dLogits);
                for (var i = 0; i < model.Parameters.Count; i++)
                {
                    var name = model.ParameterNames[i];
                    worstGradients = Math.Max(worstGradients, Relative($"{what}: dL/d{name}", Flatten(result["grad"]![name]!), model.Parameters[i].Gradient));
                }
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"worst relative error over {plan.Length} models: logits {worstLogits:E2}, gradients {worstGradients:E2}"));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    private static JsonArray Rows(int[] values, int rows, int columns) =>
        [.. Enumerable.Range(0, rows).Select(r => (JsonNode)new JsonArray([.. values.Skip(r * columns).Take(columns).Select(v => (JsonNode)v)]))];

    private static double Relative(string what, double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        var scale = Math.Max(expected.Max(Math.Abs), 1e-300);
        var worst = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max() / scale;
        Assert.True(worst < Tolerance, $"{what}: relative error {worst:E2}");
        return worst;
    }

    private static double[] Flatten(JsonNode node)
    {
        var values = new List<double>();
        void Walk(JsonNode n)
        {
            if (n is JsonArray a)
            {
                foreach (var item in a)
                {
                    Walk(item!);
                }
            }
            else
            {
                values.Add((double)n);
            }
        }

        Walk(node);
        return [.. values];
    }
}
