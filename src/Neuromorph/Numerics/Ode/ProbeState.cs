namespace Neuromorph.Numerics.Ode;

/// <summary>
/// The running state of one <see cref="LaneProbe"/> over the samples of one lane: fed sample by sample
/// (<see cref="Begin"/>, <see cref="Observe"/>, <see cref="Finish"/>), it gives exactly what a measurement of the stored
/// waveform gives: window ends interpolated linearly, samples strictly inside the window, trapezoids summed in time order.
/// A plain unmanaged struct without allocation or exceptions, so it runs inside kernels.
/// </summary>
public struct ProbeState
{
    private double _tPrev, _yPrev;
    private double _tWindow, _yWindow;
    private double _sum, _extreme, _result;
    private int _started, _ended; // flags as ints: kernel arguments must be blittable

    /// <summary>Takes the first sample (t0, y0).</summary>
    public void Begin(in LaneProbe probe, double t0, double y0)
    {
        _tPrev = t0;
        _yPrev = y0;
        _started = _ended = 0;
        _result = double.NaN;
        switch (probe.Kind)
        {
            case LaneStatistic.At:
                if (probe.At <= t0)
                {
                    _result = y0;
                    _ended = 1;
                }

                break;
            case LaneStatistic.Min:
            case LaneStatistic.Max:
            case LaneStatistic.Average:
            case LaneStatistic.Rms:
                if (probe.From <= t0)
                {
                    Start(probe.From, y0);
                    if (t0 > probe.From && t0 < probe.To)
                    {
                        Add(probe, t0, y0);
                    }

                    if (probe.To <= t0)
                    {
                        End(probe, probe.To, y0);
                    }
                }

                break;
            default:
                break;
        }
    }

    /// <summary>Takes the next sample (t, y), t greater than the previous sample's time.</summary>
    public void Observe(in LaneProbe probe, double t, double y)
    {
        if (_ended == 0)
        {
            switch (probe.Kind)
            {
                case LaneStatistic.At:
                    if (_tPrev <= probe.At && probe.At < t)
                    {
                        _result = Interpolate(t, y, probe.At);
                        _ended = 1;
                    }

                    break;
                case LaneStatistic.Min:
                case LaneStatistic.Max:
                case LaneStatistic.Average:
                case LaneStatistic.Rms:
                    if (_started == 0 && _tPrev <= probe.From && probe.From < t)
                    {
                        Start(probe.From, Interpolate(t, y, probe.From));
                    }

                    if (_started != 0 && t > probe.From && t < probe.To)
                    {
                        Add(probe, t, y);
                    }

                    if (_started != 0 && _tPrev <= probe.To && probe.To < t)
                    {
                        End(probe, probe.To, Interpolate(t, y, probe.To));
                    }

                    break;
                case LaneStatistic.Cross:
                    if (t >= probe.From)
                    {
                        double a = _yPrev - probe.Threshold, b = y - probe.Threshold;
                        var rise = a < 0 && b >= 0;
                        var fall = a > 0 && b <= 0;
                        if ((rise && probe.Direction != 2) || (fall && probe.Direction != 1))
                        {
                            var tc = _tPrev + ((t - _tPrev) * a / (a - b));
                            if (tc >= probe.From)
                            {
                                _result = tc;
                                _ended = 1;
                            }
                        }
                    }

                    break;
                default:
                    break;
            }
        }

        _tPrev = t;
        _yPrev = y;
    }

    /// <summary>The measured value after the last sample (NaN for a crossing that never happened).</summary>
    public double Finish(in LaneProbe probe)
    {
        switch (probe.Kind)
        {
            case LaneStatistic.Final:
                return _yPrev;
            case LaneStatistic.At:
                return _ended != 0 ? _result : _yPrev;
            case LaneStatistic.Min:
            case LaneStatistic.Max:
            case LaneStatistic.Average:
            case LaneStatistic.Rms:
                if (_started == 0)
                {
                    Start(probe.From, _yPrev);
                }

                if (_ended == 0)
                {
                    End(probe, probe.To, _yPrev);
                }

                return _result;
            default:
                return _result;
        }
    }

    private readonly double Interpolate(double t, double y, double at) => _yPrev + ((y - _yPrev) * (at - _tPrev) / (t - _tPrev));

    private void Start(double t, double y)
    {
        _tWindow = t;
        _yWindow = y;
        _extreme = y;
        _sum = 0;
        _started = 1;
    }

    private void Add(in LaneProbe probe, double t, double y)
    {
        var square = probe.Kind == LaneStatistic.Rms;
        _sum += 0.5 * ((square ? y * y : y) + (square ? _yWindow * _yWindow : _yWindow)) * (t - _tWindow);
        _extreme = probe.Kind == LaneStatistic.Min ? Math.Min(_extreme, y) : Math.Max(_extreme, y);
        _tWindow = t;
        _yWindow = y;
    }

    private void End(in LaneProbe probe, double t, double y)
    {
        Add(probe, t, y);
        _ended = 1;
        var length = Math.Max(probe.To - probe.From, double.Epsilon);
        _result = probe.Kind switch
        {
            LaneStatistic.Min or LaneStatistic.Max => _extreme,
            LaneStatistic.Average => _sum / length,
            _ => Math.Sqrt(_sum / length),
        };
    }
}
