using Neuromorph.Circuits.NetlistModel;

namespace Neuromorph.Circuits.Elements.Sources;

/// <summary>Evaluates source waveforms (ngspice semantics) and lists their corner times for the time-step control.</summary>
public static class Waveform
{
    /// <summary>Value at time <paramref name="t"/> (seconds); <paramref name="dc"/> when there is no waveform.</summary>
    public static double Value(WaveformSpec? spec, double dc, double t)
    {
        switch (spec)
        {
            case null:
                return dc;
            case PulseSpec p:
            {
                if (t < p.Delay)
                {
                    return p.V1;
                }

                var tt = t - p.Delay;
                if (p.Period > 0)
                {
                    tt %= p.Period;
                }

                if (tt < p.Rise)
                {
                    return p.V1 + ((p.V2 - p.V1) * tt / p.Rise);
                }

                if (tt < p.Rise + p.Width)
                {
                    return p.V2;
                }

                if (tt < p.Rise + p.Width + p.Fall)
                {
                    return p.V2 + ((p.V1 - p.V2) * (tt - p.Rise - p.Width) / p.Fall);
                }

                return p.V1;
            }

            case SinSpec s:
            {
                var phase = s.PhaseDegrees * Math.PI / 180;
                if (t < s.Delay)
                {
                    return s.Offset + (s.Amplitude * Math.Sin(phase));
                }

                var tt = t - s.Delay;
                return s.Offset + (s.Amplitude * Math.Exp(-s.Damping * tt) * Math.Sin((2 * Math.PI * s.Frequency * tt) + phase));
            }

            case AmSpec m:
            {
                var tt = t - m.Delay;
                var phase = m.PhaseDegrees * Math.PI / 180;
                return tt <= 0 ? 0 : m.Amplitude * (m.Offset + Math.Sin((2 * Math.PI * m.ModulationFrequency * tt) + phase)) * Math.Sin((2 * Math.PI * m.CarrierFrequency * tt) + phase);
            }

            case SffmSpec f:
                return f.Offset + (f.Amplitude * Math.Sin((2 * Math.PI * f.CarrierFrequency * t) + (f.CarrierPhaseDegrees * Math.PI / 180)
                    + (f.ModulationIndex * Math.Sin((2 * Math.PI * f.SignalFrequency * t) + (f.SignalPhaseDegrees * Math.PI / 180)))));

            case PwlSpec w:
            {
                t = w.Local(t);
                if (t <= w.Times[0])
                {
                    return w.Values[0];
                }

                for (var i = 1; i < w.Times.Count; i++)
                {
                    if (t <= w.Times[i])
                    {
                        var span = w.Times[i] - w.Times[i - 1];
                        return span <= 0 ? w.Values[i] : w.Values[i - 1] + ((w.Values[i] - w.Values[i - 1]) * (t - w.Times[i - 1]) / span);
                    }
                }

                return w.Values[^1];
            }

            case ExpSpec e:
            {
                var v = e.V1;
                if (t > e.RiseDelay)
                {
                    v += (e.V2 - e.V1) * (1 - Math.Exp(-(t - e.RiseDelay) / e.RiseTau));
                }

                if (t > e.FallDelay)
                {
                    v += (e.V1 - e.V2) * (1 - Math.Exp(-(t - e.FallDelay) / e.FallTau));
                }

                return v;
            }

            default:
                return dc;
        }
    }

    /// <summary>Corner times in (start, stop].</summary>
    public static IEnumerable<double> Breakpoints(WaveformSpec? spec, double start, double stop)
    {
        switch (spec)
        {
            case PulseSpec p:
            {
                var corners = new[] { 0, p.Rise, p.Rise + p.Width, p.Rise + p.Width + p.Fall };
                var period = p.Period > 0 ? p.Period : double.PositiveInfinity;
                for (var k = 0; ; k++)
                {
                    var t0 = p.Delay + (k * period);
                    if (t0 > stop || k > 1_000_000)
                    {
                        yield break;
                    }

                    foreach (var c in corners)
                    {
                        var t = t0 + c;
                        if (t > start && t <= stop && c <= period)
                        {
                            yield return t;
                        }
                    }

                    if (double.IsInfinity(period))
                    {
                        yield break;
                    }
                }
            }

            case PwlSpec w:
                foreach (var t in w.Times.Select(t => t + w.Delay).Where(t => t > start && t <= stop))
                {
                    yield return t;
                }

                if (w.RepeatFrom is double from && w.Times[^1] > from)
                {
                    // each repeat's corners: the points after R=, shifted by whole periods past the last point
                    var period = w.Times[^1] - from;
                    var corners = w.Times.Where(x => x > from).Select(x => x - from).ToList();
                    for (var k = 0; k < 10_000_000; k++)
                    {
                        var t0 = w.Delay + w.Times[^1] + (k * period);
                        if (t0 > stop)
                        {
                            break;
                        }

                        foreach (var c in corners)
                        {
                            if (t0 + c > start && t0 + c <= stop)
                            {
                                yield return t0 + c;
                            }
                        }
                    }
                }

                break;
            case SinSpec s when s.Delay > start && s.Delay <= stop:
                yield return s.Delay;
                break;
            case AmSpec m when m.Delay > start && m.Delay <= stop:
                yield return m.Delay;
                break;
            case ExpSpec e:
                foreach (var t in new[] { e.RiseDelay, e.FallDelay }.Where(t => t > start && t <= stop))
                {
                    yield return t;
                }

                break;
        }
    }
}
