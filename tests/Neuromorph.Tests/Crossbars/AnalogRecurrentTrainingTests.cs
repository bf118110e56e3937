using Neuromorph.Crossbars.Training;
using Neuromorph.Networks.Sequence;
using Neuromorph.Networks.Sequence.ModelFiles;
using Neuromorph.Networks.Sequence.Training;
using Neuromorph.Networks.Tasks;
using Neuromorph.Tests.Cli;
using Neuromorph.Tests.Support;
using Xunit.Abstractions;

namespace Neuromorph.Tests.Crossbars;

/// <summary>
/// Recurrent cells trained on tiles (<see cref="TileSequenceUpdate"/>): with ideal tiles the per-step rank-one updates
/// sum to the BPTT gradient, so training equals floating-point SGD (the reference); with a symmetric constant-step
/// device of many states, stochastic pulsed updates train a GRU on sine prediction as well as SGD does.
/// </summary>
public class AnalogRecurrentTrainingTests(ITestOutputHelper output)
{
    private static readonly TimeSeries Series = SineWave.Prediction(2400, 25.3, amplitude: 0.8);

    private static TileTraining Tiles(TrainingAlgorithm algorithm, PulsedDevice device) =>
        new(algorithm, device, new PulseUpdate(UpdateMode.Stochastic), new TikiTakaSettings());

    [Theory]
    [InlineData("rnn_tanh", 1, false)]
    [InlineData("lstm", 2, false)]
    [InlineData("gru", 1, false)]
    [InlineData("rnn_tanh", 1, true)]
    [InlineData("lstm", 2, true)]
    [InlineData("jordan", 1, false)]
    public void Ideal_tiles_train_exactly_as_floating_point_sgd_with_clipping_and_truncation(string cell, int layers, bool bidirectional)
    {
        Assert.True(CellTypes.TryParse(cell, out var type));
        var train = Series.Slice(0, 400).ToSequences(20, 10, 2);
        // a bidirectional model sees whole sequences (truncation would cut the reverse direction's past)
        var options = new TrainingOptions { Epochs = 3, BatchSize = 4, LearningRate = 0.05, Optimizer = OptimizerKind.Sgd, ClipNorm = 0.05, Truncation = bidirectional ? 0 : 8, Seed = 3 };
        var reference = SequenceModel.Create(new SequenceModelSpec(type, 1, 6, 1, layers) { Bidirectional = bidirectional }, 7);
        var onTiles = SequenceModel.Create(new SequenceModelSpec(type, 1, 6, 1, layers) { Bidirectional = bidirectional }, 7);
        var fp = Trainer.Train(reference, train, null, options);
        var tiles = new TileSequenceUpdate(Tiles(TrainingAlgorithm.FloatingPoint, PulsedDevice.Preset("constant_step", 1e-3)!), 1);
        var analog = Trainer.Train(onTiles, train, null, options with { InPlace = tiles });

        var worst = 0.0;
        for (var i = 0; i < reference.Parameters.Count; i++)
        {
            var a = reference.Parameters[i].Value;
            var b = onTiles.Parameters[i].Value;
            worst = Math.Max(worst, a.Zip(b, (u, v) => Math.Abs(u - v)).Max());
        }

        output.WriteLine($"{(bidirectional ? "bidirectional " : "")}{cell} × {layers}: largest parameter difference {worst:G3}; final loss {fp.Epochs[^1].TrainLoss:G6} against {analog.Epochs[^1].TrainLoss:G6}");
        Assert.True(worst < 1e-12, $"parameters differ by {worst:G3}");
        Assert.Equal(fp.Epochs[^1].TrainLoss, analog.Epochs[^1].TrainLoss, 1e-12);
        Assert.Equal(fp.Epochs[^1].GradientNorm, analog.Epochs[^1].GradientNorm, 1e-12);
    }

    [Trait("Category", "slow")]
    [Fact]
    public void A_symmetric_device_with_many_states_trains_a_gru_on_sine_as_well_as_sgd()
    {
        var train = Series.Slice(0, 1600).ToSequences(40, 20, 5);
        var test = Series.Slice(1600, 800).ToSequences(40, 40, 5);
        var options = new TrainingOptions { Epochs = 20, BatchSize = 1, LearningRate = 0.02, Optimizer = OptimizerKind.Sgd, Seed = 1 };
        double Nrmse(TrainingOptions o)
        {
            var m = SequenceModel.Create(new SequenceModelSpec(CellType.Gru, 1, 12, 1), 1);
            Trainer.Train(m, train, null, o);
            var y = SequenceEvaluation.Predict(m, test);
            return SequenceMetrics.Of(test, y, 1, LossKind.MeanSquaredError).Nrmse;
        }

        var fp = Nrmse(options);
        // 2000 states over [−1, 1], symmetric steps: Gokmen–Vlasov's regime where pulsed SGD tracks floating point
        var tiles = new TileSequenceUpdate(Tiles(TrainingAlgorithm.AnalogSgd, PulsedDevice.Preset("constant_step", 1e-3)!), 1);
        var analog = Nrmse(options with { InPlace = tiles });
        output.WriteLine($"GRU 12 on sine, 20 epochs: NRMSE fp SGD {fp:G4}, analog SGD on constant-step tiles {analog:G4} ({tiles.Pulses} pulses)");
        Assert.True(fp < 0.1, $"the reference did not learn: NRMSE {fp:G3}");
        Assert.True(analog < fp * 1.1, $"analog {analog:G4} against fp {fp:G4}");
        Assert.True(tiles.Pulses > 0);
    }

    private const string Sine = "data: { task: sine, length: 400, steps: 20, washout: 2, test_fraction: 0.25 }\n";

    [Theory]
    [InlineData("cell: lstm, hidden: 4")]
    [InlineData("cell: gru, hidden: 3, bidirectional: true")]
    [InlineData("cell: jordan, hidden: 3")]
    public void Train_on_tiles_from_yaml_reports_the_pulses_and_writes_the_tiles_weights(string modelLine)
    {
        var dir = Directory.CreateTempSubdirectory("nm-tiles-seq").FullName;
        try
        {
            var yaml = Path.Combine(dir, "t.yaml");
            File.WriteAllText(yaml, "model: { " + modelLine + " }\n" + Sine
                + "training:\n  epochs: 2\n  batch_size: 4\n  learning_rate: 0.05\n  analog:\n    algorithm: tiki_taka_v2\n"
                + "    device: { preset: soft_bounds, dw_min: 0.01, up_down: 0.2 }\n    update: { mode: stochastic, bit_length: 15 }\nseed: 3\n");
            var (code, _, error) = CliHarness.Run("train", yaml, "-o", Path.Combine(dir, "o"));
            Assert.True(code == 0, error);
            var metrics = File.ReadAllLines(Path.Combine(dir, "o", "metrics.csv")).Select(l => l.Split(',')).ToDictionary(f => f[0], f => f[1]);
            Assert.True(double.Parse(metrics["pulses"], System.Globalization.CultureInfo.InvariantCulture) > 0);
            var model = SequenceModelFile.Read(Path.Combine(dir, "o", "model.json"));
            Assert.All(model.Parameters.Where(p => p.IsMatrix).SelectMany(p => p.Value), w => Assert.InRange(w, -1.0, 1.0)); // soft bounds hold the tiles in [−1, 1]
            Assert.Equal(modelLine.Contains("bidirectional", StringComparison.Ordinal), model.Parameters.Any(p => p.Name == "weight_hh_l0_reverse"));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Theory]
    [InlineData("optimizer: adam\n  analog: { algorithm: analog_sgd }", "t.yaml:7:", "Adam's per-weight step sizes have no pulse form")]
    [InlineData("momentum: 0.9\n  analog: { algorithm: analog_sgd }", "t.yaml:7:", "momentum belongs to a digital optimiser")]
    [InlineData("analog: { algorithm: tiki_tak }", "t.yaml:7:", "did you mean 'tiki_taka'")]
    [InlineData("analog: { algorithm: analog_sgd, device: { preset: soft_bounds, w_min: 1, w_max: -1 } }", "t.yaml:7:", "need w_min < w_max")]
    [InlineData("analog: { algorithm: analog_sgd, update: { bit_length: 0 } }", "t.yaml:7:", "bit_length")]
    [InlineData("analog: { algorithm: analog_sgd, update: { mode: pulse_count, bl_management: true } }", "t.yaml:7:", "bl_management (aihwkit's update BL management) adapts the stochastic streams")]
    [InlineData("method: rtrl\n  analog: { algorithm: analog_sgd }", "t.yaml:", "does not combine with training on tiles")]
    [InlineData("analog: { algorithm: analog_sgd, learning_rate: 1 }", "t.yaml:7:", "learning_rate")]
    public void Bad_tile_training_settings_are_located_errors(string settings, string where, string message)
    {
        var dir = Directory.CreateTempSubdirectory("nm-tiles-bad").FullName;
        try
        {
            var yaml = Path.Combine(dir, "t.yaml");
            File.WriteAllText(yaml, "model: { cell: gru, hidden: 4 }\n" + Sine + "training:\n  epochs: 1\n  batch_size: 4\n  learning_rate: 0.05\n  " + settings + "\nseed: 3\n");
            var (code, _, error) = CliHarness.Run("train", yaml, "-o", Path.Combine(dir, "o"));
            Assert.Equal(2, code);
            Assert.Contains(where, error, StringComparison.Ordinal);
            Assert.Contains(message, error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void A_bidirectional_many_to_one_model_on_ideal_tiles_trains_as_sgd_through_its_summary_readout()
    {
        // many-to-one: the last step's readout reads h_n of both directions (the reverse one after step 0), so the
        // readout's pulses must use those rows, not the concatenation at the last step
        var train = Series.Slice(0, 400).ToSequences(20, 10, 2);
        var options = new TrainingOptions { Epochs = 2, BatchSize = 4, LearningRate = 0.05, Optimizer = OptimizerKind.Sgd, Seed = 5 };
        SequenceModel Model()
        {
            var m = SequenceModel.Create(new SequenceModelSpec(CellType.Gru, 1, 5, 1) { Bidirectional = true }, 11);
            m.ManyToOne = true;
            return m;
        }

        var reference = Model();
        var onTiles = Model();
        var last = new double[train.Count * train.TargetSize];
        for (var n = 0; n < train.Count; n++)
        {
            Array.Copy(train.Targets, (((n * train.Steps) + train.Steps - 1) * train.TargetSize), last, n * train.TargetSize, train.TargetSize);
        }

        var lastStepOnly = new SequenceSet(train.Count, train.Steps, train.InputSize, train.TargetSize, train.Inputs, last, TargetTiming.FinalStep);
        Trainer.Train(reference, lastStepOnly, null, options);
        var tiles = new TileSequenceUpdate(Tiles(TrainingAlgorithm.FloatingPoint, PulsedDevice.Preset("constant_step", 1e-3)!), 1);
        Trainer.Train(onTiles, lastStepOnly, null, options with { InPlace = tiles });
        var worst = reference.Parameters.Zip(onTiles.Parameters, (a, b) => a.Value.Zip(b.Value, (u, v) => Math.Abs(u - v)).Max()).Max();
        output.WriteLine($"bidirectional GRU, many-to-one: largest parameter difference {worst:G3}");
        Assert.True(worst < 1e-12, $"parameters differ by {worst:G3}");
        Assert.Contains(reference.Parameters, p => p.Name.EndsWith("_reverse", StringComparison.Ordinal));
    }

    [Fact]
    public void The_parameters_follow_the_tiles()
    {
        var tiles = new TileSequenceUpdate(Tiles(TrainingAlgorithm.AnalogSgd, PulsedDevice.Preset("constant_step", 1e-3)!), 1);

        // a weight beyond the devices' bounds is programmed clipped, and the parameter shows the clipped value
        var m = SequenceModel.Create(new SequenceModelSpec(CellType.RnnTanh, 1, 3, 1), 1);
        m.Layers[0].WeightHh.Value[0] = 5;
        tiles.Bind(m);
        Assert.Equal(1, m.Layers[0].WeightHh.Value[0]);
        Assert.Equal(tiles.Tiles[m.Layers[0].WeightHh].Weight(0, 0), m.Layers[0].WeightHh.Value[0]);
        tiles.Unbind(m);
    }

    [Trait("Category", "slow")]
    [Fact]
    public void Tiki_taka_v2_wins_back_what_an_asymmetric_device_costs_analog_sgd_on_the_adding_problem()
    {
        // circuits/sequence_adding_tiki_taka.yaml (GRU 16, adding problem at T = 20, soft bounds with 200 states and
        // up_down 0.3) on 1000 training sequences instead of 2000, seed 1. Measured test MSE on this reduced setting,
        // seeds 1 / 2 / 3: analog SGD 0.165 / 0.209 / 0.236 (answering 1 scores 0.167), Tiki-Taka v2 0.016 / 0.048 /
        // 0.052; on the full file floating-point SGD reaches 0.0015 (benchmarks/RESULTS.md).
        var example = File.ReadAllText(Path.Combine(RepoPaths.Root, "circuits", "sequence_adding_tiki_taka.yaml"))
            .Replace("sequences: 2000", "sequences: 1000", StringComparison.Ordinal);
        Assert.Contains("sequences: 1000", example, StringComparison.Ordinal);
        var dir = Directory.CreateTempSubdirectory("nm-tiles-tt").FullName;
        try
        {
            double Mse(string name, string yaml)
            {
                var file = Path.Combine(dir, name + ".yaml");
                File.WriteAllText(file, yaml);
                var (code, _, error) = CliHarness.Run("train", file, "-o", Path.Combine(dir, name));
                Assert.True(code == 0, error);
                var metrics = File.ReadAllLines(Path.Combine(dir, name, "metrics.csv")).Select(l => l.Split(',')).ToDictionary(f => f[0], f => f[1]);
                return double.Parse(metrics["mse"], System.Globalization.CultureInfo.InvariantCulture);
            }

            var tikiTaka = Mse("tt", example);
            var sgd = Mse("sgd", example.Replace("algorithm: tiki_taka_v2", "algorithm: analog_sgd", StringComparison.Ordinal));
            output.WriteLine($"adding problem, GRU 16 on soft-bounds tiles (up_down 0.3): test MSE analog SGD {sgd:G3}, Tiki-Taka v2 {tikiTaka:G3}");
            Assert.True(sgd > 0.12, $"analog SGD learned (MSE {sgd:G3}): the device no longer costs it the task");
            Assert.True(tikiTaka < 0.08, $"Tiki-Taka v2 MSE {tikiTaka:G3}");
            Assert.True(tikiTaka < sgd / 2, $"Tiki-Taka v2 {tikiTaka:G3} against analog SGD {sgd:G3}");
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
