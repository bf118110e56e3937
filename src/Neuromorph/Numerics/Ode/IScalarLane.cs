namespace Neuromorph.Numerics.Ode;

/// <summary>
/// One lane of a batched transient: a scalar, non-autonomous state equation dx/dt = F(t, x) on [MinState, MaxState]
/// with observable signals, as a small unmanaged struct so that 10^4–10^6 lanes (points of a parameter study) can be
/// integrated in parallel on CPU cores or in one GPU kernel. Implementations must not allocate or throw (they run
/// inside ILGPU kernels).
/// </summary>
public interface IScalarLane
{
    /// <summary>State at t = 0.</summary>
    double InitialState { get; }

    /// <summary>Lowest state value (the integrator clamps to it).</summary>
    double MinState { get; }

    /// <summary>Highest state value (the integrator clamps to it).</summary>
    double MaxState { get; }

    /// <summary>A typical magnitude of the state (its range): the adaptive integrator's absolute tolerance is its relative tolerance times this.</summary>
    double StateScale { get; }

    /// <summary>dx/dt at time <paramref name="t"/> (seconds) and state <paramref name="x"/>.</summary>
    double Rate(double t, double x);

    /// <summary>dx/dt and ∂(dx/dt)/∂x at (t, x) from one evaluation: what the stiff (Rosenbrock) integrator needs.</summary>
    LaneSlope Linearize(double t, double x);

    /// <summary>Observable <paramref name="signal"/> (lane-defined numbering) at (t, x).</summary>
    double Signal(int signal, double t, double x);

    /// <summary>The first time after <paramref name="t"/> where the right-hand side has a kink (a corner of a piecewise drive), or +∞.</summary>
    double NextBreakpoint(double t);
}

/// <summary>A lane's rate and its derivative with respect to the state at one point.</summary>
/// <param name="Rate">dx/dt.</param>
/// <param name="Derivative">∂(dx/dt)/∂x.</param>
public readonly record struct LaneSlope(double Rate, double Derivative);
