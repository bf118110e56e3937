namespace Neuromorph.Circuits.NetlistModel;

/// <summary>A transient source waveform as written in the netlist, arguments in SI units with SPICE's defaults applied.</summary>
public abstract record WaveformSpec;

/// <summary><c>PULSE(v1 v2 td tr tf pw per)</c>; seconds and volts (or amperes).</summary>
public sealed record PulseSpec(double V1, double V2, double Delay, double Rise, double Fall, double Width, double Period) : WaveformSpec;

/// <summary><c>SIN(vo va freq td theta phase)</c>; frequency in hertz, damping theta in 1/s, phase in degrees.</summary>
public sealed record SinSpec(double Offset, double Amplitude, double Frequency, double Delay, double Damping, double PhaseDegrees) : WaveformSpec;

/// <summary><c>PWL(t1 v1 t2 v2 ...)</c>; times strictly increasing, in seconds.</summary>
public sealed record PwlSpec(IReadOnlyList<double> Times, IReadOnlyList<double> Values) : WaveformSpec
{
    /// <summary><c>R=ts</c>: after the last point the segment from time ts to the last point repeats; null: holds the last value.</summary>
    public double? RepeatFrom { get; init; }

    /// <summary><c>TD=</c>: the waveform starts this much later, seconds.</summary>
    public double Delay { get; init; }

    /// <summary>The time within <see cref="Times"/> that time <paramref name="t"/> reads (after the delay and the repeats).</summary>
    public double Local(double t)
    {
        var local = t - Delay;
        if (RepeatFrom is double from && local > Times[^1])
        {
            var period = Times[^1] - from;
            var into = (local - Times[^1]) % period;
            local = into == 0 ? Times[^1] : from + into;
        }

        return local;
    }
}

/// <summary><c>EXP(v1 v2 td1 tau1 td2 tau2)</c>; seconds.</summary>
public sealed record ExpSpec(double V1, double V2, double RiseDelay, double RiseTau, double FallDelay, double FallTau) : WaveformSpec;

/// <summary>
/// ngspice-39's <c>AM(va vo mf fc td [phasec phases])</c>: va·(vo + sin(2π·mf·t' + phases))·sin(2π·fc·t' + phases) with
/// t' = t − td, 0 before td (ngspice-39 applies the 7th argument to both sines and reads no carrier phase); mf NaN: 1/tstop.
/// </summary>
public sealed record AmSpec(double Amplitude, double Offset, double ModulationFrequency, double CarrierFrequency, double Delay, double PhaseDegrees) : WaveformSpec;

/// <summary>ngspice's <c>SFFM(vo va fc mdi fs [phasec phases])</c>: vo + va·sin(2π·fc·t + phasec + mdi·sin(2π·fs·t + phases)); fc, fs NaN: 1/tstop.</summary>
public sealed record SffmSpec(double Offset, double Amplitude, double CarrierFrequency, double ModulationIndex, double SignalFrequency, double CarrierPhaseDegrees, double SignalPhaseDegrees) : WaveformSpec;
