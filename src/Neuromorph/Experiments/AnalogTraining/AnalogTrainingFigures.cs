using Neuromorph.Crossbars.Training;
using Neuromorph.Figures;

namespace Neuromorph.Experiments.AnalogTraining;

/// <summary>
/// The pictures of an analog training run: <c>accuracy</c> (test accuracy and train loss per epoch), <c>weights</c>
/// (histogram of the final weights) and, for a physical device, <c>device_response</c>.
/// </summary>
public static class AnalogTrainingFigures
{
    /// <summary>The figures of a run.</summary>
    /// <param name="epochs">Epoch numbers 1..n.</param>
    /// <param name="accuracy">Test accuracy (fraction) per epoch.</param>
    /// <param name="loss">Mean training loss per epoch.</param>
    /// <param name="weights">Final effective weights.</param>
    /// <param name="what">Algorithm and device, for the titles.</param>
    public static IReadOnlyList<Figure> Of(IReadOnlyList<double> epochs, IReadOnlyList<double> accuracy, IReadOnlyList<double> loss, IReadOnlyList<double> weights, string what)
    {
        ArgumentNullException.ThrowIfNull(epochs);
        ArgumentNullException.ThrowIfNull(accuracy);
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(weights);
        var epoch = new FigureAxis("Epoch") { IntegerTicks = true };
        var acc = new Figure("accuracy", [
            new Panel(epoch, new FigureAxis("Test accuracy", "%"), [new LineSeries("test accuracy", epochs, [.. accuracy.Select(a => 100 * a)]) { Width = 2.2 }]) { Legend = LegendPlacement.None },
            new Panel(epoch, new FigureAxis("Train loss (cross-entropy)"), [new LineSeries("train loss", epochs, loss)]) { Legend = LegendPlacement.None },
        ])
        {
            Title = $"Training on the crossbar: {what}",
            SharedX = true,
        };
        var hist = Figure.Single("weights", new Panel(new FigureAxis("Final weight"), new FigureAxis("Devices") { IntegerTicks = true }, [Histogram.Of("weights", weights)]) { Legend = LegendPlacement.None })
            with { Title = $"Final weights ({weights.Count}): {what}" };
        return [acc, hist];
    }

    /// <summary>
    /// <c>device_response</c>: the weight step of one SET and one RESET pulse against the weight, from the model's
    /// step table (a physical device's response; the presets' shapes are their formulas).
    /// </summary>
    /// <param name="response">The tabulated response.</param>
    /// <param name="model">Model name, for the title.</param>
    public static Figure Response(PhysicalResponse response, string model)
    {
        ArgumentNullException.ThrowIfNull(response);
        var (w, up, down) = response.Table;
        return Figure.Single("device_response", new Panel(new FigureAxis("Weight w (linear in the conductance)"), new FigureAxis("Step of one pulse |Δw|"), [
            new LineSeries($"SET {response.Set.Amplitude:G3} V, {response.Set.Width:G3} s", w, up) { Width = 2 },
            new LineSeries($"RESET {response.Reset.Amplitude:G3} V, {response.Reset.Width:G3} s", w, down) { Width = 2 },
        ]))
            with { Title = $"{model} under its programming pulses: step per pulse ({w.Count} table points)" };
    }
}
