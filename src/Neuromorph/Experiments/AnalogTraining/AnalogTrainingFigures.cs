using Neuromorph.Crossbars.Training;
using Neuromorph.Figures;

namespace Neuromorph.Experiments.AnalogTraining;

/// <summary>
/// The pictures of an analog training run: <c>accuracy</c> (test accuracy and train loss per epoch), <c>weights</c>
/// (histogram of the final weights), <c>device_states</c> (histogram of the devices' states) and, for a physical
/// device, <c>device_response</c>.
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
    /// <c>device_states</c>: the histogram of what the devices hold after training. For a physical device that is the
    /// model's state variable x of each device (found from its weight through the response's weight-to-state table);
    /// for a preset, each device's own weight. With Tiki-Taka both arrays' devices are counted.
    /// </summary>
    /// <param name="states">One value per device (<see cref="DeviceStates"/>).</param>
    /// <param name="physical">Whether the values are a physical model's states (else device weights).</param>
    /// <param name="what">Algorithm and device, for the title.</param>
    public static Figure States(IReadOnlyList<double> states, bool physical, string what)
    {
        ArgumentNullException.ThrowIfNull(states);
        var axis = physical ? new FigureAxis("Device state x (the model's state variable)") : new FigureAxis("Device weight");
        return Figure.Single("device_states", new Panel(axis, new FigureAxis("Devices") { IntegerTicks = true }, [Histogram.Of("devices", states)]) { Legend = LegendPlacement.None })
            with { Title = $"Device states after training ({states.Count} devices): {what}" };
    }

    /// <summary>The value per device that <see cref="States"/> draws: the model state x for a physical response, else the device weight.</summary>
    public static double[] DeviceStates(IReadOnlyList<double> deviceWeights, PhysicalResponse? response)
    {
        ArgumentNullException.ThrowIfNull(deviceWeights);
        return response is null ? [.. deviceWeights] : [.. deviceWeights.Select(response.StateOf)];
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
