using Neuromorph.Networks.Sequence;
using Neuromorph.Networks.Sequence.ModelFiles;
using Neuromorph.Networks.Sequence.Rtrl;
using Neuromorph.Networks.Sequence.Training;
using Neuromorph.Networks.Tasks;
using Neuromorph.Tests.Cli;
using Xunit.Abstractions;

namespace Neuromorph.Tests.Networks.Sequence;

/// <summary>Real-time recurrent learning: its gradients against BPTT's, online training, and the models and files it refuses.</summary>
public sealed class RtrlTests(ITestOutputHelper output) : IDisposable
{
    private const string Sine = "data: { task: sine, length: 400, steps: 20, washout: 2, test_fraction: 0.25 }\n";
    private readonly string _dir = Directory.CreateTempSubdirectory("nm-rtrl").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    /// <summary>
    /// RTRL's gradient of an MSE loss over a whole sequence (dL/dy_t fed in at each step, as it becomes known) equals BPTT's
    /// on the same sequence to 1e-10 of the largest BPTT gradient of every parameter tensor.
    /// </summary>
    [Theory]
    [InlineData("rnn_tanh", 1, 1)]
    [InlineData("rnn_relu", 1, 1)]
    [InlineData("lstm", 1, 1)]
    [InlineData("gru", 1, 1)]
    [InlineData("rnn_tanh", 2, 3)]
    [InlineData("lstm", 2, 3)]
    [InlineData("gru", 2, 3)]
    public void Rtrl_gradients_equal_bptt_gradients(string cell, int layers, int batch)
    {
        const int input = 3, hidden = 5, outputs = 2, steps = 10;
        var model = SequenceFixtures.Model(cell, input, hidden, outputs, layers, seed: 31, scale: 1.3);
        var x = SequenceFixtures.Uniform(steps * batch * input, 32);
        var targets = SequenceFixtures.Uniform(steps * batch * outputs, 33);
        var layout = new SequenceSet(batch, steps, input, outputs, new double[batch * steps * input], new double[batch * steps * outputs], TargetTiming.EveryStep);

        var trace = model.Forward(x, steps, batch);
        var dy = new double[steps * batch * outputs];
        Loss.Evaluate(LossKind.MeanSquaredError, trace.Outputs, 0, steps, batch, outputs, layout, targets, dy);
        model.ZeroGradients();
        model.Backward(trace, dy);
        var bptt = model.Parameters.Select(p => (double[])p.Gradient.Clone()).ToArray();

        model.ZeroGradients();
        var rtrl = new RtrlGradient(model);
        rtrl.Reset(batch);
        int bi = batch * input, bo = batch * outputs;
        for (var t = 0; t < steps; t++)
        {
            var y = rtrl.Step(x.AsSpan(t * bi, bi));
            for (var k = 0; k < bo; k++)
            {
                Assert.Equal(trace.Outputs[(t * bo) + k], y[k], 1e-14);
            }

            rtrl.Accumulate(dy.AsSpan(t * bo, bo));
        }

        var worst = 0.0;
        for (var i = 0; i < bptt.Length; i++)
        {
            var p = model.Parameters[i];
            var scale = bptt[i].Max(Math.Abs);
            Assert.True(scale > 1e-8, $"{cell} {p.Name}: gradient vanishes, the check would be empty");
            var error = bptt[i].Zip(p.Gradient, (a, r) => Math.Abs(a - r)).Max() / scale;
            worst = Math.Max(worst, error);
        }

        output.WriteLine($"{cell} × {layers}, batch {batch}: max relative |RTRL − BPTT| = {worst:E2}");
        Assert.True(worst <= 1e-10, $"{cell} × {layers}: max relative |RTRL − BPTT| = {worst:E2}");
    }

    /// <summary>Online RTRL, one Adam update per step, learns one-step sine prediction: the training loss falls below 2e-3 (observed 2.5e-4 Elman, 2.8e-4 LSTM, 7.1e-4 GRU, from 0.05–0.16 in the first epoch).</summary>
    [Theory]
    [InlineData(CellType.RnnTanh)]
    [InlineData(CellType.Lstm)]
    [InlineData(CellType.Gru)]
    public void Online_rtrl_learns_sine_prediction(CellType cell)
    {
        var set = SineWave.Prediction(1200, 25.3).ToSequences(30, 30, 5);
        var model = SequenceModel.Create(new SequenceModelSpec(cell, 1, 6, 1), 3);
        var r = Trainer.Train(model, set, null, new TrainingOptions { Method = TrainingMethod.Rtrl, Epochs = 8, BatchSize = 4, LearningRate = 1e-2, Seed = 2 });
        output.WriteLine($"{cell}: loss {r.Epochs[0].TrainLoss:E2} -> {r.Epochs[^1].TrainLoss:E2}");
        Assert.True(r.Epochs[^1].TrainLoss < 2e-3, $"{cell}: loss {r.Epochs[0].TrainLoss:E2} -> {r.Epochs[^1].TrainLoss:E2}");
        Assert.True(r.Epochs[^1].TrainLoss < 0.05 * r.Epochs[0].TrainLoss, $"{cell}: loss {r.Epochs[0].TrainLoss:E2} -> {r.Epochs[^1].TrainLoss:E2}");
    }

    /// <summary>With one target per sequence and one update per sequence, RTRL training takes BPTT's steps: the same losses.</summary>
    [Fact]
    public void One_update_per_sequence_trains_as_bptt_does()
    {
        var set = AddingProblem.Generate(48, 12, seed: 5);
        double[] Run(TrainingMethod method)
        {
            var model = SequenceModel.Create(new SequenceModelSpec(CellType.Gru, 2, 5, 1), 6);
            var options = new TrainingOptions { Method = method, UpdateEvery = 12, Epochs = 3, BatchSize = 8, LearningRate = 1e-2, ClipNorm = 1, Seed = 7 };
            return [.. Trainer.Train(model, set, null, options).Epochs.Select(e => e.TrainLoss), .. model.Parameters.SelectMany(p => p.Value)];
        }

        var (bptt, rtrl) = (Run(TrainingMethod.Bptt), Run(TrainingMethod.Rtrl));
        var worst = bptt.Zip(rtrl, (a, b) => Math.Abs(a - b)).Max();
        output.WriteLine($"max |BPTT − RTRL| over losses and parameters = {worst:E2}");
        Assert.True(worst < 1e-10, $"max |BPTT − RTRL| over losses and parameters = {worst:E2}");
    }

    [Fact]
    public void Models_rtrl_does_not_handle_are_refused()
    {
        var bidirectional = new SequenceModel(new SequenceModelSpec(CellType.Lstm, 1, 3, 1) { Bidirectional = true });
        Assert.Contains("bidirectional", Assert.Throws<ArgumentException>(() => new RtrlGradient(bidirectional)).Message, StringComparison.Ordinal);
        var jordan = new SequenceModel(new SequenceModelSpec(CellType.Jordan, 1, 3, 1));
        Assert.Contains("Jordan", Assert.Throws<ArgumentException>(() => new RtrlGradient(jordan)).Message, StringComparison.Ordinal);
        var set = SineWave.Prediction(100, 17).ToSequences(10, 10);
        var lstm = new SequenceModel(new SequenceModelSpec(CellType.Lstm, 1, 3, 1));
        Assert.Throws<ArgumentException>(() => Trainer.Train(lstm, set, null, new TrainingOptions { Method = TrainingMethod.Rtrl, Truncation = 5 }));
    }

    [Theory]
    [InlineData("cell: lstm, hidden: 4, bidirectional: true", "method: rtrl", "train.yaml:3:", "bidirectional model's reverse direction")]
    [InlineData("cell: jordan, hidden: 4", "method: rtrl", "train.yaml:3:", "Jordan network feeds the readout back")]
    [InlineData("cell: gru, hidden: 4", "method: rtrl, truncation: 5", "train.yaml:3:", "truncation does not apply to method: rtrl")]
    [InlineData("cell: gru, hidden: 4", "method: rtrl, noise: { sigma: 0.1 }", "train.yaml:3:", "weight noise is implemented for method: bptt only")]
    [InlineData("cell: gru, hidden: 4", "update_every: 3", "train.yaml:3:", "update_every sets the online updates of RTRL")]
    [InlineData("cell: gru, hidden: 4", "method: rtlr", "train.yaml:3:", "did you mean 'rtrl'")]
    [InlineData("cell: gru, hidden: 4", "method: rtrl, update_every: 0", "train.yaml:3:", "update_every")]
    public void Bad_rtrl_files_are_located_errors_with_exit_code_2(string model, string training, string where, string message)
    {
        var yaml = "model: { " + model + " }\n" + Sine + "training: { epochs: 1, " + training + " }\n";
        var (code, _, error) = CliHarness.Run("train", Write("train.yaml", yaml), "-o", Path.Combine(_dir, "o"));
        Assert.Equal(2, code);
        Assert.Contains(where, error, StringComparison.Ordinal);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bidirectional_model_file_trained_by_rtrl_is_refused_at_the_method_key()
    {
        var model = SequenceModel.Create(new SequenceModelSpec(CellType.Gru, 1, 3, 1) { Bidirectional = true }, 1);
        SequenceModelFile.Write(model, Path.Combine(_dir, "bi.json"));
        var yaml = "model_file: bi.json\n" + Sine + "training: { epochs: 1,\n  method: rtrl }\n";
        var (code, _, error) = CliHarness.Run("train", Write("train.yaml", yaml), "-o", Path.Combine(_dir, "o"));
        Assert.Equal(2, code);
        Assert.Contains("train.yaml:4:", error, StringComparison.Ordinal);
        Assert.Contains("bidirectional", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_with_method_rtrl_runs_from_the_command_line()
    {
        var yaml = "model: { cell: gru, hidden: 4 }\n" + Sine + "training: { epochs: 2, batch_size: 8, learning_rate: 0.01, method: rtrl, update_every: 5 }\n";
        var (code, output, error) = CliHarness.Run("train", Write("train.yaml", yaml), "-o", Path.Combine(_dir, "o"));
        Assert.True(code == 0, error);
        Assert.Contains("online RTRL (an update every 5 steps)", output, StringComparison.Ordinal);
        Assert.Contains("epoch 2/2: train loss", error, StringComparison.Ordinal);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}
