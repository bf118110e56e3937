using Neuromorph.Diagnostics;
using Neuromorph.Experiments;
using Neuromorph.Experiments.Seq2Seq;
using Neuromorph.Figures;
using Neuromorph.Io.Yaml;
using Neuromorph.Tests.Cli;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Networks.Seq2Seq;

/// <summary>kind: seq2seq: a small reversal run learns and writes its outputs; each class of bad input is a located error (exit code 2).</summary>
public sealed class Seq2SeqExperimentTests
{
    private const string Yaml = """
        kind: seq2seq
        data: { task: reverse, length: 5, symbols: 5, train: 1500, test: 200 }
        model:
          encoder: { cell: gru, hidden: 24 }
          decoder: { hidden: 24 }
          attention: { kind: additive, size: 16 }
        training: { epochs: 4, batch_size: 16, learning_rate: 0.01, teacher_forcing: { start: 1, end: 0.5, schedule: linear } }
        decoding: { beam_width: 2, beam_sequences: 20 }
        seed: 2

        """;

    [Trait("Category", "slow")]
    [Fact]
    public void A_small_reversal_run_learns_and_writes_model_tables_and_figures()
    {
        using var dir = new TempDirectory("nm-seq2seq");
        var report = new Seq2SeqExperiment().Run(YamlSection.Parse(Yaml, "s.yaml"), new ExperimentContext(dir, TextWriter.Null));
        Assert.True(report.Metrics["token_accuracy"] >= 0.95, $"token accuracy {report.Metrics["token_accuracy"]}");
        Assert.Equal(report.Metrics["token_accuracy"], report.Metrics["software_token_accuracy"]);
        Assert.InRange(report.Metrics["beam_token_accuracy"], 0.9, 1);
        var training = ResultFiles.Table(report.Outputs, "training.csv");
        Assert.Equal(4, training.Rows);
        Assert.True(training.Column("train_loss")[^1] < training.Column("train_loss")[0]);
        double[] ratios = [1, 5.0 / 6, 4.0 / 6, 0.5];
        Assert.All(ratios.Zip(training.Column("teacher_forcing")), p => Assert.Equal(p.First, p.Second, 12));
        Assert.Contains(report.Outputs, f => f.Name == "predictions.csv");
        Assert.Contains(report.Outputs, f => f.Name == "metrics.csv");
        Assert.True(File.Exists(Path.Combine(dir, "model.json")));
        var attention = report.Figures.Single(f => f.Name == "attention");
        var map = attention.Panels[0].Layers.OfType<HeatmapLayer>().Single().Values;
        Assert.Equal(6, map.GetLength(0)); // 5 symbols and the end token
        Assert.Equal(5, map.GetLength(1));
        for (var r = 0; r < 6; r++)
        {
            Assert.Equal(1, Enumerable.Range(0, 5).Sum(c => map[r, c]), 12);
        }

        Assert.Contains(report.Figures, f => f.Name == "training");
    }

    [Fact]
    public void Without_an_output_folder_it_returns_every_metric_and_no_files()
    {
        var experiment = new Seq2SeqExperiment();
        var text = Yaml.Replace("train: 1500, test: 200", "train: 64, test: 16", StringComparison.Ordinal).Replace("epochs: 4", "epochs: 1", StringComparison.Ordinal);
        var report = experiment.Run(YamlSection.Parse(text, "s.yaml"), new ExperimentContext(null, TextWriter.Null));
        Assert.Empty(report.Outputs);
        Assert.Empty(report.Figures);
        Assert.All(experiment.MetricNames, m => Assert.True(report.Metrics.ContainsKey(m), $"metric {m} missing"));
    }

    [Fact]
    public void A_model_file_is_evaluated_as_written_and_must_fit_the_task()
    {
        using var dir = new TempDirectory("nm-seq2seq-file");
        var text = Yaml.Replace("train: 1500, test: 200", "train: 200, test: 40", StringComparison.Ordinal).Replace("epochs: 4", "epochs: 1", StringComparison.Ordinal);
        var trained = new Seq2SeqExperiment().Run(YamlSection.Parse(text, "s.yaml"), new ExperimentContext(Path.Combine(dir, "a"), TextWriter.Null));
        var start = text.IndexOf("model:", StringComparison.Ordinal);
        var end = text.IndexOf("decoding:", StringComparison.Ordinal);
        var path = Path.Combine(dir, "b.yaml");
        File.WriteAllText(path, text[..start] + "model_file: a/model.json\n" + text[end..]);
        var loaded = new Seq2SeqExperiment().Run(YamlSection.LoadFile(path), new ExperimentContext(Path.Combine(dir, "b"), TextWriter.Null));
        Assert.Equal(trained.Metrics["token_accuracy"], loaded.Metrics["token_accuracy"]);
        Assert.Equal(trained.Metrics["beam_sequence_accuracy"], loaded.Metrics["beam_sequence_accuracy"]);
        Assert.DoesNotContain(loaded.Figures, f => f.Name == "training");

        File.WriteAllText(path, text[..start].Replace("symbols: 5", "symbols: 6", StringComparison.Ordinal) + "model_file: a/model.json\n" + text[end..]);
        var ex = Assert.Throws<UserInputException>(() => new Seq2SeqExperiment().Run(YamlSection.LoadFile(path), new ExperimentContext(null, TextWriter.Null)));
        Assert.Contains("b.yaml:3:", ex.Diagnostic.ToString(), StringComparison.Ordinal);
        Assert.Contains("vocabulary of 7 tokens, the task 8", ex.Diagnostic.ToString(), StringComparison.Ordinal);

        File.WriteAllText(path, text + "model_file: a/model.json\n");
        ex = Assert.Throws<UserInputException>(() => new Seq2SeqExperiment().Read(YamlSection.LoadFile(path)));
        Assert.Contains("give either 'model:'", ex.Diagnostic.ToString(), StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(dir, "a", "model.json"), "{ \"format\": \"neuromorph-seq2seq-model\",\n  \"vocabulary\": }");
        File.WriteAllText(path, text[..start] + "model_file: a/model.json\n" + text[end..]);
        ex = Assert.Throws<UserInputException>(() => new Seq2SeqExperiment().Run(YamlSection.LoadFile(path), new ExperimentContext(null, TextWriter.Null)));
        Assert.Contains("model.json:2:", ex.Diagnostic.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("decoder: { hidden: 24 }", "decoder: { hidden: 32 }", 5, "the decoder has 32 hidden units but the encoder 24")]
    [InlineData("kind: additive, size: 16", "kind: dot-product", 6, "unknown attention kind 'dot-product'")]
    [InlineData("kind: additive, size: 16", "kind: multiplicative, size: 16", 6, "multiplicative attention has no hidden layer")]
    [InlineData("cell: gru, hidden: 24", "cell: jordan, hidden: 24", 4, "unknown encoder cell 'jordan'")]
    [InlineData("task: reverse", "task: rotate", 2, "unknown task 'rotate'")]
    [InlineData("symbols: 5,", "symbols: 1,", 2, "'symbols'")]
    [InlineData("schedule: linear", "schedule: cosine", 7, "unknown schedule 'cosine'")]
    [InlineData("end: 0.5, schedule: linear", "end: 0, schedule: exponential", 7, "start and end must be positive")]
    [InlineData("start: 1,", "start: 1.5,", 7, "'start' must lie in [0, 1]")]
    [InlineData("learning_rate: 0.01", "learning_rate: -1", 7, "the learning rate must be positive")]
    [InlineData("beam_width: 2", "beam_width: 0", 8, "'beam_width'")]
    public void Bad_input_is_a_located_error_with_exit_code_2(string from, string to, int line, string message)
    {
        Assert.Contains(from, Yaml, StringComparison.Ordinal);
        var text = Yaml.Replace(from, to, StringComparison.Ordinal);
        var ex = Assert.Throws<UserInputException>(() => new Seq2SeqExperiment().Read(YamlSection.Parse(text, "x.yaml")));
        Assert.StartsWith($"x.yaml:{line}:", ex.Diagnostic.ToString(), StringComparison.Ordinal);
        Assert.Contains(message, ex.Diagnostic.ToString(), StringComparison.Ordinal);

        using var dir = new TempDirectory("nm-seq2seq-bad");
        var path = Path.Combine(dir, "x.yaml");
        File.WriteAllText(path, text);
        var (code, _, error) = CliHarness.Run("run", path, "-o", Path.Combine(dir, "out"));
        Assert.Equal(2, code);
        Assert.Matches($@"x\.yaml:{line}:\d+", error);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
