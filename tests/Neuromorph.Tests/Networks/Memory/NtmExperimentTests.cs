using Neuromorph.Diagnostics;
using Neuromorph.Experiments;
using Neuromorph.Experiments.Ntm;
using Neuromorph.Figures;
using Neuromorph.Io.Yaml;
using Neuromorph.Tests.Cli;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Networks.Memory;

/// <summary>kind: ntm: a tiny copy run trains and writes its outputs; each class of bad input is a located error (exit code 2).</summary>
public sealed class NtmExperimentTests
{
    private const string Yaml = """
        kind: ntm
        task: { name: copy, bits: 3, min_length: 1, max_length: 4 }
        model:
          controller: 12
          memory: { rows: 8, width: 5 }
        training: { updates: 80, batch_size: 4, learning_rate: 0.01, log_every: 20 }
        test: { lengths: [4, 6], sequences: 10 }
        memory_read_noise: 0.1
        seed: 3
        baseline: { controller: 14 }

        """;

    [Trait("Category", "slow")]
    [Fact]
    public void A_tiny_copy_run_trains_and_writes_model_tables_and_figures()
    {
        using var dir = new TempDirectory("nm-ntm");
        var experiment = new NtmExperiment();
        var report = experiment.Run(YamlSection.Parse(Yaml, "n.yaml"), new ExperimentContext(dir, TextWriter.Null));
        Assert.All(experiment.MetricNames, m => Assert.True(report.Metrics.ContainsKey(m), $"metric {m} missing"));
        Assert.Equal(320, report.Metrics["train_sequences"]);
        var training = ResultFiles.Table(report.Outputs, "training.csv");
        Assert.Equal(4, training.Rows);
        Assert.True(training.Column("loss")[^1] < training.Column("loss")[0], "the loss did not fall");
        var evaluation = ResultFiles.Table(report.Outputs, "evaluation.csv");
        Assert.Equal(6, evaluation.Rows);
        Assert.Equal(report.Metrics["bit_errors_longest_test"], evaluation.Column("bit_errors_per_sequence")[5]);
        Assert.Equal(report.Metrics["noisy_bit_errors_longest_test"], evaluation.Column("noisy_bit_errors_per_sequence")[5]);
        Assert.InRange(report.Metrics["bit_error_rate_train_length"], 0, 1);
        Assert.True(File.Exists(Path.Combine(dir, "model.json")));
        Assert.Contains("\"memory_rows\": 8", File.ReadAllText(Path.Combine(dir, "model.json")), StringComparison.Ordinal);
        var memory = report.Figures.Single(f => f.Name == "memory");
        var write = memory.Panels[0].Layers.OfType<HeatmapLayer>().Single().Values;
        Assert.Equal(8, write.GetLength(0)); // memory rows
        Assert.Equal(9, write.GetLength(1)); // 2 × 4 + 1 steps
        for (var t = 0; t < 9; t++)
        {
            Assert.Equal(1, Enumerable.Range(0, 8).Sum(i => write[i, t]), 12);
        }

        Assert.Contains(report.Figures, f => f.Name == "training");
        Assert.Contains(report.Figures, f => f.Name == "generalisation");
        Assert.Equal((4 * 14 * (4 + 14)) + (4 * 14) + (3 * 15), report.Metrics["baseline_parameters"]);
        Assert.Equal(report.Metrics["baseline_bit_errors_longest_test"], evaluation.Column("baseline_bit_errors_per_sequence")[5]);
        Assert.Equal(4, ResultFiles.Table(report.Outputs, "baseline_training.csv").Rows);
    }

    [Fact]
    public void An_associative_recall_run_scores_every_list_size_from_two_items()
    {
        var text = Yaml.Replace("name: copy, bits: 3, min_length: 1, max_length: 4", "name: associative_recall, bits: 2, item_length: 2, min_items: 2, max_items: 3", StringComparison.Ordinal)
            .Replace("updates: 80", "updates: 30", StringComparison.Ordinal).Replace("lengths: [4, 6]", "lengths: [3]", StringComparison.Ordinal)
            .Replace("rows: 8", "rows: 13", StringComparison.Ordinal).Replace("baseline: { controller: 14 }", "", StringComparison.Ordinal);
        using var dir = new TempDirectory("nm-ntm-recall");
        var experiment = new NtmExperiment();
        var spec = experiment.Read(YamlSection.Parse(text, "r.yaml"));
        Assert.Equal(4, spec.Model.Inputs); // 2 bits and 2 delimiters
        var report = experiment.Run(spec, new ExperimentContext(dir, TextWriter.Null));
        var evaluation = ResultFiles.Table(report.Outputs, "evaluation.csv");
        Assert.Equal([2.0, 3.0], evaluation.Column("length"));
        Assert.Equal(report.Metrics["bit_errors_longest_test"], evaluation.Column("bit_errors_per_sequence")[1]);
        Assert.Equal(report.Metrics["bit_errors_train_length"] / 4, report.Metrics["bit_error_rate_train_length"], 15); // 2 vectors of 2 bits scored
        Assert.InRange(report.Metrics["bit_errors_train_length"], 0, 4);
        var write = report.Figures.Single(f => f.Name == "memory").Panels[0].Layers.OfType<HeatmapLayer>().Single().Values;
        Assert.Equal(((3 + 1) * 3) + 1 + 2, write.GetLength(1));
    }

    [Fact]
    public void Without_an_output_folder_it_returns_every_metric_and_no_files()
    {
        var experiment = new NtmExperiment();
        var text = Yaml.Replace("updates: 80", "updates: 2", StringComparison.Ordinal).Replace("memory_read_noise: 0.1\n", "", StringComparison.Ordinal);
        var report = experiment.Run(YamlSection.Parse(text, "n.yaml"), new ExperimentContext(null, TextWriter.Null));
        Assert.Empty(report.Outputs);
        Assert.Empty(report.Figures);
        Assert.All(experiment.MetricNames, m => Assert.True(report.Metrics.ContainsKey(m), $"metric {m} missing"));
        Assert.True(double.IsNaN(report.Metrics["noisy_bit_errors_longest_test"]));
        Assert.Equal(8, report.Metrics["train_sequences"]);
    }

    [Theory]
    [InlineData("rows: 8", "rows: 6", 5, "a memory of 6 rows cannot hold a copy sequence of 6 vectors")]
    [InlineData("lengths: [4, 6]", "lengths: [4, 9]", 5, "use rows ≥ 10")]
    [InlineData("controller: 12", "controller: -4", 4, "'controller' must be at least 1")]
    [InlineData("width: 5", "width: 0", 5, "'width' must be at least 1")]
    [InlineData("bits: 3", "bits: -1", 2, "'bits' must be at least 1")]
    [InlineData("max_length: 4", "max_length: 0", 2, "'max_length'")]
    [InlineData("min_length: 1", "min_length: 5", 2, "max_length 4 is below min_length 5")]
    [InlineData("name: copy", "name: repeat_copy", 2, "unknown task 'repeat_copy'")]
    [InlineData("learning_rate: 0.01", "learning_rate: -1", 6, "the learning rate must be positive")]
    [InlineData("batch_size: 4", "batch_size: 4, momentum: 0.9", 6, "momentum")]
    [InlineData("lengths: [4, 6]", "lengths: [4, 0]", 7, "test lengths must be whole numbers")]
    [InlineData("memory_read_noise: 0.1", "memory_read_noise: -0.1", 8, "'memory_read_noise'")]
    [InlineData("memory_read_noise: 0.1", "memory_read_noise: 0.1\nmemory_keys: binary", 9, "unknown key encoding 'binary'")]
    [InlineData("seed: 3", "seed: 3\nheads: 2", 10, "heads")]
    [InlineData("controller: 14", "controller: 0", 10, "'controller' must be at least 1")]
    [InlineData("controller: 14 }", "controller: 14, max_seconds: -1 }", 10, "'max_seconds'")]
    [InlineData("name: copy, bits: 3, min_length: 1, max_length: 4", "name: associative_recall, bits: 3, min_items: 1", 2, "'min_items' must be at least 2")]
    [InlineData("name: copy, bits: 3, min_length: 1, max_length: 4", "name: associative_recall, bits: 3, max_length: 4", 2, "max_length")]
    [InlineData("name: copy, bits: 3, min_length: 1, max_length: 4", "name: associative_recall, min_items: 5, max_items: 3", 2, "max_items 3 is below min_items 5")]
    [InlineData("name: copy, bits: 3, min_length: 1, max_length: 4", "name: associative_recall, max_items: 3", 5, "cannot hold 6 items of 3 vectors")]
    public void Bad_input_is_a_located_error_with_exit_code_2(string from, string to, int line, string message)
    {
        Assert.Contains(from, Yaml, StringComparison.Ordinal);
        var text = Yaml.Replace(from, to, StringComparison.Ordinal);
        var ex = Assert.Throws<UserInputException>(() => new NtmExperiment().Read(YamlSection.Parse(text, "x.yaml")));
        Assert.StartsWith($"x.yaml:{line}:", ex.Diagnostic.ToString(), StringComparison.Ordinal);
        Assert.Contains(message, ex.Diagnostic.ToString(), StringComparison.Ordinal);

        using var dir = new TempDirectory("nm-ntm-bad");
        var path = Path.Combine(dir, "x.yaml");
        File.WriteAllText(path, text);
        var (code, _, error) = CliHarness.Run("run", path, "-o", Path.Combine(dir, "out"));
        Assert.Equal(2, code);
        Assert.Matches($@"x\.yaml:{line}:\d+", error);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
