using Neuromorph.Figures;
using Neuromorph.Networks.Seq2Seq.Training;

namespace Neuromorph.Experiments.Seq2Seq;

/// <summary>
/// The pictures of an encoder–decoder run: <c>training</c> (training loss on a log scale and held-out greedy token
/// accuracy against epoch) and <c>attention</c> (the attention weights of one test example, decoder step against
/// source token, each row summing to 1).
/// </summary>
public static class Seq2SeqFigures
{
    /// <summary>Loss and accuracy per epoch.</summary>
    public static Figure Training(IReadOnlyList<Seq2SeqEpoch> epochs)
    {
        ArgumentNullException.ThrowIfNull(epochs);
        var x = epochs.Select(e => (double)e.Epoch).ToArray();
        var style = epochs.Count < 40 ? LineStyle.LineAndMarkers : LineStyle.Solid;
        var loss = new Panel(new FigureAxis("Epoch") { IntegerTicks = true }, FigureAxis.Log("Training loss (cross-entropy)"),
            [new LineSeries("train loss", x, [.. epochs.Select(e => e.TrainLoss)]) { Style = style }]);
        var accuracy = new Panel(new FigureAxis("Epoch") { IntegerTicks = true }, new FigureAxis("Held-out accuracy") { Min = 0, Max = 1 },
        [
            new LineSeries("token (greedy)", x, [.. epochs.Select(e => e.TokenAccuracy)]) { Style = style },
            new LineSeries("sequence (greedy)", x, [.. epochs.Select(e => e.SequenceAccuracy)]) { Style = style },
            new LineSeries("teacher forcing", x, [.. epochs.Select(e => e.TeacherForcing)]) { Style = LineStyle.Dashed },
        ]);
        return new Figure("training", [loss, accuracy]) { Title = "Training curve", SharedX = true };
    }

    /// <summary>
    /// α of one example: <paramref name="map"/> is decoder steps × source steps; rows are labelled with the output
    /// tokens, columns with the source tokens, the first decoder step at the top.
    /// </summary>
    public static Figure Attention(double[,] map, IReadOnlyList<string> sourceTokens, IReadOnlyList<string> outputTokens, string title)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(sourceTokens);
        ArgumentNullException.ThrowIfNull(outputTokens);
        var (rows, cols) = (map.GetLength(0), map.GetLength(1));
        var flipped = new double[rows, cols];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                flipped[rows - 1 - r, c] = map[r, c];
            }
        }

        var xTicks = sourceTokens.Select((t, i) => new AxisTick(i, t)).ToList();
        var yTicks = outputTokens.Take(rows).Select((t, i) => new AxisTick(rows - 1 - i, $"{i + 1}: {t}")).ToList();
        var panel = new Panel(new FigureAxis("Source token") { Ticks = xTicks }, new FigureAxis("Output step: token") { Ticks = yTicks },
            [new HeatmapLayer(flipped, new FigureAxis("attention weight α")) { RowZeroAtTop = false }]) { Legend = LegendPlacement.None };
        var side = Math.Clamp(480.0 / Math.Max(rows, cols), 12, 48);
        return Figure.Single("attention", panel) with
        {
            Title = title,
            Width = (int)Math.Max(460, (cols * side) + 260),
            PanelHeight = (int)Math.Max(300, (rows * side) + 100),
        };
    }
}
