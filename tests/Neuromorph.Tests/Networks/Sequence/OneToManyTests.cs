using Neuromorph.Networks.Sequence;
using Neuromorph.Networks.Sequence.Training;
using Neuromorph.Networks.Tasks;
using Neuromorph.Tests.Cli;
using Neuromorph.Tests.Support;
using Xunit.Abstractions;

namespace Neuromorph.Tests.Networks.Sequence;

/// <summary>
/// One-to-many mapping (<c>task: sine_generation</c>): one input at the first step, a target at every step. The
/// generator against its formula; one-direction and bidirectional GRUs learn to generate the waveform (far below the
/// all-zero answer's MSE, amplitude²/2); bad settings are located errors.
/// </summary>
public class OneToManyTests(ITestOutputHelper output)
{
    [Fact]
    public void The_period_is_given_once_and_every_step_is_a_target()
    {
        var set = SineGeneration.Generate(20, 15, 10, 30, 0.8, 3);
        Assert.Equal(TargetTiming.EveryStep, set.Timing);
        for (var s = 0; s < set.Count; s++)
        {
            var u = set.Inputs[s * 15];
            Assert.InRange(u, -1, 1);
            Assert.All(Enumerable.Range(1, 14), t => Assert.Equal(0, set.Inputs[(s * 15) + t]));
            var period = 20 + (10 * u); // [10, 30] scaled to [−1, 1]
            for (var t = 0; t < 15; t++)
            {
                Assert.Equal(0.8 * Math.Sin(2 * Math.PI * (t + 1) / period), set.Targets[(s * 15) + t], 12);
            }
        }
    }

    [Trait("Category", "slow")]
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_gru_learns_to_generate_the_waveform_from_one_number(bool bidirectional)
    {
        var train = SineGeneration.Generate(600, 30, 10, 30, 0.8, 1);
        var test = SineGeneration.Generate(100, 30, 10, 30, 0.8, 2);
        var model = SequenceModel.Create(new SequenceModelSpec(CellType.Gru, 1, 16, 1) { Bidirectional = bidirectional }, 1);
        Trainer.Train(model, train, null, new TrainingOptions { Epochs = 25, BatchSize = 16, LearningRate = 0.01, ClipNorm = 1, Seed = 1 });
        var mse = SequenceMetrics.Of(test, SequenceEvaluation.Predict(model, test), 1, LossKind.MeanSquaredError).MeanSquaredError;
        var trivial = 0.8 * 0.8 / 2;
        output.WriteLine($"{(bidirectional ? "bidirectional" : "one-direction")} GRU 16: test MSE {mse:G3} (all-zero answer about {trivial:G3})");
        Assert.True(mse < 0.05 * trivial, $"test MSE {mse:G3}");
    }

    [Theory]
    [InlineData("data: { task: sine_generation, periods: [30, 10], steps: 20 }\n", "t.yaml:2:", "0 < shortest <= longest")]
    [InlineData("data: { task: sine_generation, periods: [10], steps: 20 }\n", "t.yaml:2:", "periods is [shortest, longest]")]
    [InlineData("data: { task: sine, periods: [10, 20], length: 400, steps: 20 }\n", "t.yaml:2:", "periods belongs to task: sine_generation")]
    public void Bad_generation_settings_are_located_errors(string data, string where, string message)
    {
        using var dir = new TempDirectory("nm-one-to-many");
        var yaml = Path.Combine(dir, "t.yaml");
        File.WriteAllText(yaml, "model: { cell: gru, hidden: 4 }\n" + data + "training: { epochs: 1 }\n");
        var (code, _, error) = CliHarness.Run("train", yaml, "-o", Path.Combine(dir, "o"));
        Assert.Equal(2, code);
        Assert.Contains(where, error, StringComparison.Ordinal);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reservoir_refuses_separate_sequences()
    {
        using var dir = new TempDirectory("nm-one-to-many-esn");
        var yaml = Path.Combine(dir, "e.yaml");
        File.WriteAllText(yaml, "kind: esn\ndata: { task: sine_generation, steps: 20 }\nreservoir: { units: 20 }\n");
        var (code, _, error) = CliHarness.Run("run", yaml, "-o", Path.Combine(dir, "o"));
        Assert.Equal(2, code);
        Assert.Contains("sine generation have separate sequences", error, StringComparison.Ordinal);
    }
}
