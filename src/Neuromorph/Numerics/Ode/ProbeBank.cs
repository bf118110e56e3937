namespace Neuromorph.Numerics.Ode;

/// <summary>
/// Up to four probes taken on one lane, held in fields (not an array) so that kernels keep them in registers; more
/// probes are measured in further passes of four.
/// </summary>
public struct ProbeBank : ILaneObserver
{
    /// <summary>Probes per bank.</summary>
    public const int Capacity = 4;

    private readonly LaneProbe _p0, _p1, _p2, _p3;
    private ProbeState _s0, _s1, _s2, _s3;

    /// <summary>A bank measuring <paramref name="count"/> (1–4) probes.</summary>
    public ProbeBank(int count, LaneProbe p0, LaneProbe p1 = default, LaneProbe p2 = default, LaneProbe p3 = default)
    {
        Count = count;
        _p0 = p0;
        _p1 = p1;
        _p2 = p2;
        _p3 = p3;
    }

    /// <summary>Number of probes in use.</summary>
    public int Count { get; }

    /// <summary>Probe <paramref name="k"/> (0–3).</summary>
    public readonly LaneProbe Probe(int k) => k switch { 0 => _p0, 1 => _p1, 2 => _p2, _ => _p3 };

    /// <summary>Feeds the first sample of <paramref name="lane"/> at (t, x).</summary>
    public void Begin<TLane>(in TLane lane, double t, double x)
        where TLane : struct, IScalarLane
    {
        _s0.Begin(_p0, t, lane.Signal(_p0.Signal, t, x));
        if (Count > 1)
        {
            _s1.Begin(_p1, t, lane.Signal(_p1.Signal, t, x));
        }

        if (Count > 2)
        {
            _s2.Begin(_p2, t, lane.Signal(_p2.Signal, t, x));
        }

        if (Count > 3)
        {
            _s3.Begin(_p3, t, lane.Signal(_p3.Signal, t, x));
        }
    }

    /// <summary>Feeds the next sample.</summary>
    public void Observe<TLane>(in TLane lane, double t, double x)
        where TLane : struct, IScalarLane
    {
        _s0.Observe(_p0, t, lane.Signal(_p0.Signal, t, x));
        if (Count > 1)
        {
            _s1.Observe(_p1, t, lane.Signal(_p1.Signal, t, x));
        }

        if (Count > 2)
        {
            _s2.Observe(_p2, t, lane.Signal(_p2.Signal, t, x));
        }

        if (Count > 3)
        {
            _s3.Observe(_p3, t, lane.Signal(_p3.Signal, t, x));
        }
    }

    /// <summary>The measured values (unused slots NaN).</summary>
    public ProbeValues Finish() => new(
        _s0.Finish(_p0),
        Count > 1 ? _s1.Finish(_p1) : double.NaN,
        Count > 2 ? _s2.Finish(_p2) : double.NaN,
        Count > 3 ? _s3.Finish(_p3) : double.NaN);
}

/// <summary>The values of a <see cref="ProbeBank"/>'s probes, in order.</summary>
/// <param name="V0">Probe 0.</param>
/// <param name="V1">Probe 1.</param>
/// <param name="V2">Probe 2.</param>
/// <param name="V3">Probe 3.</param>
public readonly record struct ProbeValues(double V0, double V1, double V2, double V3)
{
    /// <summary>Value <paramref name="k"/> (0–3).</summary>
    public double this[int k] => k switch { 0 => V0, 1 => V1, 2 => V2, _ => V3 };
}
