using Neuromorph.Devices.Transients;
using Neuromorph.Figures;

namespace Neuromorph.Experiments.Device;

/// <summary>
/// The pictures of one device transient: <c>state</c> (the state, the drive and device voltages and the current over
/// time, sharing the time axis) and <c>iv_loop</c> (the current against the device voltage as traced: a memristor's
/// pinched hysteresis loop).
/// </summary>
public static class DeviceFigures
{
    /// <summary>The figures of <paramref name="waveform"/>, a transient of the model named <paramref name="model"/>.</summary>
    public static IReadOnlyList<Figure> Of(MemristorWaveform waveform, string model)
    {
        ArgumentNullException.ThrowIfNull(waveform);
        var time = new FigureAxis("Time", "s");
        var state = new Figure("state", [
            new Panel(time, new FigureAxis("Memristor state x"), [new LineSeries("x", waveform.Time, waveform.State) { Width = 2 }]) { Legend = LegendPlacement.None },
            new Panel(time, new FigureAxis("Voltage", "V"), [
                new LineSeries("drive v", waveform.Time, waveform.Drive),
                new LineSeries("device vm", waveform.Time, waveform.DeviceVoltage) { Style = LineStyle.Dashed },
            ]),
            new Panel(time, new FigureAxis("Current", "A"), [new LineSeries("i", waveform.Time, waveform.Current)]) { Legend = LegendPlacement.None },
        ])
        {
            Title = $"{model} memristor: state, voltages and current",
            SharedX = true,
        };
        var loop = Figure.Single("iv_loop", new Panel(new FigureAxis("Device voltage", "V"), new FigureAxis("Current", "A"), [new LineSeries("i(vm)", waveform.DeviceVoltage, waveform.Current)]) { Legend = LegendPlacement.None })
            with { Title = $"{model} memristor: I-V loop" };
        return [state, loop];
    }
}
