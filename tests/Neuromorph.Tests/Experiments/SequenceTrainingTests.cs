using Neuromorph.Diagnostics;
using Neuromorph.Experiments.Sequence;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Experiments;

/// <summary><see cref="SequenceTraining"/>, the file <c>neuromorph train</c> reads: a spec with training, or a located refusal.</summary>
public sealed class SequenceTrainingTests
{
    private const string Data = "data:\n  task: sine\n  period: 25\n  length: 400\n  steps: 20\n  stride: 10\n";

    [Fact]
    public void A_file_with_a_training_section_becomes_a_spec_that_trains()
    {
        using var dir = new TempDirectory("nm-train-read");
        var path = Path.Combine(dir, "m.yaml");
        File.WriteAllText(path, "model: { cell: gru, hidden: 4 }\n" + Data + "training:\n  epochs: 2\nseed: 3\n");
        var spec = SequenceTraining.Read(path);
        Assert.Equal(2, spec.Training!.Epochs);
        Assert.Equal(4, spec.Hidden);
    }

    [Fact]
    public void A_file_that_loads_a_trained_model_has_nothing_to_train()
    {
        using var dir = new TempDirectory("nm-train-read");
        File.WriteAllText(Path.Combine(dir, "model.json"), "{}");
        var path = Path.Combine(dir, "m.yaml");
        File.WriteAllText(path, "model_file: model.json\n" + Data);
        var ex = Assert.Throws<UserInputException>(() => SequenceTraining.Read(path));
        Assert.Equal("nothing to train: the file loads a trained model and has no 'training:' section", ex.Diagnostic.Message);
        Assert.Equal(new SourceLocation(path, 1, 13), ex.Diagnostic.Location);
        Assert.Equal("use 'neuromorph run' to evaluate a trained model", ex.Diagnostic.Hint);
    }
}
