namespace Neuromorph.Numerics.Ode;

/// <summary>
/// Integrates one <see cref="IScalarLane"/> over a <see cref="TransientGrid"/> (the classical fourth-order Runge–Kutta
/// method, one step per sample interval, or the adaptive Rosenbrock 2(3) method; steps split at the lane's breakpoints,
/// stages and results clamped to the state bounds, where a rate pointing out of the range is 0: the state is held there
/// as the circuit engine's memristor holds it) and measures a <see cref="ProbeBank"/> on the samples (or feeds them to
/// another <see cref="ILaneObserver"/>, such as a <see cref="LaneRecorder"/> of the whole waveform). The one
/// implementation of a lane: the managed CPU path calls it per lane on cores, the GPU kernel per lane on threads, so it
/// neither allocates nor throws. A lane that cannot be integrated (the state moves farther than 100 state scales from
/// its start, which only a diverging integration does, or the adaptive step falls below 1e-12 of the run) ends with a
/// NaN state.
/// </summary>
public static class LaneTransient
{
    /// <summary>Runs <paramref name="lane"/> and returns the probes' values.</summary>
    public static ProbeValues Run<TLane>(TLane lane, TransientGrid grid, ProbeBank probes)
        where TLane : struct, IScalarLane
    {
        Run(lane, grid, ref probes);
        return probes.Finish();
    }

    /// <summary>
    /// Runs <paramref name="lane"/>, feeding every sample to <paramref name="observer"/> (probes, or a
    /// <see cref="LaneRecorder"/> of the whole waveform).
    /// </summary>
    public static void Run<TLane, TObserver>(TLane lane, TransientGrid grid, ref TObserver observer)
        where TLane : struct, IScalarLane
        where TObserver : struct, ILaneObserver
    {
        double lo = lane.MinState, hi = lane.MaxState;
        var x = Clamp(lane.InitialState, lo, hi);
        var runaway = 100 * lane.StateScale; // farther than this from the start is a diverged integration, not physics
        var x0 = x;
        observer.Begin(lane, 0.0, x);
        var adaptive = grid.Integrator == LaneIntegrator.Rosenbrock23;
        var interval = grid.Stop / grid.Steps;
        var h = interval;
        var tA = 0.0;
        for (var k = 1; k <= grid.Steps; k++)
        {
            var tB = grid.Time(k);
            var tc = tA;
            while (tc < tB && double.IsFinite(x))
            {
                var tb = lane.NextBreakpoint(tc);
                var te = tb > tc && tb < tB ? tb : tB;
                if (!adaptive)
                {
                    x = Step(lane, tc, te - tc, x, lo, hi);
                    x = Math.Abs(x - x0) > runaway ? double.NaN : x;
                    tc = te;
                    continue;
                }

                while (tc < te)
                {
                    var last = tc + (1.01 * h) >= te;
                    var hh = last ? te - tc : h;
                    var (xNew, error) = RosenbrockStep(lane, tc, hh, x, lo, hi, grid.RelativeTolerance);
                    var factor = error > 0 ? Math.Min(5.0, Math.Max(0.2, 0.8 * Math.Cbrt(1 / error))) : 5.0;
                    if (error <= 1)
                    {
                        tc = last ? te : tc + hh;
                        x = xNew;
                        if (tc < tB)
                        {
                            observer.Observe(lane, tc, x); // every accepted step is a sample
                        }

                        h = Math.Min(interval, Math.Max(last ? h : 0, hh * factor));
                    }
                    else
                    {
                        h = hh * Math.Min(factor, 0.5);
                    }

                    if (!(h > 1e-12 * grid.Stop) || !(Math.Abs(x - x0) <= runaway))
                    {
                        x = double.NaN; // step size underflow: the observer sees NaN and the caller names the lane
                        tc = tB;
                        break;
                    }
                }
            }

            observer.Observe(lane, tB, x);
            tA = tB;
        }
    }

    /// <summary>One classical Runge–Kutta step of length <paramref name="h"/> from (t, x), stages clamped to [lo, hi].</summary>
    public static double Step<TLane>(in TLane lane, double t, double h, double x, double lo, double hi)
        where TLane : struct, IScalarLane
    {
        var half = 0.5 * h;
        var k1 = Held(lane.Rate(t, x), x, lo, hi);
        var x2 = Clamp(x + (half * k1), lo, hi);
        var k2 = Held(lane.Rate(t + half, x2), x2, lo, hi);
        var x3 = Clamp(x + (half * k2), lo, hi);
        var k3 = Held(lane.Rate(t + half, x3), x3, lo, hi);
        var x4 = Clamp(x + (h * k3), lo, hi);
        var k4 = Held(lane.Rate(t + h, x4), x4, lo, hi);
        return Clamp(x + (h / 6 * (k1 + (2 * k2) + (2 * k3) + k4)), lo, hi);
    }

    /// <summary>
    /// One step of the Rosenbrock 2(3) pair of Shampine and Reichelt (1997; MATLAB's ode23s) for a scalar equation:
    /// the second-order solution (L-stable) and its error, estimated with the third-order stage, as a multiple of the
    /// tolerance <paramref name="rtol"/> × (max(|x|, |x_new|) + the lane's state scale). ∂f/∂t by a forward difference
    /// inside the step (steps never straddle a breakpoint).
    /// </summary>
    public static (double X, double Error) RosenbrockStep<TLane>(in TLane lane, double t, double h, double x, double lo, double hi, double rtol)
        where TLane : struct, IScalarLane
    {
        const double d = 0.29289321881345248; // 1 / (2 + √2)
        const double e32 = 7.4142135623730951; // 6 + √2
        var (f0, j) = lane.Linearize(t, x);
        if (Held(f0, x, lo, hi) == 0 && f0 != 0)
        {
            (f0, j) = (0, 0); // at a bound and pushed outwards: held there, as the circuit engine holds it
        }

        var dt = 1e-6 * h;
        var ft = (Held(lane.Rate(t + dt, x), x, lo, hi) - f0) / dt;
        var w = 1 - (h * d * j);
        if (!(Math.Abs(w) > 1e-300))
        {
            return (x, double.PositiveInfinity);
        }

        var k1 = (f0 + (h * d * ft)) / w;
        var x1 = Clamp(x + (0.5 * h * k1), lo, hi);
        var f1 = Held(lane.Rate(t + (0.5 * h), x1), x1, lo, hi);
        var k2 = ((f1 - k1) / w) + k1;
        var xNew = Clamp(x + (h * k2), lo, hi);
        var f2 = Held(lane.Rate(t + h, xNew), xNew, lo, hi);
        var k3 = (f2 - (e32 * (k2 - f1)) - (2 * (k1 - f0)) + (h * d * ft)) / w;
        var error = Math.Abs(h / 6 * (k1 - (2 * k2) + k3));
        var scale = rtol * (Math.Max(Math.Abs(x), Math.Abs(xNew)) + lane.StateScale);
        var ratio = error / scale;
        return (xNew, double.IsNaN(ratio) ? double.PositiveInfinity : ratio);
    }

    private static double Clamp(double x, double lo, double hi) => Math.Min(Math.Max(x, lo), hi);

    /// <summary>The rate <paramref name="f"/>, or 0 where the state sits at a bound and <paramref name="f"/> points out of the range.</summary>
    private static double Held(double f, double x, double lo, double hi) => (x <= lo && f < 0) || (x >= hi && f > 0) ? 0 : f;
}
