using Neuromorph.Crossbars.Training;
using Neuromorph.Experiments.AnalogTraining;
using Neuromorph.Tests.Cli;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Crossbars;

/// <summary>Training on the crossbar on the UCI digits (circuits/data/digits.csv.gz), and the <c>analog_training</c> kind's input errors.</summary>
public sealed class AnalogTrainingDigitsTests
{
    private static readonly Lazy<(LabelledData Train, LabelledData Test)> Digits = new(() =>
    {
        var (f, l) = DigitsData.Read(RepoPaths.InRepo("circuits", "data", "digits.csv.gz"), 16);
        return DigitsData.Split(f, l, 1400);
    });

    /// <summary>The device of circuits/analog_training_digits.yaml: ~1000 states, 30 % device-to-device and cycle-to-cycle spread.</summary>
    private static PulsedDevice Noisy(string preset) => PulsedDevice.Preset(preset, 0.002)! with { DwMinDtoD = 0.3, BoundsDtoD = 0.3, UpDownDtoD = 0.05, CycleToCycle = 0.3 };

    private static double Accuracy(TrainingAlgorithm algorithm, string preset)
    {
        var spec = new TrainingSpec(algorithm, Noisy(preset), new PulseUpdate(UpdateMode.Stochastic, 31), Hidden: 32, Epochs: 5, LearningRate: 0.05, Seed: 1);
        var (train, test) = Digits.Value;
        return AnalogTrainer.Train(spec, train, test).TestAccuracy[^1];
    }

    [Fact]
    public void Digits_file_holds_1797_images_of_64_pixels_in_0_1()
    {
        var (train, test) = Digits.Value;
        Assert.Equal(1400, train.Features.Count);
        Assert.Equal(397, test.Features.Count);
        Assert.Equal(10, train.Classes);
        Assert.All(train.Features, r => Assert.True(r.Length == 64 && r.All(v => v is >= 0 and <= 1)));
    }

    /// <summary>
    /// Measured with seed 1, 5 epochs, 64-32-10 tanh, η = 0.05, BL = 31 (test accuracy on the last 397 digits):
    /// fp 91.4 %, analog SGD on constant_step 91.7 %, analog SGD on soft_bounds 84.4 %, Tiki-Taka on soft_bounds 90.4 %.
    /// </summary>
    [Fact]
    public void Floating_point_and_constant_step_reach_90_percent_soft_bounds_lose_and_tiki_taka_recovers()
    {
        var fp = Accuracy(TrainingAlgorithm.FloatingPoint, "constant_step");
        var constant = Accuracy(TrainingAlgorithm.AnalogSgd, "constant_step");
        var soft = Accuracy(TrainingAlgorithm.AnalogSgd, "soft_bounds");
        var tiki = Accuracy(TrainingAlgorithm.TikiTaka, "soft_bounds");
        var report = $"fp {fp:P1}, analog SGD constant_step {constant:P1}, soft_bounds {soft:P1}, Tiki-Taka soft_bounds {tiki:P1}";
        Assert.True(fp >= 0.90, report);
        Assert.True(constant >= fp - 0.02, report);
        Assert.True(soft <= fp - 0.04, report);
        Assert.True(tiki >= soft + 0.03, report);
    }

    [Theory]
    [InlineData(TrainingAlgorithm.AnalogSgd)]
    [InlineData(TrainingAlgorithm.TikiTaka)]
    public void A_seed_reproduces_the_run_exactly(TrainingAlgorithm algorithm)
    {
        var (train, test) = Digits.Value;
        var spec = new TrainingSpec(algorithm, Noisy("soft_bounds"), new PulseUpdate(UpdateMode.Stochastic, 10), Hidden: 8, Epochs: 1, LearningRate: 0.05, Seed: 7) { Activation = HiddenActivation.Sigmoid };
        var a = AnalogTrainer.Train(spec, train, test);
        var b = AnalogTrainer.Train(spec, train, test);
        Assert.Equal(a.FinalWeights, b.FinalWeights);
        Assert.Equal(a.Pulses, b.Pulses);
        Assert.True(a.Pulses > 0);
        // device bounds are ±1 with a 30 % d2d spread; Tiki-Taka reads γ·A + C, two of them
        Assert.All(a.FinalWeights, w => Assert.True(Math.Abs(w) <= (algorithm == TrainingAlgorithm.TikiTaka ? 5.0 : 2.5)));
    }

    [Fact]
    public void The_devices_hold_what_the_network_reads_one_array_for_analog_sgd_two_for_tiki_taka()
    {
        var (train, test) = Digits.Value;
        var spec = new TrainingSpec(TrainingAlgorithm.AnalogSgd, Noisy("soft_bounds"), new PulseUpdate(UpdateMode.Stochastic, 10), Hidden: 8, Epochs: 1, LearningRate: 0.05, Seed: 7);
        var sgd = AnalogTrainer.Train(spec, train, test);
        Assert.Equal(sgd.FinalWeights, sgd.DeviceWeights);

        // Tiki-Taka v1 reads W = γ·A + C with γ = 1 and no reference: per layer the main tile C, then the fast tile A
        var tiki = AnalogTrainer.Train(spec with { Algorithm = TrainingAlgorithm.TikiTaka }, train, test);
        int hidden = 8 * (64 + 1), output = 10 * (8 + 1);
        Assert.Equal(2 * (hidden + output), tiki.DeviceWeights.Count);
        var d = tiki.DeviceWeights;
        for (var k = 0; k < hidden; k++)
        {
            Assert.Equal(tiki.FinalWeights[k], d[k] + d[hidden + k], 12);
        }

        for (var k = 0; k < output; k++)
        {
            Assert.Equal(tiki.FinalWeights[hidden + k], d[(2 * hidden) + k] + d[(2 * hidden) + output + k], 12);
        }
    }

    [Fact]
    public void Example_runs_and_writes_metrics_and_figures()
    {
        using var dir = new TempDirectory("nm-at-");
        var (code, output, error) = CliHarness.Run("run", RepoPaths.InRepo("circuits", "analog_training_digits.yaml"), "-o", dir);
        Assert.True(code == 0, error);
        Assert.Contains("test accuracy", output, StringComparison.Ordinal);
        var lines = File.ReadAllLines(Path.Combine(dir, "metrics.csv"));
        Assert.Equal("epoch,train_loss,test_accuracy,epoch_seconds", lines[0]);
        Assert.Equal(6, lines.Length);
        Assert.True(File.Exists(Path.Combine(dir, "accuracy.png")) || Directory.GetFiles(dir, "accuracy.*").Length > 0);
        Assert.True(File.Exists(Path.Combine(dir, "device_states.png")));
        // one row per device: 64-32-10 with a bias column per layer, one tile each (analog SGD)
        var states = File.ReadAllLines(Path.Combine(dir, "device_states.csv"));
        Assert.Equal("device,weight", states[0]);
        Assert.Equal((32 * 65) + (10 * 33), states.Length - 1);
        Assert.NotEmpty(Directory.GetFiles(dir, "weights.*"));
    }

    [Theory]
    [InlineData("algorithm: analog_sgd", "algorithm: adam", 7, "unknown algorithm 'adam'")]
    [InlineData("  preset: soft_bounds", "  preset: memristor9", 15, "unknown device preset 'memristor9'")]
    [InlineData("  bit_length: 31", "  bit_length: 0", 25, "bit_length")]
    [InlineData("  w_min: -1", "  w_min: 2", 17, "need w_min < w_max")]
    [InlineData("  preset: soft_bounds", "  preset: piecewise_step\n  piecewise_up: [1]", 16, "at least two values")]
    [InlineData("  preset: soft_bounds", "  preset: piecewise_step\n  piecewise_down: [1, -0.5, 2]", 16, "none negative")]
    [InlineData("  preset: soft_bounds", "  preset: soft_bounds\n  piecewise_up: [1, 2]", 16, "belongs to preset: piecewise_step")]
    public void Bad_input_is_a_located_error(string line, string replacement, int lineNo, string message)
    {
        using var dir = new TempDirectory("nm-at-");
        var text = File.ReadAllText(RepoPaths.InRepo("circuits", "analog_training_digits.yaml"))
            .Replace("data: data/digits.csv.gz", "data: " + RepoPaths.InRepo("circuits", "data", "digits.csv.gz"), StringComparison.Ordinal);
        Assert.Contains(line, text, StringComparison.Ordinal);
        var yaml = Path.Combine(dir, "x.yaml");
        File.WriteAllText(yaml, text.Replace(line, replacement, StringComparison.Ordinal));
        var (code, _, error) = CliHarness.Run("run", yaml, "-o", Path.Combine(dir, "out"));
        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Matches($@"x\.yaml:{lineNo}:\d+", error);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
