namespace Neuromorph.Numerics.Ode;

/// <summary>
/// What <see cref="LaneTransient"/> feeds the samples of a lane to while it integrates: the probes of a batch
/// (<see cref="ProbeBank"/>, inside kernels) or a recording of the whole waveform (<see cref="LaneRecorder"/>, for one
/// device's transient on the host). Samples are the grid's times and, with the adaptive integrator, every accepted step.
/// </summary>
public interface ILaneObserver
{
    /// <summary>The first sample, (t, x) at t = 0.</summary>
    void Begin<TLane>(in TLane lane, double t, double x)
        where TLane : struct, IScalarLane;

    /// <summary>The next sample.</summary>
    void Observe<TLane>(in TLane lane, double t, double x)
        where TLane : struct, IScalarLane;
}
