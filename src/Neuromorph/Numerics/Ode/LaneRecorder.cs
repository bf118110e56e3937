namespace Neuromorph.Numerics.Ode;

/// <summary>
/// Records every sample of one lane, (t, x), into lists: the whole waveform of a transient, where a batch keeps only
/// its probes. Managed (it appends to lists), so for the host path (<see cref="LaneTransient.Run{TLane, TObserver}"/>),
/// never inside a kernel. The lane's signals follow from the samples with <see cref="IScalarLane.Signal"/>.
/// </summary>
/// <param name="times">Receives the sample times (seconds).</param>
/// <param name="states">Receives the states.</param>
public readonly struct LaneRecorder(List<double> times, List<double> states) : ILaneObserver
{
    /// <summary>The sample times so far (seconds).</summary>
    public IReadOnlyList<double> Times => times;

    /// <summary>The states so far.</summary>
    public IReadOnlyList<double> States => states;

    /// <summary>A recorder with empty lists.</summary>
    public static LaneRecorder Create() => new([], []);

    /// <inheritdoc />
    public void Begin<TLane>(in TLane lane, double t, double x)
        where TLane : struct, IScalarLane => Observe(lane, t, x);

    /// <inheritdoc />
    public void Observe<TLane>(in TLane lane, double t, double x)
        where TLane : struct, IScalarLane
    {
        times.Add(t);
        states.Add(x);
    }
}
