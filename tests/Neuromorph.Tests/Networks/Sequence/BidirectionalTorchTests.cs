using System.Globalization;
using System.Text.Json.Nodes;
using Neuromorph.Networks.Sequence;
using Neuromorph.Networks.Sequence.ModelFiles;
using Neuromorph.Tests.Peers;
using Neuromorph.Tests.Support;
using Xunit.Abstractions;

namespace Neuromorph.Tests.Networks.Sequence;

/// <summary>
/// Bidirectional Elman, LSTM and GRU networks of two layers against PyTorch 1.13's <c>bidirectional=True</c> run live in
/// float64 on the same weights (loaded by their PyTorch names, <c>weight_ih_l0_reverse</c> ...): outputs, h_n (and c_n),
/// and the gradient of a linear loss with respect to every parameter, many-to-many and many-to-one (the head on
/// cat(h_n[-2], h_n[-1])), from zero and from a given h_0; and state_dicts exported by PyTorch loaded unchanged.
/// Measured worst relative error (max |torch − neuromorph| / max |torch| per tensor) over the 11 cases: outputs 1.2e-15,
/// h_n and c_n 4.1e-16, gradients 1.8e-15.
/// </summary>
public class BidirectionalTorchTests(ITestOutputHelper output)
{
    private const int Steps = 5, Batch = 3, Input = 3, Hidden = 4, Outputs = 2, Layers = 2;
    private const double Tolerance = 1e-12;

    private sealed record Case(string Cell, bool ManyToOne, bool Export, bool WithH0, string ModelPath, SequenceModel? Model, double[] X, double[] W, double[]? H0, double[]? C0);

    [Trait("Category", "peer")]
    [SkippableFact]
    public void Bidirectional_outputs_final_states_and_gradients_equal_pytorch_and_its_state_dicts_load_unchanged()
    {
        Requires.Torch();
        var dir = Directory.CreateTempSubdirectory("nm-torch-birnn").FullName;
        try
        {
            var plan = new (string Cell, bool ManyToOne, bool Export, bool H0)[]
            {
                ("rnn_tanh", false, false, false), ("lstm", false, false, false), ("gru", false, false, false),
                ("rnn_tanh", true, false, false), ("lstm", true, false, false), ("gru", true, false, false),
                ("lstm", false, false, true), ("gru", true, false, true),
                ("lstm", false, true, false), ("gru", true, true, false), ("rnn_tanh", false, true, false),
            };
            var cases = new List<Case>();
            var request = new JsonArray();
            foreach (var (cell, manyToOne, export, withH0) in plan)
            {
                var k = (ulong)cases.Count;
                var path = Path.Combine(dir, $"model{k}.json");
                SequenceModel? model = null;
                if (!export)
                {
                    Assert.True(CellTypes.TryParse(cell, out var c));
                    model = SequenceModel.Create(new SequenceModelSpec(c, Input, Hidden, Outputs, Layers) { Bidirectional = true }, 80 + k);
                    foreach (var p in model.Parameters)
                    {
                        for (var i = 0; i < p.Value.Length; i++)
                        {
                            p.Value[i] *= 1.4;
                        }
                    }

                    SequenceModelFile.Write(model, path);
                }

                var stateSize = 2 * Layers * Batch * Hidden;
                var h0 = withH0 ? SequenceFixtures.Uniform(stateSize, 100 + k) : null;
                var c0 = withH0 && cell == "lstm" ? SequenceFixtures.Uniform(stateSize, 110 + k) : null;
                var x = SequenceFixtures.Uniform(Steps * Batch * Input, 90 + k);
                var w = SequenceFixtures.Uniform((manyToOne ? 1 : Steps) * Batch * Outputs, 95 + k);
                cases.Add(new Case(cell, manyToOne, export, withH0, path, model, x, w, h0, c0));
                var node = new JsonObject
                {
                    ["model"] = path, ["x"] = Nest(x, Steps, Batch, Input), ["w"] = manyToOne ? Nest(w, Batch, Outputs) : Nest(w, Steps, Batch, Outputs),
                    ["export"] = export, ["seed"] = (int)k, ["cell"] = cell, ["input_size"] = Input, ["hidden_size"] = Hidden,
                    ["num_layers"] = Layers, ["output_size"] = Outputs, ["bidirectional"] = true, ["many_to_one"] = manyToOne,
                };
                if (h0 is not null)
                {
                    node["h0"] = Nest(h0, 2 * Layers, Batch, Hidden);
                }

                if (c0 is not null)
                {
                    node["c0"] = Nest(c0, 2 * Layers, Batch, Hidden);
                }

                request.Add(node);
            }

            var requestPath = Path.Combine(dir, "request.json");
            File.WriteAllText(requestPath, request.ToJsonString());
            var resultPath = Path.Combine(dir, "result.json");
            Torch.Run(RepoPaths.InRepo("tests", "Neuromorph.Tests", "Networks", "Sequence", "torch_sequence.py"), requestPath, resultPath);
            var results = JsonNode.Parse(File.ReadAllText(resultPath))!.AsArray();
            double worstOutputs = 0, worstStates = 0, worstGradients = 0;
            for (var i = 0; i < cases.Count; i++)
            {
                var (o, s, g) = Check(cases[i], results[i]!);
                (worstOutputs, worstStates, worstGradients) = (Math.Max(worstOutputs, o), Math.Max(worstStates, s), Math.Max(worstGradients, g));
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"worst relative error over {cases.Count} cases: outputs {worstOutputs:E2}, h_n/c_n {worstStates:E2}, gradients {worstGradients:E2}"));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    private static (double Outputs, double States, double Gradients) Check(Case c, JsonNode result)
    {
        var what = $"{c.Cell}{(c.ManyToOne ? " many-to-one" : "")}{(c.Export ? " exported by torch" : "")}{(c.WithH0 ? " from h0" : "")}";
        var model = c.Model ?? SequenceModelFile.Read(c.ModelPath);
        Assert.True(model.Spec.Bidirectional);
        model.ManyToOne = c.ManyToOne;
        ModelState? initial = null;
        if (c.H0 is not null)
        {
            var block = Batch * Hidden;
            initial = new ModelState([.. Enumerable.Range(0, 2 * Layers).Select(k => new LayerState(c.H0.AsSpan(k * block, block).ToArray(), c.C0?.AsSpan(k * block, block).ToArray()))]);
        }

        var trace = model.Forward(c.X, Steps, Batch, initial);
        var rows = Steps * Batch;
        var y = c.ManyToOne ? trace.Outputs.AsSpan((rows - Batch) * Outputs, Batch * Outputs).ToArray() : trace.Outputs.AsSpan(0, rows * Outputs).ToArray();
        var errOutputs = Relative($"{what} y", Flatten(result["y"]!), y);
        double[] hn = [.. trace.Final.Layers.SelectMany(l => l.Hidden)];
        var errStates = Relative($"{what} h_n", Flatten(result["h_n"]!), hn);
        if (c.Cell == "lstm")
        {
            errStates = Math.Max(errStates, Relative($"{what} c_n", Flatten(result["c_n"]!), [.. trace.Final.Layers.SelectMany(l => l.Cell!)]));
        }

        var dy = new double[rows * Outputs];
        c.W.CopyTo(dy, c.ManyToOne ? (rows - Batch) * Outputs : 0);
        model.ZeroGradients();
        model.Backward(trace, dy);
        var errGradients = 0.0;
        var names = result["grad"]!.AsObject().Select(kv => kv.Key).ToList();
        Assert.Equal(names, model.Parameters.Select(p => p.Name).ToList()); // PyTorch's names in PyTorch's order
        foreach (var p in model.Parameters)
        {
            errGradients = Math.Max(errGradients, Relative($"{what} dL/d{p.Name}", Flatten(result["grad"]![p.Name]!), p.Gradient));
        }

        return (errOutputs, errStates, errGradients);
    }

    private static double Relative(string what, double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        var scale = expected.Max(Math.Abs);
        Assert.True(scale > 0, $"{what}: torch gives all zeros, the check would be empty");
        var worst = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max() / scale;
        Assert.True(worst <= Tolerance, $"{what}: max |torch - neuromorph| / max |torch| = {worst:E2}");
        return worst;
    }

    private static JsonArray Nest(double[] flat, params int[] shape)
    {
        JsonArray Level(int offset, int depth)
        {
            var a = new JsonArray();
            var stride = shape.Skip(depth + 1).Aggregate(1, (x, y) => x * y);
            for (var i = 0; i < shape[depth]; i++)
            {
                a.Add(depth == shape.Length - 1 ? JsonValue.Create(flat[offset + i]) : Level(offset + (i * stride), depth + 1));
            }

            return a;
        }

        return Level(0, 0);
    }

    private static double[] Flatten(JsonNode node) => node is JsonArray a ? [.. a.SelectMany(n => Flatten(n!))] : [node.GetValue<double>()];
}
