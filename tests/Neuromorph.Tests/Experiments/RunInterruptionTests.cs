using System.CommandLine;
using System.Globalization;
using Neuromorph.Cli;
using Neuromorph.Cli.Commands;
using Neuromorph.Crossbars.Training;
using Neuromorph.Experiments;
using Neuromorph.Experiments.AnalogTraining;
using Neuromorph.Experiments.Results;
using Neuromorph.Io.Yaml;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Experiments;

/// <summary>
/// Ctrl-C during `neuromorph run` of a training kind (seq2seq, analog_training): the finished epochs are kept and their
/// files written whole, the run says what it kept and exits 130; before the first epoch ends there is nothing to keep.
/// </summary>
public sealed class RunInterruptionTests : IDisposable
{
    private const string Seq2Seq = "kind: seq2seq\ndata: { task: reverse, length: 4, symbols: 5, train: 64, test: 16 }\n"
        + "model:\n  encoder: { cell: gru, hidden: 6 }\n  decoder: { hidden: 6 }\n  attention: { kind: additive, size: 4 }\n"
        + "training: { epochs: 40, batch_size: 16, learning_rate: 0.01 }\nseed: 1\n";

    private readonly TempDirectory _dir = new("nm-run-int");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_analog_trainer_keeps_the_finished_epochs_and_refuses_with_none()
    {
        var (train, test) = Digits();
        var spec = new TrainingSpec(TrainingAlgorithm.AnalogSgd, PulsedDevice.Preset("constant_step", 0.002)!, new PulseUpdate(UpdateMode.Stochastic), 8, 20, 0.05, 1);
        using var cts = new CancellationTokenSource();
        var result = AnalogTrainer.Train(spec, train, test, new Cancel(cts, after: 2), cts.Token);
        Assert.True(result.Interrupted);
        Assert.Equal(2, result.TestAccuracy.Count);
        Assert.Equal(2, result.TrainLoss.Count);

        using var before = new CancellationTokenSource();
        before.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => AnalogTrainer.Train(spec, train, test, null, before.Token));
    }

    [Fact]
    public void An_interrupted_analog_training_run_reports_its_finished_epochs()
    {
        var file = Path.Combine(_dir, "a.yaml");
        File.WriteAllText(file, $"kind: analog_training\ndata: {RepoPaths.InRepo("circuits", "data", "digits.csv.gz")}\ntrain_samples: 300\nnetwork: {{ hidden: 8 }}\ntraining: {{ epochs: 20 }}\nseed: 1\n");
        var root = YamlSection.LoadFile(file);
        using var cts = new CancellationTokenSource();
        var report = ExperimentCatalog.Select(root).Run(root, new ExperimentContext(_dir, TextWriter.Null, cts.Token) { Progress = new Cancel(cts, after: 3) });
        Assert.StartsWith("training interrupted in epoch 4 of 20; the curves cover epochs 1 to 3", report.Interrupted, StringComparison.Ordinal);
        Assert.Equal(3, ((ResultTable)report.Outputs.Single(o => o.Name == "metrics.csv")).Columns[0].Count);
    }

    [Fact]
    public void A_seq2seq_run_interrupted_from_the_command_line_exits_130_and_keeps_its_files()
    {
        var yaml = Path.Combine(_dir, "s.yaml");
        File.WriteAllText(yaml, Seq2Seq);
        var outDir = Path.Combine(_dir, "out");
        var root = new RootCommand("neuromorph");
        foreach (var c in CommandCatalog.All())
        {
            root.Subcommands.Add(c);
        }

        using var cts = new CancellationTokenSource();
        using var output = new CancellingWriter("epoch 2/", cts);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var code = CommandRunner.Invoke(root, ["run", yaml, "-o", outDir, "--plot-format", "none"], output, error, cts.Token);
        var text = error.ToString();
        Assert.True(code == 130, $"exit {code}; stderr: {text}");
        Assert.Contains("neuromorph: interrupted: training interrupted after epoch 2 of 40; kept the model of epoch 2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("epoch 3/", output.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(outDir, "model.json")));
        Assert.Equal(3, File.ReadAllLines(Path.Combine(outDir, "training.csv")).Length);
        Assert.True(File.Exists(Path.Combine(outDir, "metrics.csv")));
    }

    private static (LabelledData Train, LabelledData Test) Digits()
    {
        var (f, l) = DigitsData.Read(RepoPaths.InRepo("circuits", "data", "digits.csv.gz"), 16);
        return DigitsData.Split([.. f.Take(400)], [.. l.Take(400)], 300);
    }

    /// <summary>Cancels <paramref name="cts"/> at the <paramref name="after"/>-th progress report (one per finished epoch).</summary>
    private sealed class Cancel(CancellationTokenSource cts, int after) : IProgress<double>
    {
        private int _reports;

        public void Report(double value)
        {
            if (++_reports == after)
            {
                cts.Cancel();
            }
        }
    }
}
