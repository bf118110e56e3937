namespace Neuromorph.Circuits.NetlistModel;

/// <summary>A transient source waveform as written in the netlist, arguments in SI units with SPICE's defaults applied.</summary>
public abstract record WaveformSpec;

/// <summary><c>PULSE(v1 v2 td tr tf pw per)</c>; seconds and volts (or amperes).</summary>
public sealed record PulseSpec(double V1, double V2, double Delay, double Rise, double Fall, double Width, double Period) : WaveformSpec;

/// <summary><c>SIN(vo va freq td theta phase)</c>; frequency in hertz, damping theta in 1/s, phase in degrees.</summary>
public sealed record SinSpec(double Offset, double Amplitude, double Frequency, double Delay, double Damping, double PhaseDegrees) : WaveformSpec;

/// <summary><c>PWL(t1 v1 t2 v2 ...)</c>; times strictly increasing, in seconds.</summary>
public sealed record PwlSpec(IReadOnlyList<double> Times, IReadOnlyList<double> Values) : WaveformSpec;

/// <summary><c>EXP(v1 v2 td1 tau1 td2 tau2)</c>; seconds.</summary>
public sealed record ExpSpec(double V1, double V2, double RiseDelay, double RiseTau, double FallDelay, double FallTau) : WaveformSpec;
