using System.Globalization;
using Neuromorph.Devices.Transients;
using Neuromorph.Diagnostics;
using Neuromorph.Experiments.Results;
using Neuromorph.Io.Yaml;

namespace Neuromorph.Experiments.Device;

/// <summary>
/// <c>kind: device</c>: one memristor's transient, with the keys of a device study's device file
/// (<see cref="DeviceTransientSpec"/>: model and parameters, series resistance, drive, stop, steps, integrator),
/// integrated as the study integrates each point (<see cref="MemristorTransient"/>) but keeping the waveform. Returns
/// <c>transient.csv</c> (time, v, i, x, vm, r at every sample) and the figures of <see cref="DeviceFigures"/>.
/// </summary>
public sealed class DeviceExperiment : IExperiment
{
    /// <inheritdoc />
    public string Kind => "device";

    /// <inheritdoc />
    public string Description => "one memristor's transient (model, series resistance, drive): state, current and I-V loop";

    /// <inheritdoc />
    public IReadOnlyList<string> MetricNames { get; } = ["final_state", "min_state", "max_state", "max_current", "min_current", "rms_current", "final_resistance"];

    /// <inheritdoc />
    public ExperimentReport Run(YamlSection root, ExperimentContext context)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(context);
        var spec = DeviceTransientSpec.FromExperiment(root);
        var none = new Dictionary<string, double>();
        var model = spec.Model(none);
        var waveform = MemristorTransient.Run(model, spec.Drive(none), spec.SeriesResistance(none), spec.Grid);
        context.CancellationToken.ThrowIfCancellationRequested();
        if (!waveform.Completed)
        {
            throw new SimulationException($"{spec.ModelName} device: {spec.DivergenceMessage}");
        }

        var metrics = Metrics(waveform);
        var table = new ResultTable("transient.csv", ["time", "v", "i", "x", "vm", "r"],
            [waveform.Time, waveform.Drive, waveform.Current, waveform.State, waveform.DeviceVoltage, waveform.Resistance]);
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{spec.ModelName} device, {spec.DriveKind} drive, {spec.Stop:G4} s, {waveform.Count} samples ({(spec.Integrator == Numerics.Ode.LaneIntegrator.Rosenbrock23 ? "rosenbrock" : "rk4")}): x {waveform.State[0]:G6} -> {metrics["final_state"]:G6}, i in [{metrics["min_current"]:G4}, {metrics["max_current"]:G4}] A");
        return new ExperimentReport(metrics, [], summary)
        {
            Outputs = [table],
            Figures = context.OutputDirectory is null ? [] : DeviceFigures.Of(waveform, spec.ModelName),
        };
    }

    /// <summary>
    /// The scalar metrics of a waveform, measured on its samples as a device study measures them (final value, extremes,
    /// trapezoidal root mean square over the whole run).
    /// </summary>
    public static IReadOnlyDictionary<string, double> Metrics(MemristorWaveform waveform)
    {
        ArgumentNullException.ThrowIfNull(waveform);
        var t = waveform.Time;
        var i = waveform.Current;
        var square = 0.0;
        for (var k = 1; k < waveform.Count; k++)
        {
            square += 0.5 * ((i[k] * i[k]) + (i[k - 1] * i[k - 1])) * (t[k] - t[k - 1]);
        }

        return new Dictionary<string, double>
        {
            ["final_state"] = waveform.State[^1],
            ["min_state"] = waveform.State.Min(),
            ["max_state"] = waveform.State.Max(),
            ["max_current"] = i.Max(),
            ["min_current"] = i.Min(),
            ["rms_current"] = Math.Sqrt(square / (t[^1] - t[0])),
            ["final_resistance"] = waveform.Resistance[^1],
        };
    }
}
