using System.CommandLine;
using System.Globalization;
using Neuromorph.Cli;
using Neuromorph.Cli.Commands;
using Neuromorph.Experiments.Sequence;
using Neuromorph.Io.Yaml;
using Neuromorph.Networks.Sequence;
using Neuromorph.Networks.Sequence.ModelFiles;
using Neuromorph.Networks.Sequence.Training;
using Neuromorph.Networks.Tasks;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Networks.Sequence;

/// <summary>Ctrl-C during training: stop at the next mini-batch, keep and write the finished epochs, exit 130.</summary>
public sealed class TrainingInterruptionTests : IDisposable
{
    private const string Yaml = "model: { cell: gru, hidden: 4 }\ndata: { task: sine, length: 400, steps: 20, washout: 2, test_fraction: 0.25 }\ntraining: { epochs: 50, batch_size: 8, learning_rate: 0.01 }\nseed: 2\n";
    private readonly TempDirectory _dir = new("nm-train-int");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_trainer_stops_after_the_epoch_in_which_cancellation_came_and_keeps_it()
    {
        var set = SineWave.Prediction(400, 17).ToSequences(20, 10, 2);
        var m = SequenceModel.Create(new SequenceModelSpec(CellType.Gru, 1, 4, 1), 9);
        using var cts = new CancellationTokenSource();
        double[][]? atThree = null;
        var r = Trainer.Train(m, set, null, new TrainingOptions { Epochs = 50, BatchSize = 8, Seed = 5 }, e =>
        {
            if (e.Epoch == 3)
            {
                atThree = m.Snapshot();
                cts.Cancel();
            }
        }, cts.Token);
        Assert.True(r.Interrupted);
        Assert.Equal(3, r.Epochs.Count);
        Assert.Equal(3, r.KeptEpoch);
        Assert.Equal(atThree, m.Snapshot());
    }

    [Fact]
    public void With_a_validation_set_the_best_finished_epoch_is_kept()
    {
        var set = SineWave.Prediction(400, 17).ToSequences(20, 10, 2);
        var (train, maybeValidation) = set.Split(0.25, 3);
        var validation = maybeValidation!;
        var m = SequenceModel.Create(new SequenceModelSpec(CellType.Gru, 1, 4, 1), 9);
        using var cts = new CancellationTokenSource();
        var r = Trainer.Train(m, train, validation, new TrainingOptions { Epochs = 50, BatchSize = 8, Seed = 5 }, e =>
        {
            if (e.Epoch == 4)
            {
                cts.Cancel();
            }
        }, cts.Token);
        Assert.True(r.Interrupted);
        Assert.Equal(4, r.Epochs.Count);
        var best = r.Epochs.MinBy(e => e.ValidationLoss)!;
        Assert.Equal(best.Epoch, r.KeptEpoch);
        Assert.Equal(best.ValidationLoss, SequenceEvaluation.MeanLoss(m, validation, LossKind.MeanSquaredError, 8), 1e-12);
    }

    [Fact]
    public void Cancelled_before_the_first_epoch_finishes_there_is_nothing_to_keep()
    {
        var set = SineWave.Prediction(400, 17).ToSequences(20, 10, 2);
        var m = SequenceModel.Create(new SequenceModelSpec(CellType.Gru, 1, 4, 1), 9);
        var before = m.Snapshot();
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Trainer.Train(m, set, null, new TrainingOptions { Epochs = 5, BatchSize = 8 }, null, cts.Token));
        Assert.Equal(before, m.Snapshot());
    }

    [Fact]
    public void A_cancelled_run_writes_the_model_and_the_finished_epochs_and_says_so()
    {
        File.WriteAllText(Path.Combine(_dir, "t.yaml"), Yaml);
        var spec = SequenceSpecReader.Read(YamlSection.LoadFile(Path.Combine(_dir, "t.yaml")));
        var outDir = Path.Combine(_dir, "out");
        using var cts = new CancellationTokenSource();
        var result = SequenceRun.Execute(spec, outDir, line =>
        {
            if (line.StartsWith("epoch 2/", StringComparison.Ordinal))
            {
                cts.Cancel();
            }
        }, cancellation: cts.Token);
        Assert.Equal("training interrupted after epoch 2 of 50; kept the model of epoch 2", result.Interrupted);
        Assert.Equal(3, File.ReadAllLines(Path.Combine(outDir, "training.csv")).Length);
        Assert.Equal(4, SequenceModelFile.Read(Path.Combine(outDir, "model.json")).Spec.HiddenSize);
        Assert.Equal(2, result.Metrics["epochs"]);
        var epochs = File.ReadAllLines(Path.Combine(outDir, "metrics.csv")).Single(l => l.StartsWith("epochs,", StringComparison.Ordinal));
        Assert.Equal(2, double.Parse(epochs.Split(',')[1], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Train_interrupted_from_the_command_line_exits_130_and_keeps_its_files()
    {
        var yaml = Path.Combine(_dir, "t.yaml");
        File.WriteAllText(yaml, Yaml);
        var outDir = Path.Combine(_dir, "cli");
        var root = new RootCommand("neuromorph");
        foreach (var c in CommandCatalog.All())
        {
            root.Subcommands.Add(c);
        }

        using var cts = new CancellationTokenSource();
        using var output = new StringWriter();
        using var error = new CancellingWriter("epoch 3/", cts);
        var code = CommandRunner.Invoke(root, ["train", yaml, "-o", outDir, "--plot-format", "none"], output, error, cts.Token);
        var text = error.ToString();
        Assert.True(code == 130, $"exit {code}; stderr: {text}");
        Assert.Contains("neuromorph: interrupted: training interrupted after epoch 3 of 50; kept the model of epoch 3", text, StringComparison.Ordinal);
        Assert.DoesNotContain("epoch 4/", text, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(outDir, "model.json")));
        Assert.Equal(4, File.ReadAllLines(Path.Combine(outDir, "training.csv")).Length);
        Assert.True(File.Exists(Path.Combine(outDir, "metrics.csv")));
        Assert.Contains("wrote", output.ToString(), StringComparison.Ordinal);
    }
}
