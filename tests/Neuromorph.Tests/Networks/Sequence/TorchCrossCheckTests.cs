using System.Text.Json.Nodes;
using Neuromorph.Networks.Sequence;
using Neuromorph.Networks.Sequence.ModelFiles;
using Neuromorph.Networks.Sequence.Training;
using Neuromorph.Tests.Peers;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Networks.Sequence;

/// <summary>
/// The same weights and inputs through PyTorch 1.13 (float64) run live: forward outputs, BPTT gradients of every
/// parameter, a few Adam/SGD steps with clipping and weight decay, and models exported from PyTorch loaded here.
/// </summary>
public class TorchCrossCheckTests
{
    private const int Steps = 6, Batch = 3, Input = 3, Hidden = 5, Outputs = 2;

    private sealed record Case(string Cell, int Layers, string? Optimizer, SequenceModel? Model, string ModelPath, double[] X, double[] W, double[]? Target);

    [Trait("Category", "peer")]
    [SkippableFact]
    public void Outputs_gradients_and_optimiser_steps_equal_pytorch_and_pytorch_models_load()
    {
        Requires.Torch();
        var dir = Directory.CreateTempSubdirectory("nm-torch-seq").FullName;
        try
        {
            var cases = new List<Case>();
            var plan = new (string Cell, int Layers, string? Opt, bool Export)[]
            {
                ("rnn_tanh", 2, "sgd", false), ("rnn_relu", 1, null, false), ("lstm", 2, "adam", false), ("gru", 2, "nesterov", false),
                ("lstm", 1, null, true), ("gru", 1, null, true), ("rnn_tanh", 1, null, true),
            };
            var request = new JsonArray();
            foreach (var (cell, layers, opt, export) in plan)
            {
                var k = (ulong)cases.Count;
                var path = Path.Combine(dir, $"model{k}.json");
                var model = export ? null : SequenceFixtures.Model(cell, Input, Hidden, Outputs, layers, 40 + k, scale: 1.4);
                if (model is not null)
                {
                    SequenceModelFile.Write(model, path);
                }

                var c = new Case(cell, layers, opt, model, path, SequenceFixtures.Uniform(Steps * Batch * Input, 50 + k),
                    SequenceFixtures.Uniform(Steps * Batch * Outputs, 60 + k), opt is null ? null : SequenceFixtures.Uniform(Steps * Batch * Outputs, 70 + k));
                cases.Add(c);
                var node = new JsonObject
                {
                    ["model"] = path, ["x"] = Nest(c.X, Input), ["w"] = Nest(c.W, Outputs), ["export"] = export, ["seed"] = (int)k,
                    ["cell"] = cell, ["input_size"] = Input, ["hidden_size"] = Hidden, ["num_layers"] = layers, ["output_size"] = Outputs,
                };
                if (opt is not null)
                {
                    node["train"] = new JsonObject
                    {
                        ["optimizer"] = opt == "adam" ? "adam" : "sgd", ["lr"] = 0.05, ["momentum"] = 0.9, ["nesterov"] = opt == "nesterov",
                        ["weight_decay"] = 0.01, ["clip"] = 0.5, ["steps"] = 5, ["target"] = Nest(c.Target!, Outputs),
                    };
                }

                request.Add(node);
            }

            var requestPath = Path.Combine(dir, "request.json");
            File.WriteAllText(requestPath, request.ToJsonString());
            var resultPath = Path.Combine(dir, "result.json");
            Torch.Run(RepoPaths.InRepo("tests", "Neuromorph.Tests", "Networks", "Sequence", "torch_sequence.py"), requestPath, resultPath);
            var results = JsonNode.Parse(File.ReadAllText(resultPath))!.AsArray();
            for (var i = 0; i < cases.Count; i++)
            {
                Check(cases[i], results[i]!);
            }
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    private static void Check(Case c, JsonNode result)
    {
        var model = c.Model ?? SequenceModelFile.Read(c.ModelPath); // exported by PyTorch: read our way
        var trace = model.Forward(c.X, Steps, Batch);
        AssertClose($"{c.Cell} y", Flatten(result["y"]!), trace.Outputs.AsSpan(0, Steps * Batch * Outputs).ToArray(), 1e-10);
        model.ZeroGradients();
        model.Backward(trace, c.W);
        foreach (var p in model.Parameters)
        {
            AssertClose($"{c.Cell} dL/d{p.Name}", Flatten(result["grad"]![p.Name]!), p.Gradient, 1e-10);
        }

        if (c.Optimizer is null)
        {
            return;
        }

        IOptimizer opt = c.Optimizer == "adam" ? new Adam(0.05, weightDecay: 0.01) : new Sgd(0.05, 0.9, 0.01, c.Optimizer == "nesterov");
        var layout = new SequenceSet(Batch, Steps, Input, Outputs, new double[Batch * Steps * Input], new double[Batch * Steps * Outputs], TargetTiming.EveryStep);
        var dy = new double[Steps * Batch * Outputs];
        for (var s = 0; s < 5; s++)
        {
            model.ZeroGradients();
            var t = model.Forward(c.X, Steps, Batch);
            Loss.Evaluate(LossKind.MeanSquaredError, t.Outputs, 0, Steps, Batch, Outputs, layout, c.Target, dy);
            model.Backward(t, dy);
            GradientClipping.Clip(model.Parameters, 0.5);
            opt.Step(model.Parameters);
        }

        foreach (var p in model.Parameters)
        {
            AssertClose($"{c.Cell} {c.Optimizer} {p.Name} after 5 steps", Flatten(result["after"]![p.Name]!), p.Value, 1e-10);
        }
    }

    private static void AssertClose(string what, double[] expected, double[] actual, double tol)
    {
        Assert.Equal(expected.Length, actual.Length);
        var scale = Math.Max(1, expected.Max(Math.Abs));
        var worst = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
        Assert.True(worst <= tol * scale, $"{what}: max |torch - neuromorph| = {worst:E2}");
    }

    private static JsonArray Nest(double[] flat, int width)
    {
        var rows = new JsonArray();
        for (var t = 0; t < Steps; t++)
        {
            var batch = new JsonArray();
            for (var b = 0; b < Batch; b++)
            {
                batch.Add(new JsonArray([.. flat.AsSpan(((t * Batch) + b) * width, width).ToArray().Select(v => (JsonNode?)JsonValue.Create(v))]));
            }

            rows.Add(batch);
        }

        return rows;
    }

    private static double[] Flatten(JsonNode node) => node is JsonArray a ? [.. a.SelectMany(n => Flatten(n!))] : [node.GetValue<double>()];
}
