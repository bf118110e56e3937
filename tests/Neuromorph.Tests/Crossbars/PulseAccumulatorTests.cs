using Neuromorph.Crossbars.Training;
using Neuromorph.Diagnostics;
using Neuromorph.Experiments.AnalogTraining;
using Neuromorph.Io.Yaml;
using Neuromorph.Numerics.Randomness;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Crossbars;

/// <summary>
/// The digital accumulator of mixed-precision training and of Tiki-Taka v2 (<see cref="PulseAccumulator"/>): nothing
/// is lost between the digital matrix and the devices, only whole steps are sent, and the threshold holds them back.
/// </summary>
public class PulseAccumulatorTests
{
    [Fact]
    public void Device_change_plus_the_remainder_is_the_sum_of_the_updates()
    {
        // constant-step devices far from their bounds: every pulse moves a weight by exactly ε, so
        // W − W0 + B = Σ η d xᵀ to rounding, and after each flush every |B| < ε
        const int rows = 5, cols = 7;
        const double eps = 0.01;
        var device = new PulsedDevice(DeviceResponseKind.ConstantStep, eps, -100, 100);
        var tile = new AnalogTile(rows, cols, device, new PulseUpdate(UpdateMode.PulseCount), new RandomStream(1));
        var acc = new PulseAccumulator(rows, cols, eps);
        var total = new double[rows, cols];
        var random = new RandomStream(2);
        long sent = 0;
        for (var step = 0; step < 400; step++)
        {
            var d = Enumerable.Range(0, rows).Select(_ => random.NextDouble(-1, 1)).ToArray();
            var x = Enumerable.Range(0, cols).Select(_ => random.NextDouble(-1, 1)).ToArray();
            var eta = 0.003 * (1 + (step % 5));
            acc.AddOuter(d, x, eta);
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < cols; c++)
                {
                    total[r, c] += eta * d[r] * x[c];
                }
            }

            sent += acc.Flush(tile, 0, cols);
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < cols; c++)
                {
                    Assert.True(Math.Abs(acc[r, c]) < eps, $"remainder {acc[r, c]} at ({r}, {c})");
                    Assert.Equal(total[r, c], tile[r, c] + acc[r, c], 1e-12);
                }
            }
        }

        Assert.Equal(sent, tile.PulseCount);
        Assert.True(sent > 1000, $"{sent} pulses");
    }

    [Fact]
    public void The_threshold_holds_steps_back_until_they_are_due_and_only_the_flushed_columns_move()
    {
        var device = new PulsedDevice(DeviceResponseKind.ConstantStep, 0.1, -10, 10);
        var tile = new AnalogTile(2, 3, device, new PulseUpdate(UpdateMode.PulseCount), new RandomStream(1));
        var acc = new PulseAccumulator(2, 3, 0.1);
        acc.AddColumn(1, [0.25, -0.35], 1);
        Assert.Equal(3, acc.Flush(tile, 1, 2, threshold: 3)); // 2.5 steps are held back, 3.5 send 3 pulses down
        Assert.Equal(0, tile[0, 1]);
        Assert.Equal(-0.3, tile[1, 1], 12);
        acc.AddColumn(1, [0.06, 0], 1);
        acc.AddColumn(0, [1, 1], 1); // column 0 is not flushed below
        Assert.Equal(3, acc.Flush(tile, 1, 2, threshold: 3)); // 3.1 steps are due now
        Assert.Equal(0.3, tile[0, 1], 12);
        Assert.Equal(-0.3, tile[1, 1], 12);
        Assert.Equal(0.01, acc[0, 1], 12);
        Assert.Equal(-0.05, acc[1, 1], 12);
        Assert.Equal(0, tile[0, 0]);
        Assert.Equal(1, acc[0, 0]);
    }

    [Theory]
    [InlineData("algorithm: tiki_taka\ntiki_taka: { buffer_threshold: 2 }", "buffer_threshold", "belongs to tiki_taka_v2")]
    [InlineData("algorithm: tiki_taka_v2\ntiki_taka: { buffer_threshold: 0 }", "buffer_threshold", "buffer_threshold")]
    [InlineData("algorithm: tiki_taka_v3", "algorithm", "unknown algorithm 'tiki_taka_v3'")]
    public void Bad_algorithm_settings_are_located_errors(string lines, string key, string message)
    {
        var text = $"kind: analog_training\ndata: {RepoPaths.InRepo("circuits", "data", "digits.csv.gz")}\n{lines}\n";
        var ex = Assert.Throws<UserInputException>(() => AnalogTrainingSpecReader.Read(YamlSection.Parse(text, "a.yaml")));
        Assert.Contains(message, ex.Diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(text.Split('\n').ToList().FindIndex(l => l.Contains(key + ":", StringComparison.Ordinal)) + 1, ex.Diagnostic.Location.Line);
    }

    [Fact]
    public void Tiki_taka_v2_reads_the_weights_from_c_alone_by_default()
    {
        var text = $"kind: analog_training\ndata: {RepoPaths.InRepo("circuits", "data", "digits.csv.gz")}\nalgorithm: tiki_taka_v2\n";
        var spec = AnalogTrainingSpecReader.Read(YamlSection.Parse(text, "a.yaml")).Spec;
        Assert.Equal(TrainingAlgorithm.TikiTakaV2, spec.Algorithm);
        Assert.Equal(0, spec.TikiTaka.Gamma);
        Assert.Equal(1, spec.TikiTaka.BufferThreshold);
    }

    /// <summary>
    /// Seed 1, 64-32-10 tanh, η = 0.05, 5 epochs, BL 31, the noisy soft-bounds device of analog_training_digits.yaml
    /// (measured: analog SGD 84.4 %, Tiki-Taka v2 90.2 %, mixed precision 87.4 %, floating point 91.4 %) and the VTEAM
    /// device of analog_training_vteam.yaml (analog SGD 88.2 %, mixed precision 90.2 %).
    /// </summary>
    [Trait("Category", "slow")]
    [Fact]
    public void Tiki_taka_v2_and_mixed_precision_recover_what_analog_sgd_loses_on_soft_bounds()
    {
        var (features, labels) = DigitsData.Read(RepoPaths.InRepo("circuits", "data", "digits.csv.gz"), 16);
        var (train, test) = DigitsData.Split(features, labels, 1400);
        var soft = PulsedDevice.Preset("soft_bounds", 0.002)! with { DwMinDtoD = 0.3, BoundsDtoD = 0.3, UpDownDtoD = 0.05, CycleToCycle = 0.3 };
        double Accuracy(TrainingAlgorithm algorithm, PulsedDevice device) => AnalogTrainer.Train(
            new TrainingSpec(algorithm, device, new PulseUpdate(UpdateMode.Stochastic, 31), Hidden: 32, Epochs: 5, LearningRate: 0.05, Seed: 1)
            {
                TikiTaka = new TikiTakaSettings(Gamma: 0),
            },
            train,
            test).TestAccuracy[^1];
        var sgd = Accuracy(TrainingAlgorithm.AnalogSgd, soft);
        var v2 = Accuracy(TrainingAlgorithm.TikiTakaV2, soft);
        var mixed = Accuracy(TrainingAlgorithm.MixedPrecision, soft);
        var report = $"soft_bounds: analog SGD {sgd:P1}, Tiki-Taka v2 {v2:P1}, mixed precision {mixed:P1}";
        Assert.True(v2 >= sgd + 0.04, report);
        Assert.True(mixed >= sgd + 0.02, report);
    }
}
