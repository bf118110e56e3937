using Neuromorph.Numerics.Ode;

namespace Neuromorph.Devices.Transients;

/// <summary>
/// One memristor in series with a resistor R_s, driven by a voltage source: the single-memristor transient a netlist
/// (v1 in 0 ...; ymemristor m1 in mid ...; rs mid 0 R_s) describes, as a lane of a batched transient. The device voltage
/// v_m solves v_m + R_s I(v_m, x) = v(t) by Newton's method (one step for linear-resistance models); dx/dt = F(v_m, x).
/// Signals (<see cref="MemristorSignals"/>): <see cref="Drive"/>, <see cref="StateSignal"/>, <see cref="CurrentSignal"/>, <see cref="DeviceVoltageSignal"/>, <see cref="ResistanceSignal"/>.
/// </summary>
/// <typeparam name="TModel">The device equations.</typeparam>
public readonly struct MemristorLane<TModel>(TModel model, DriveWaveform drive, double seriesResistance) : IScalarLane
    where TModel : struct, IMemristorEquations
{
    /// <summary>Signal 0: the drive voltage v(t) (V).</summary>
    public const int DriveSignal = MemristorSignals.Drive;

    /// <summary>Signal 1: the state x.</summary>
    public const int StateSignal = MemristorSignals.State;

    /// <summary>Signal 2: the current through the device and R_s (A).</summary>
    public const int CurrentSignal = MemristorSignals.Current;

    /// <summary>Signal 3: the voltage across the device (V).</summary>
    public const int DeviceVoltageSignal = MemristorSignals.DeviceVoltage;

    /// <summary>Signal 4: the device's resistance as its model reports it (Ω).</summary>
    public const int ResistanceSignal = MemristorSignals.Resistance;

    /// <summary>The device equations.</summary>
    public TModel Model { get; } = model;

    /// <summary>The drive.</summary>
    public DriveWaveform Drive { get; } = drive;

    /// <summary>R_s in ohms (0: the source drives the device directly).</summary>
    public double SeriesResistance { get; } = seriesResistance;

    /// <inheritdoc />
    public double InitialState => Model.InitialState;

    /// <inheritdoc />
    public double MinState => Model.MinState;

    /// <inheritdoc />
    public double MaxState => Model.MaxState;

    /// <inheritdoc />
    public double StateScale => Model.StateScale;

    /// <inheritdoc />
    public double Rate(double t, double x) => Model.Evaluate(DeviceVoltage(Drive.At(t), x), x).StateRate;

    /// <inheritdoc />
    public LaneSlope Linearize(double t, double x)
    {
        // total derivative along the series constraint v_m + R_s I(v_m, x) = v(t): dv_m/dx = −R_s ∂I/∂x / (1 + R_s ∂I/∂v_m)
        var e = Model.Evaluate(DeviceVoltage(Drive.At(t), x), x);
        var dvmdx = SeriesResistance > 0 ? -SeriesResistance * e.DCurrentDState / (1 + (SeriesResistance * e.DCurrentDVoltage)) : 0;
        return new LaneSlope(e.StateRate, e.DRateDState + (e.DRateDVoltage * dvmdx));
    }

    /// <inheritdoc />
    public double Signal(int signal, double t, double x)
    {
        var v = Drive.At(t);
        if (signal == DriveSignal)
        {
            return v;
        }

        if (signal == StateSignal)
        {
            return x;
        }

        var vm = DeviceVoltage(v, x);
        return signal switch
        {
            CurrentSignal => Model.Evaluate(vm, x).Current,
            DeviceVoltageSignal => vm,
            _ => Model.Resistance(vm, x),
        };
    }

    /// <inheritdoc />
    public double NextBreakpoint(double t) => Drive.NextBreakpoint(t);

    /// <summary>v_m with v_m + R_s I(v_m, x) = <paramref name="v"/> (Newton from v_m = v, at most 40 steps).</summary>
    public double DeviceVoltage(double v, double x)
    {
        if (!(SeriesResistance > 0))
        {
            return v;
        }

        var vm = v;
        for (var k = 0; k < 40; k++)
        {
            var e = Model.Evaluate(vm, x);
            var step = (vm + (SeriesResistance * e.Current) - v) / (1 + (SeriesResistance * e.DCurrentDVoltage));
            vm -= step;
            if (!(Math.Abs(step) > 1e-15 * (1 + Math.Abs(vm))))
            {
                break;
            }
        }

        return vm;
    }
}
