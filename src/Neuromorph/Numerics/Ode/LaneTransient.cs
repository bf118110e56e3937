namespace Neuromorph.Numerics.Ode;

/// <summary>
/// Integrates one <see cref="IScalarLane"/> over a <see cref="TransientGrid"/> with the classical fourth-order
/// Runge–Kutta method (each step split at the lane's breakpoints, stages and result clamped to the state bounds) and
/// measures a <see cref="ProbeBank"/> on the samples. The one implementation of a lane: the managed CPU path calls it
/// per lane on cores, the GPU kernel per lane on threads.
/// </summary>
public static class LaneTransient
{
    /// <summary>Runs <paramref name="lane"/> and returns the probes' values.</summary>
    public static ProbeValues Run<TLane>(TLane lane, TransientGrid grid, ProbeBank probes)
        where TLane : struct, IScalarLane
    {
        double lo = lane.MinState, hi = lane.MaxState;
        var x = Clamp(lane.InitialState, lo, hi);
        probes.Begin(lane, 0.0, x);
        var tA = 0.0;
        for (var k = 1; k <= grid.Steps; k++)
        {
            var tB = grid.Time(k);
            var tc = tA;
            while (tc < tB)
            {
                var tb = lane.NextBreakpoint(tc);
                var te = tb > tc && tb < tB ? tb : tB;
                x = Step(lane, tc, te - tc, x, lo, hi);
                tc = te;
            }

            probes.Observe(lane, tB, x);
            tA = tB;
        }

        return probes.Finish();
    }

    /// <summary>One classical Runge–Kutta step of length <paramref name="h"/> from (t, x), stages clamped to [lo, hi].</summary>
    public static double Step<TLane>(in TLane lane, double t, double h, double x, double lo, double hi)
        where TLane : struct, IScalarLane
    {
        var half = 0.5 * h;
        var k1 = lane.Rate(t, x);
        var k2 = lane.Rate(t + half, Clamp(x + (half * k1), lo, hi));
        var k3 = lane.Rate(t + half, Clamp(x + (half * k2), lo, hi));
        var k4 = lane.Rate(t + h, Clamp(x + (h * k3), lo, hi));
        return Clamp(x + (h / 6 * (k1 + (2 * k2) + (2 * k3) + k4)), lo, hi);
    }

    private static double Clamp(double x, double lo, double hi) => Math.Min(Math.Max(x, lo), hi);
}
