namespace Neuromorph.Devices.Transients;

/// <summary>Shape of a <see cref="DriveWaveform"/>.</summary>
public enum DriveShape
{
    /// <summary>Constant voltage.</summary>
    Dc,

    /// <summary>SPICE PULSE(v1 v2 td tr tf pw per).</summary>
    Pulse,

    /// <summary>SPICE SIN(vo va freq td theta phase).</summary>
    Sin,

    /// <summary>SPICE PWL(t0 v0 t1 v1 ...), up to <see cref="DriveWaveform.MaxPoints"/> points.</summary>
    Pwl,
}

/// <summary>
/// A drive voltage v(t) with SPICE's source semantics (the formulas of the circuit engine's sources, checked equal
/// in the tests) as an unmanaged struct that kernels evaluate: DC, PULSE, SIN or a PWL of up to eight points. Its
/// corners are breakpoints at which the batched integrator splits a step.
/// </summary>
public readonly struct DriveWaveform
{
    /// <summary>Most points a PWL drive may have.</summary>
    public const int MaxPoints = 8;

    private readonly double _a, _b, _c, _d, _e, _f, _g;
    private readonly double _t0, _t1, _t2, _t3, _t4, _t5, _t6, _t7;
    private readonly double _v0, _v1, _v2, _v3, _v4, _v5, _v6, _v7;
    private readonly int _count;

    private DriveWaveform(DriveShape shape, double a, double b = 0, double c = 0, double d = 0, double e = 0, double f = 0, double g = 0)
    {
        Shape = shape;
        (_a, _b, _c, _d, _e, _f, _g) = (a, b, c, d, e, f, g);
    }

    private DriveWaveform(ReadOnlySpan<double> times, ReadOnlySpan<double> values)
    {
        Shape = DriveShape.Pwl;
        _count = times.Length;
        (_t0, _t1, _t2, _t3) = (Get(times, 0, double.PositiveInfinity), Get(times, 1, double.PositiveInfinity), Get(times, 2, double.PositiveInfinity), Get(times, 3, double.PositiveInfinity));
        (_t4, _t5, _t6, _t7) = (Get(times, 4, double.PositiveInfinity), Get(times, 5, double.PositiveInfinity), Get(times, 6, double.PositiveInfinity), Get(times, 7, double.PositiveInfinity));
        (_v0, _v1, _v2, _v3) = (Get(values, 0, 0), Get(values, 1, 0), Get(values, 2, 0), Get(values, 3, 0));
        (_v4, _v5, _v6, _v7) = (Get(values, 4, 0), Get(values, 5, 0), Get(values, 6, 0), Get(values, 7, 0));
    }

    /// <summary>The shape.</summary>
    public DriveShape Shape { get; }

    /// <summary>A constant <paramref name="volts"/>.</summary>
    public static DriveWaveform Dc(double volts) => new(DriveShape.Dc, volts);

    /// <summary>PULSE(v1 v2 delay rise fall width period); period 0: a single pulse.</summary>
    public static DriveWaveform Pulse(double v1, double v2, double delay, double rise, double fall, double width, double period) =>
        new(DriveShape.Pulse, v1, v2, delay, rise, fall, width, period);

    /// <summary>SIN(offset amplitude frequency delay damping phase°).</summary>
    public static DriveWaveform Sin(double offset, double amplitude, double frequency, double delay = 0, double damping = 0, double phaseDegrees = 0) =>
        new(DriveShape.Sin, offset, amplitude, frequency, delay, damping, phaseDegrees);

    /// <summary>PWL through (times[k], values[k]); times nondecreasing, 1 to <see cref="MaxPoints"/> points.</summary>
    public static DriveWaveform Pwl(ReadOnlySpan<double> times, ReadOnlySpan<double> values)
    {
        if (times.Length is < 1 or > MaxPoints || values.Length != times.Length)
        {
            throw new ArgumentException($"a PWL drive takes 1 to {MaxPoints} (time, value) points, got {times.Length} times and {values.Length} values");
        }

        for (var k = 1; k < times.Length; k++)
        {
            if (times[k] < times[k - 1])
            {
                throw new ArgumentException($"PWL times must not decrease (point {k}: {times[k]} after {times[k - 1]})");
            }
        }

        return new DriveWaveform(times, values);
    }

    /// <summary>v(t) in volts.</summary>
    public double At(double t)
    {
        switch (Shape)
        {
            case DriveShape.Pulse:
            {
                double v1 = _a, v2 = _b, delay = _c, rise = _d, fall = _e, width = _f, period = _g;
                if (t < delay)
                {
                    return v1;
                }

                var tt = t - delay;
                if (period > 0)
                {
                    tt %= period;
                }

                if (tt < rise)
                {
                    return v1 + ((v2 - v1) * tt / rise);
                }

                if (tt < rise + width)
                {
                    return v2;
                }

                if (tt < rise + width + fall)
                {
                    return v2 + ((v1 - v2) * (tt - rise - width) / fall);
                }

                return v1;
            }

            case DriveShape.Sin:
            {
                var phase = _f * Math.PI / 180;
                if (t < _d)
                {
                    return _a + (_b * Math.Sin(phase));
                }

                var tt = t - _d;
                return _a + (_b * Math.Exp(-_e * tt) * Math.Sin((2 * Math.PI * _c * tt) + phase));
            }

            case DriveShape.Pwl:
            {
                if (t <= _t0)
                {
                    return _v0;
                }

                for (var i = 1; i < _count; i++)
                {
                    var ti = Time(i);
                    if (t <= ti)
                    {
                        var span = ti - Time(i - 1);
                        return span <= 0 ? Value(i) : Value(i - 1) + ((Value(i) - Value(i - 1)) * (t - Time(i - 1)) / span);
                    }
                }

                return Value(_count - 1);
            }

            default:
                return _a;
        }
    }

    /// <summary>The first corner of v(t) strictly after <paramref name="t"/>, or +∞.</summary>
    public double NextBreakpoint(double t)
    {
        switch (Shape)
        {
            case DriveShape.Pulse:
            {
                double delay = _c, rise = _d, fall = _e, width = _f, period = _g;
                if (t < delay)
                {
                    return delay;
                }

                var k = period > 0 ? Math.Floor((t - delay) / period) : 0;
                for (var q = 0; q < 2; q++)
                {
                    var start = delay + ((k + q) * period);
                    if (start > t)
                    {
                        return start;
                    }

                    for (var c = 0; c < 3; c++)
                    {
                        var corner = c == 0 ? rise : c == 1 ? rise + width : rise + width + fall;
                        if (start + corner > t && (period <= 0 || corner <= period))
                        {
                            return start + corner;
                        }
                    }

                    if (period <= 0)
                    {
                        break;
                    }
                }

                return double.PositiveInfinity;
            }

            case DriveShape.Sin:
                return t < _d ? _d : double.PositiveInfinity;
            case DriveShape.Pwl:
                for (var i = 0; i < _count; i++)
                {
                    if (Time(i) > t)
                    {
                        return Time(i);
                    }
                }

                return double.PositiveInfinity;
            default:
                return double.PositiveInfinity;
        }
    }

    private static double Get(ReadOnlySpan<double> span, int k, double missing) => k < span.Length ? span[k] : missing;

    private double Time(int k) => k switch { 0 => _t0, 1 => _t1, 2 => _t2, 3 => _t3, 4 => _t4, 5 => _t5, 6 => _t6, _ => _t7 };

    private double Value(int k) => k switch { 0 => _v0, 1 => _v1, 2 => _v2, 3 => _v3, 4 => _v4, 5 => _v5, 6 => _v6, _ => _v7 };
}
