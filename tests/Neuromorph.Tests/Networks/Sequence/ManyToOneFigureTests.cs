using Neuromorph.Experiments.Sequence;
using Neuromorph.Figures;
using Neuromorph.Networks.Sequence.Training;
using Neuromorph.Networks.Tasks;

namespace Neuromorph.Tests.Networks.Sequence;

/// <summary>Predictions of many-to-one tasks (one value per independent sequence) are a scatter against the targets, not a line.</summary>
public sealed class ManyToOneFigureTests
{
    [Fact]
    public void Adding_problem_predictions_are_a_target_prediction_scatter_with_the_identity_line()
    {
        var set = AddingProblem.Generate(30, 10, 1);
        var predictions = set.Targets.Select(t => (0.9 * t) + 0.05).ToArray();
        var figure = SequenceFigures.Predictions(set, predictions, 1, ["sum"], LossKind.MeanSquaredError);
        var panel = Assert.Single(figure.Panels);
        Assert.Equal("Target sum", panel.X.Label);
        Assert.Equal("Predicted sum", panel.Y.Label);
        var points = panel.Layers.OfType<LineSeries>().Single(l => l.Name == "test sequences");
        Assert.Equal(LineStyle.Markers, points.Style);
        Assert.Equal(set.Targets, points.X);
        Assert.Equal(predictions, points.Y);
        var identity = panel.Layers.OfType<LineSeries>().Single(l => l.Name == "y = x");
        Assert.Equal(identity.X, identity.Y);
        Assert.Equal(Math.Min(set.Targets.Min(), predictions.Min()), identity.X[0]);
        Assert.Equal(Math.Max(set.Targets.Max(), predictions.Max()), identity.X[^1]);
    }

    [Fact]
    public void Every_step_predictions_stay_lines_over_time()
    {
        var data = TaskData.Build(new TaskSpec { Kind = TaskKind.Sine, Length = 200, Steps = 20 });
        var predictions = data.Test.Targets.ToArray();
        var figure = SequenceFigures.Predictions(data.Test, predictions, 1, data.TargetNames, LossKind.MeanSquaredError);
        var layers = figure.Panels.Single().Layers.OfType<LineSeries>().ToList();
        Assert.Equal(["target", "prediction"], layers.Select(l => l.Name));
        Assert.Equal("Scored test step", figure.Panels[0].X.Label);
    }
}
