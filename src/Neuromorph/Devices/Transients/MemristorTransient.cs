using Neuromorph.Numerics.Ode;

namespace Neuromorph.Devices.Transients;

/// <summary>
/// One memristor's transient with its whole waveform: the device's batched form (<see cref="MemristorLane{TModel}"/>
/// over its own equations) integrated on the host by the lanes' integrator (<see cref="LaneTransient"/>) and recorded
/// at every sample (<see cref="LaneRecorder"/>), so the samples and signals are exactly those a device study's probes
/// measure for the same device, drive and grid.
/// </summary>
public static class MemristorTransient
{
    /// <summary>
    /// Runs <paramref name="model"/> in series with <paramref name="seriesResistance"/> (Ω) under
    /// <paramref name="drive"/> over <paramref name="grid"/>. A diverged run ends in NaN states
    /// (<see cref="MemristorWaveform.Completed"/> is false).
    /// </summary>
    public static MemristorWaveform Run(IMemristorModel model, DriveWaveform drive, double seriesResistance, TransientGrid grid)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.WithEquations(new Recording(drive, seriesResistance, grid));
    }

    /// <summary>The run at the device's equations type.</summary>
    private sealed class Recording(DriveWaveform drive, double seriesResistance, TransientGrid grid) : IMemristorEquationsVisitor<MemristorWaveform>
    {
        public MemristorWaveform Visit<TEquations>(TEquations equations)
            where TEquations : unmanaged, IMemristorEquations
        {
            var lane = new MemristorLane<TEquations>(equations, drive, seriesResistance);
            var recorder = LaneRecorder.Create();
            LaneTransient.Run(lane, grid, ref recorder);
            var n = recorder.Times.Count;
            var signals = new double[5][];
            for (var s = 0; s < signals.Length; s++)
            {
                signals[s] = new double[n];
                for (var k = 0; k < n; k++)
                {
                    signals[s][k] = lane.Signal(s, recorder.Times[k], recorder.States[k]);
                }
            }

            return new MemristorWaveform(
                [.. recorder.Times],
                signals[MemristorSignals.Drive],
                signals[MemristorSignals.State],
                signals[MemristorSignals.Current],
                signals[MemristorSignals.DeviceVoltage],
                signals[MemristorSignals.Resistance]);
        }
    }
}
