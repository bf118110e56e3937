using System.Globalization;
using Neuromorph.Tests.Cli;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Networks.Sequence;

/// <summary>A loss that does not fit the task or the model's outputs is refused, at its key, before any training.</summary>
public sealed class LossTaskCheckTests : IDisposable
{
    private readonly TempDirectory _dir = new("nm-loss-task");

    public void Dispose() => _dir.Dispose();

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private (int Code, string Output, string Error) Train(string yaml) => CliHarness.Run("train", Write("t.yaml", yaml), "-o", Path.Combine(_dir, "out"));

    [Theory]
    [InlineData("sine", "length: 400, steps: 20")]
    [InlineData("mackey_glass", "length: 400, steps: 20")]
    [InlineData("narma10", "length: 400, steps: 20")]
    [InlineData("delayed_copy", "length: 400, steps: 20")]
    [InlineData("adding", "sequences: 20, test_sequences: 5, steps: 10")]
    public void Cross_entropy_on_a_task_with_real_valued_targets_is_refused_at_the_loss_key(string task, string sizes)
    {
        var (code, output, error) = Train($"model: {{ cell: gru, hidden: 4, classes: 3 }}\ndata: {{ task: {task}, {sizes} }}\ntraining: {{ epochs: 1, loss: cross_entropy }}\n");
        Assert.Equal(2, code);
        Assert.Matches(@"t\.yaml:3:\d+: error: cross-entropy needs a classification task whose targets are class indices in \[0, 3\)", error);
        Assert.Contains("loss: mse", error, StringComparison.Ordinal);
        Assert.DoesNotContain("epoch 1/", error, StringComparison.Ordinal);
        Assert.Equal("", output);
        Assert.False(File.Exists(Path.Combine(_dir, "out", "model.json")));
    }

    [Fact]
    public void Cross_entropy_on_csv_targets_that_are_not_class_indices_is_refused_before_training()
    {
        Write("real.csv", "u,y\n" + string.Concat(Enumerable.Range(0, 60).Select(i => string.Create(CultureInfo.InvariantCulture, $"{i * 0.1},{Math.Sin(i * 0.1):R}\n"))));
        Write("big.csv", "u,y\n" + string.Concat(Enumerable.Range(0, 60).Select(i => string.Create(CultureInfo.InvariantCulture, $"{i * 0.1},{i % 4}\n"))));
        const string Yaml = "model: { cell: gru, hidden: 4, classes: 3 }\ndata: { task: csv, file: FILE, inputs: [u], targets: [y], steps: 10 }\ntraining: { epochs: 1, loss: cross_entropy }\n";

        var (code, _, error) = Train(Yaml.Replace("FILE", "real.csv", StringComparison.Ordinal));
        Assert.Equal(2, code);
        Assert.Matches(@"t\.yaml:3:\d+: error: cross-entropy needs class indices in \[0, 3\) as targets; column 'y' holds 0\.0998", error);
        Assert.DoesNotContain("epoch 1/", error, StringComparison.Ordinal);

        (code, _, error) = Train(Yaml.Replace("FILE", "big.csv", StringComparison.Ordinal));
        Assert.Equal(2, code);
        Assert.Matches(@"t\.yaml:3:\d+: error: cross-entropy needs class indices in \[0, 3\) as targets; column 'y' holds 3", error);
        Assert.Contains("classes: 4", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Cross_entropy_on_csv_class_indices_trains_and_reports_accuracy()
    {
        Write("cls.csv", "u,y\n" + string.Concat(Enumerable.Range(0, 80).Select(i => string.Create(CultureInfo.InvariantCulture, $"{i % 3},{i % 3}\n"))));
        var (code, output, error) = Train("model: { cell: gru, hidden: 4, classes: 3 }\ndata: { task: csv, file: cls.csv, inputs: [u], targets: [y], steps: 10 }\ntraining: { epochs: 2, loss: cross_entropy }\n");
        Assert.True(code == 0, error);
        Assert.Contains("accuracy", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Cross_entropy_needs_one_target_column()
    {
        Write("two.csv", "u,y,z\n" + string.Concat(Enumerable.Range(0, 60).Select(i => string.Create(CultureInfo.InvariantCulture, $"{i},{i % 2},{i % 2}\n"))));
        var (code, _, error) = Train("model: { cell: gru, hidden: 4, classes: 2 }\ndata: { task: csv, file: two.csv, inputs: [u], targets: [y, z], steps: 10 }\ntraining: { epochs: 1, loss: cross_entropy }\n");
        Assert.Equal(2, code);
        Assert.Matches(@"t\.yaml:3:\d+: error: cross-entropy needs one target column \(the class index\), the data has 2 \(y, z\)", error);
    }

    [Fact]
    public void Classes_without_cross_entropy_is_refused_at_the_classes_key()
    {
        var (code, _, error) = Train("model: { cell: gru, hidden: 4, classes: 3 }\ndata: { task: sine, length: 400, steps: 20 }\ntraining: { epochs: 1 }\n");
        Assert.Equal(2, code);
        Assert.Matches(@"t\.yaml:1:\d+: error: 'classes' sets the outputs of a classifier, but the loss is mse", error);
        Assert.Contains("loss: cross_entropy", error, StringComparison.Ordinal);
    }
}
