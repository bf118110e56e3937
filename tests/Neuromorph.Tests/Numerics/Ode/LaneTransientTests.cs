using Neuromorph.Numerics.Ode;
using Neuromorph.Numerics.Randomness;
using Neuromorph.Studies;

namespace Neuromorph.Tests.Numerics.Ode;

/// <summary>
/// The batched-transient lane integrator: probes measured while integrating equal the study metrics of the stored
/// waveform (Studies.WaveformMetrics, the independent reference), the Runge–Kutta steps converge with order 4 and the
/// Rosenbrock steps with order 2, also across breakpoints where the right-hand side has a kink, and the adaptive
/// Rosenbrock lanes meet their tolerance on a stiff lane with a closed-form solution.
/// </summary>
public class LaneTransientTests
{
    [Fact]
    public void Streaming_probes_equal_the_waveform_metrics_of_the_samples()
    {
        var rng = new RandomStream(17);
        for (var trial = 0; trial < 300; trial++)
        {
            var n = 2 + rng.Next(40);
            var t = new double[n];
            var y = new double[n];
            for (var k = 0; k < n; k++)
            {
                t[k] = k == 0 ? rng.NextDouble(-1, 1) : t[k - 1] + rng.NextDouble(0.01, 1);
                y[k] = Math.Sin(k * 0.7) + rng.NextDouble(-0.5, 0.5);
            }

            double Pick() => rng.Next(4) switch
            {
                0 => t[rng.Next(n)],                                // exactly on a sample
                1 => rng.NextDouble(t[0], t[^1]),                  // anywhere inside (studies refuse times outside)
                2 => t[0],
                _ => t[^1],
            };

            var a = Pick();
            var b = Pick();
            while (b == a)
            {
                b = Pick(); // an empty window is refused before a study runs
            }

            var (from, to) = (Math.Min(a, b), Math.Max(a, b));
            foreach (var kind in Enum.GetValues<LaneStatistic>())
            {
                var direction = rng.Next(3);
                var threshold = rng.NextDouble(-1, 1);
                var probe = new LaneProbe(kind, 0, Pick(), from, to, threshold, direction);
                var state = default(ProbeState);
                state.Begin(probe, t[0], y[0]);
                for (var k = 1; k < n; k++)
                {
                    state.Observe(probe, t[k], y[k]);
                }

                var actual = state.Finish(probe);
                var metric = new MetricSpec("m", Metric(kind), "y", default, probe.At, from, to, threshold, direction switch { 1 => CrossDirection.Rise, 2 => CrossDirection.Fall, _ => CrossDirection.Either });
                var expected = WaveformMetrics.Evaluate(metric, t, y);
                Assert.True(
                    (double.IsNaN(expected) && double.IsNaN(actual)) || Math.Abs(actual - expected) <= 1e-12 * Math.Max(1, Math.Abs(expected)),
                    $"trial {trial} {kind} from {from} to {to} at {probe.At}: streaming {actual}, waveform {expected}");
            }
        }
    }

    [Fact]
    public void Runge_kutta_lanes_converge_with_order_four_across_a_kink()
    {
        // dx/dt = −x + u(t) with u a ramp to 1 at t = 0.3 (kink), x(0) = 0: x(1) in closed form
        static double Exact(double t) => t <= 0.3 ? (t / 0.3) - ((1 - Math.Exp(-t)) / 0.3) : 1 + ((Exact(0.3) - 1) * Math.Exp(-(t - 0.3)));
        var errors = new List<double>();
        foreach (var steps in new[] { 10, 20, 40, 80 })
        {
            var values = LaneTransient.Run(new RampLane(double.NegativeInfinity, double.PositiveInfinity), new TransientGrid(1, steps), new ProbeBank(1, new LaneProbe(LaneStatistic.Final, 0, 0, 0, 1, 0, 0)));
            errors.Add(Math.Abs(values.V0 - Exact(1)));
        }

        for (var k = 1; k < errors.Count; k++)
        {
            var order = Math.Log2(errors[k - 1] / errors[k]);
            Assert.InRange(order, 3.7, 4.5);
        }
    }

    [Fact]
    public void Rosenbrock_steps_converge_with_order_two_across_a_kink()
    {
        static double Exact(double t) => t <= 0.3 ? (t / 0.3) - ((1 - Math.Exp(-t)) / 0.3) : 1 + ((Exact(0.3) - 1) * Math.Exp(-(t - 0.3)));
        var lane = new RampLane(double.NegativeInfinity, double.PositiveInfinity);
        var errors = new List<double>();
        foreach (var steps in new[] { 20, 40, 80, 160 })
        {
            // fixed steps on [0, 0.3] and [0.3, 1] (the kink is a breakpoint), the error estimate ignored
            double x = 0, t = 0;
            foreach (var (end, n) in new[] { (0.3, steps * 3 / 10), (1.0, steps * 7 / 10) })
            {
                var h = (end - t) / n;
                for (var k = 0; k < n; k++, t += h)
                {
                    x = LaneTransient.RosenbrockStep(lane, t, h, x, double.NegativeInfinity, double.PositiveInfinity, 1).X;
                }

                t = end;
            }

            errors.Add(Math.Abs(x - Exact(1)));
        }

        for (var k = 1; k < errors.Count; k++)
        {
            Assert.InRange(Math.Log2(errors[k - 1] / errors[k]), 1.8, 2.3);
        }
    }

    [Fact]
    public void Adaptive_rosenbrock_follows_a_stiff_lane_to_its_tolerance_where_fixed_step_rk4_diverges()
    {
        // dx/dt = −λ (x − cos ω t), λ = 1e7 /s, on samples 10 µs apart (λh = 100, far beyond RK4's stability limit 2.8)
        const double lambda = 1e7, omega = 2 * Math.PI * 1e3, stop = 1e-3;
        static double Exact(double t)
        {
            var d = (lambda * lambda) + (omega * omega);
            var particular = lambda * ((lambda * Math.Cos(omega * t)) + (omega * Math.Sin(omega * t))) / d;
            return particular + ((0 - (lambda * lambda / d)) * Math.Exp(-lambda * t));
        }

        var lane = new StiffLane(lambda, omega);
        var probes = new ProbeBank(2, new LaneProbe(LaneStatistic.Final, 0, 0, 0, stop, 0, 0), new LaneProbe(LaneStatistic.At, 0, 0.37e-3, 0, stop, 0, 0));
        Assert.True(double.IsNaN(LaneTransient.Run(lane, new TransientGrid(stop, 100), probes).V0), "RK4 should diverge and say so");
        var previous = double.PositiveInfinity;
        foreach (var rtol in new[] { 1e-4, 1e-6, 1e-8 })
        {
            var v = LaneTransient.Run(lane, new TransientGrid(stop, 100, LaneIntegrator.Rosenbrock23, rtol), probes);
            var error = Math.Max(Math.Abs(v.V0 - Exact(stop)), Math.Abs(v.V1 - Exact(0.37e-3)));
            Assert.True(error < 10 * rtol, $"rtol {rtol}: error {error:e2}");
            Assert.True(error < previous, $"rtol {rtol}: error {error:e2} not below {previous:e2}");
            previous = error;
        }
    }

    [Fact]
    public void State_bounds_hold_the_state_like_the_circuit_engine()
    {
        var values = LaneTransient.Run(new RampLane(0, 0.5), new TransientGrid(2, 50), new ProbeBank(2, new LaneProbe(LaneStatistic.Final, 0, 0, 0, 2, 0, 0), new LaneProbe(LaneStatistic.Max, 0, 0, 0, 2, 0, 0)));
        Assert.Equal(0.5, values.V0);
        Assert.Equal(0.5, values.V1);
    }

    private static MetricKind Metric(LaneStatistic kind) => kind switch
    {
        LaneStatistic.Final => MetricKind.Final,
        LaneStatistic.At => MetricKind.At,
        LaneStatistic.Min => MetricKind.Min,
        LaneStatistic.Max => MetricKind.Max,
        LaneStatistic.Average => MetricKind.Average,
        LaneStatistic.Rms => MetricKind.Rms,
        _ => MetricKind.Cross,
    };

    /// <summary>dx/dt = −λ (x − cos ω t), x(0) = 0: stiff for λ ≫ ω.</summary>
    private readonly struct StiffLane(double lambda, double omega) : IScalarLane
    {
        public double InitialState => 0;

        public double MinState => double.NegativeInfinity;

        public double MaxState => double.PositiveInfinity;

        public double StateScale => 1;

        public double Rate(double t, double x) => -lambda * (x - Math.Cos(omega * t));

        public LaneSlope Linearize(double t, double x) => new(Rate(t, x), -lambda);

        public double Signal(int signal, double t, double x) => x;

        public double NextBreakpoint(double t) => double.PositiveInfinity;
    }

    /// <summary>dx/dt = −x + u(t), u ramping from 0 to 1 over [0, 0.3], then 1; optional bounds.</summary>
    private readonly struct RampLane(double min, double max) : IScalarLane
    {
        public double InitialState => 0;

        public double MinState => min;

        public double MaxState => max;

        public double StateScale => 1;

        public double Rate(double t, double x) => -x + Math.Min(t / 0.3, 1);

        public LaneSlope Linearize(double t, double x) => new(Rate(t, x), -1);

        public double Signal(int signal, double t, double x) => x;

        public double NextBreakpoint(double t) => t < 0.3 ? 0.3 : double.PositiveInfinity;
    }
}
