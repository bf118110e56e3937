using System.Globalization;
using Neuromorph.Diagnostics;
using Neuromorph.Networks.Sequence;
using Neuromorph.Networks.Sequence.ModelFiles;
using Neuromorph.Networks.Sequence.Training;
using Neuromorph.Numerics.Randomness;
using Neuromorph.Tests.Cli;
using Xunit.Abstractions;

namespace Neuromorph.Tests.Networks.Sequence;

/// <summary>
/// Bidirectional models without PyTorch: BPTT through both directions against central differences, a task only a
/// bidirectional model can learn (the output at t is the input at t + 2), model files with PyTorch's <c>_reverse</c>
/// names, and what bad input gives.
/// </summary>
public sealed class BidirectionalTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("nm-birnn").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private static SequenceModel Model(CellType cell, int input, int hidden, int outputs, int layers, ulong seed, double scale = 1.3)
    {
        var m = SequenceModel.Create(new SequenceModelSpec(cell, input, hidden, outputs, layers) { Bidirectional = true }, seed);
        foreach (var p in m.Parameters)
        {
            for (var i = 0; i < p.Value.Length; i++)
            {
                p.Value[i] *= scale;
            }
        }

        return m;
    }

    [Theory]
    [InlineData(CellType.Gru, 1, false, false)]
    [InlineData(CellType.Gru, 2, false, false)]
    [InlineData(CellType.Gru, 2, true, false)]
    [InlineData(CellType.Gru, 2, true, true)]
    [InlineData(CellType.Lstm, 2, true, true)]
    [InlineData(CellType.RnnTanh, 2, false, true)]
    public void Backpropagation_through_both_directions_matches_central_differences(CellType cell, int layers, bool manyToOne, bool carriedState)
    {
        const int input = 2, hidden = 3, outputs = 2, steps = 5, batch = 2;
        var model = Model(cell, input, hidden, outputs, layers, seed: 31);
        model.ManyToOne = manyToOne;
        var x = SequenceFixtures.Uniform(steps * batch * input, 32);
        var w = SequenceFixtures.Uniform(steps * batch * outputs, 33); // L = Σ w ⊙ y over every step, so dL/dy = w
        var initial = carriedState ? model.Forward(SequenceFixtures.Uniform(3 * batch * input, 34), 3, batch).Final.Copy() : null;
        Assert.Equal(2 * layers, model.ZeroState(batch).Layers.Count);
        SequenceFixtures.AssertGradientsMatchCentralDifferences(model, x, w, steps, batch, initial, cell.ToString());
    }

    [Fact]
    public void The_reverse_direction_reads_the_sequence_back_to_front()
    {
        // a one-layer bidirectional model: every step's output depends on x_4 (the reverse direction carries it back)
        var model = Model(CellType.Gru, 1, 3, 1, 1, 5);
        var x = SequenceFixtures.Uniform(6, 6);
        var before = (double[])model.Forward(x, 6, 1).Outputs.Clone();
        x[4] += 0.5; // changes the reverse direction's outputs at steps 0 .. 4 and the forward one's at 4 and 5
        var after = model.Forward(x, 6, 1).Outputs;
        for (var t = 0; t < 6; t++)
        {
            Assert.True(after[t] != before[t], $"step {t} did not see x_4");
        }

        var unidirectional = SequenceModel.Create(new SequenceModelSpec(CellType.Gru, 1, 3, 1), 5);
        before = (double[])unidirectional.Forward(x, 6, 1).Outputs.Clone();
        x[4] -= 0.5;
        after = unidirectional.Forward(x, 6, 1).Outputs;
        Assert.Equal(before[..4], after[..4]); // a causal model's outputs before step 4 do not
    }

    /// <summary>
    /// y_t = x_{t+2} (0 at the last two steps), x uniform in ±1: a causal model can do no better than predicting 0 (MSE
    /// 1/3 · 8/10 ≈ 0.27 on the future-dependent steps), a bidirectional GRU of the same width learns it. Measured with
    /// these seeds: test MSE 0.267 unidirectional, 7.0e-5 bidirectional after 40 epochs.
    /// </summary>
    [Fact]
    public void A_bidirectional_gru_learns_to_output_a_future_input_a_unidirectional_one_cannot()
    {
        const int count = 256, steps = 10;
        SequenceSet Data(ulong seed, int n)
        {
            var rng = new RandomStream(seed);
            var x = new double[n * steps];
            var y = new double[n * steps];
            for (var i = 0; i < x.Length; i++)
            {
                x[i] = (2 * rng.NextDouble()) - 1;
            }

            for (var s = 0; s < n; s++)
            {
                for (var t = 0; t + 2 < steps; t++)
                {
                    y[(s * steps) + t] = x[(s * steps) + t + 2];
                }
            }

            return new SequenceSet(n, steps, 1, 1, x, y, TargetTiming.EveryStep);
        }

        var train = Data(1, count);
        var test = Data(2, 128);
        double Trained(bool bidirectional)
        {
            var model = SequenceModel.Create(new SequenceModelSpec(CellType.Gru, 1, 12, 1) { Bidirectional = bidirectional }, 3);
            Trainer.Train(model, train, null, new TrainingOptions { Epochs = 40, BatchSize = 16, LearningRate = 1e-2, Seed = 4 });
            return SequenceEvaluation.MeanLoss(model, test, LossKind.MeanSquaredError);
        }

        var (uni, bi) = (Trained(false), Trained(true));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"test MSE: unidirectional {uni:G4}, bidirectional {bi:G4}"));
        Assert.True(uni > 0.2, $"unidirectional test MSE {uni:F4}: it cannot see the future, it should stay near 0.27");
        Assert.True(bi < 0.005, $"bidirectional test MSE {bi:E3}");
        Assert.True(bi < uni / 50, $"bidirectional {bi:E3} vs unidirectional {uni:F4}");
    }

    [Fact]
    public void Model_files_round_trip_with_pytorchs_reverse_names_and_shapes()
    {
        var model = Model(CellType.Lstm, 3, 4, 2, 2, 7);
        Assert.Equal(
            ["weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0", "weight_ih_l0_reverse", "weight_hh_l0_reverse", "bias_ih_l0_reverse", "bias_hh_l0_reverse",
             "weight_ih_l1", "weight_hh_l1", "bias_ih_l1", "bias_hh_l1", "weight_ih_l1_reverse", "weight_hh_l1_reverse", "bias_ih_l1_reverse", "bias_hh_l1_reverse", "weight", "bias"],
            model.Parameters.Select(p => p.Name));
        Assert.Equal([16, 3], model.Find("weight_ih_l0_reverse")!.Shape);
        Assert.Equal([16, 8], model.Find("weight_ih_l1")!.Shape); // layer 1 reads [forward, reverse]
        Assert.Equal([2, 8], model.Find("weight")!.Shape);
        var json = SequenceModelFile.ToJson(model);
        Assert.Contains("\"bidirectional\": true", json, StringComparison.Ordinal);
        Assert.Contains("\"weight_hh_l1_reverse\"", json, StringComparison.Ordinal);
        var back = SequenceModelFile.Parse(json, "m.json");
        Assert.True(back.Spec.Bidirectional);
        Assert.Equal(model.Parameters.Select(p => p.Name), back.Parameters.Select(p => p.Name));
        for (var i = 0; i < model.Parameters.Count; i++)
        {
            Assert.Equal(model.Parameters[i].Value, back.Parameters[i].Value);
        }

        var x = SequenceFixtures.Uniform(4 * 2 * 3, 8);
        Assert.Equal(model.Forward(x, 4, 2).Outputs[..16], back.Forward(x, 4, 2).Outputs[..16]);
        Assert.Equal(json, SequenceModelFile.ToJson(back));

        // a unidirectional file has no key, and a bidirectional parameter in it is named as not belonging
        var uni = SequenceModelFile.ToJson(SequenceFixtures.Model("lstm", 3, 4, 2, 2, 7));
        Assert.DoesNotContain("bidirectional", uni, StringComparison.Ordinal);
        var stripped = json.Replace("  \"bidirectional\": true,\n", "", StringComparison.Ordinal);
        var error = Assert.Throws<UserInputException>(() => SequenceModelFile.Parse(stripped, "m.json")).Diagnostic.ToString();
        Assert.Matches(@"^m\.json:\d+:5: error: parameter 'weight_ih_l0_reverse' does not belong to a 2-layer lstm model", error);
        Assert.Contains("\"bidirectional\": true", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"yes\"", "'bidirectional' must be true or false, got \"yes\"")]
    [InlineData("1", "'bidirectional' must be true or false, got 1")]
    [InlineData("null", "'bidirectional' must be true or false, got null")]
    public void A_bad_bidirectional_value_in_a_model_file_is_an_error_at_the_value(string value, string message)
    {
        var json = SequenceModelFile.ToJson(Model(CellType.Gru, 1, 2, 1, 1, 1)).Replace("\"bidirectional\": true", "\"bidirectional\": " + value, StringComparison.Ordinal);
        var error = Assert.Throws<UserInputException>(() => SequenceModelFile.Parse(json, "m.json")).Diagnostic.ToString();
        Assert.StartsWith("m.json:9:20: error: " + message, error, StringComparison.Ordinal);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private const string Sine = "data: { task: sine, length: 300, steps: 15, washout: 2, test_fraction: 0.25 }\n";

    [Theory]
    [InlineData("model: { cell: gru, hidden: 4, bidirectional: maybe }\n" + Sine + "training: { epochs: 1 }\n", "train.yaml:1:", "'model.bidirectional' must be true or false, got 'maybe'")]
    [InlineData("model: { cell: jordan, hidden: 4, bidirectional: true }\n" + Sine + "training: { epochs: 1 }\n", "train.yaml:1:", "a Jordan network cannot be bidirectional")]
    [InlineData("model: { cell: lstm, hidden: 4, bidirectional: true }\n" + Sine + "training: { epochs: 1, truncation: 5 }\n", "train.yaml:3:", "truncated BPTT does not apply")]
    public void Bad_bidirectional_training_files_are_located_errors_with_exit_code_2(string yaml, string where, string message)
    {
        var (code, _, error) = CliHarness.Run("train", Write("train.yaml", yaml), "-o", Path.Combine(_dir, "o"));
        Assert.Equal(2, code);
        Assert.Contains(where, error, StringComparison.Ordinal);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_writes_a_bidirectional_model_that_runs_again_on_ideal_crossbars_reverse_weights_included()
    {
        var yaml = Write("train.yaml", "model: { cell: gru, hidden: 5, layers: 2, bidirectional: true }\n" + Sine + "training: { epochs: 2, batch_size: 8, learning_rate: 0.01 }\nseed: 3\n");
        var outDir = Path.Combine(_dir, "out");
        var (code, output, error) = CliHarness.Run("train", yaml, "-o", outDir);
        Assert.True(code == 0, error);
        Assert.Contains("bidirectional gru (2 × 5", output + error, StringComparison.Ordinal);
        var model = SequenceModelFile.Read(Path.Combine(outDir, "model.json"));
        Assert.True(model.Spec.Bidirectional);
        Assert.NotNull(model.Find("weight_hh_l1_reverse"));

        var run = Write("run.yaml", "kind: sequence\nmodel_file: out/model.json\n" + Sine);
        var xbar = Write("xbar.yaml", "kind: sequence\nmodel_file: out/model.json\n" + Sine + "substrate: { g_min: 1u, g_max: 100u }\n");
        Assert.Equal(0, CliHarness.Run("run", run, "-o", Path.Combine(_dir, "r1")).ExitCode);
        Assert.Equal(0, CliHarness.Run("run", xbar, "-o", Path.Combine(_dir, "r2")).ExitCode);
        var (ideal, hardware) = (Metric(Path.Combine(_dir, "r1"), "mse"), Metric(Path.Combine(_dir, "r2"), "mse"));
        Assert.Equal(Metric(outDir, "mse"), ideal, 1e-15);
        Assert.Equal(ideal, hardware, 1e-9 * Math.Max(ideal, 1e-6));
    }

    private static double Metric(string dir, string name) =>
        double.Parse(File.ReadAllLines(Path.Combine(dir, "metrics.csv")).First(l => l.StartsWith(name + ",", StringComparison.Ordinal)).Split(',')[1], CultureInfo.InvariantCulture);
}
