using Neuromorph.Numerics.Ode;
using Neuromorph.Numerics.Sparse;

namespace Neuromorph.Tests.Numerics.Ode;

public class OdeSolverTests
{
    // y' = -y + sin t, y(0) = 1: y(t) = 1.5 e^{-t} + (sin t - cos t)/2
    private static readonly OdeFunction Forced = (t, y, d) => d[0] = -y[0] + Math.Sin(t);

    /// <summary>Robertson's kinetics (1966), the standard stiff test problem.</summary>
    internal static readonly OdeFunction Robertson = (t, y, d) =>
    {
        d[0] = (-0.04 * y[0]) + (1e4 * y[1] * y[2]);
        d[1] = (0.04 * y[0]) - (1e4 * y[1] * y[2]) - (3e7 * y[1] * y[1]);
        d[2] = 3e7 * y[1] * y[1];
    };

    private static double Exact(double t) => (1.5 * Math.Exp(-t)) + ((Math.Sin(t) - Math.Cos(t)) / 2);

    private static double ObservedOrder(Func<int, double> finalValue, int n)
    {
        var e1 = Math.Abs(finalValue(n) - Exact(2));
        var e2 = Math.Abs(finalValue(2 * n) - Exact(2));
        return Math.Log2(e1 / e2);
    }

    private static double Adaptive(AdaptiveIntegrator m, int steps) =>
        m.Integrate(Forced, 0, [1.0], 2, new OdeOptions { InitialStep = 2.0 / steps, MaxStep = 2.0 / steps, RelTol = 1e10, AbsTol = 1e10 }).Final[0];

    [Fact]
    public void Rk4_converges_with_order_4()
    {
        var p = ObservedOrder(n => RungeKutta4.Integrate(Forced, 0, [1.0], 2, n).Final[0], 80);
        Assert.InRange(p, 3.8, 4.2);
    }

    [Fact]
    public void Dormand_prince_converges_with_order_5()
    {
        var p = ObservedOrder(n => Adaptive(new DormandPrince54(), n), 8);
        Assert.InRange(p, 4.6, 6.0);
    }

    [Fact]
    public void Rosenbrock23_converges_with_order_2()
    {
        var p = ObservedOrder(n => Adaptive(new Rosenbrock23(), n), 40);
        Assert.InRange(p, 1.85, 2.15);
        var pj = ObservedOrder(n => Adaptive(new Rosenbrock23((t, y, j) => j[0, 0] = -1), n), 40);
        Assert.InRange(pj, 1.85, 2.15);
    }

    [Fact]
    public void Adaptive_solvers_meet_their_tolerance_and_report_at_requested_times()
    {
        var times = Enumerable.Range(0, 21).Select(k => k * 0.1).ToArray();
        foreach (var (m, tol) in new (AdaptiveIntegrator, double)[] { (new DormandPrince54(), 1e-8), (new Rosenbrock23(), 1e-5) })
        {
            var r = m.Integrate(Forced, 0, [1.0], 2, new OdeOptions { RelTol = tol, AbsTol = tol, OutputTimes = times });
            Assert.Equal(times, r.Times);
            var worst = r.Times.Select((t, i) => Math.Abs(r.States[i][0] - Exact(t))).Max();
            Assert.True(worst < 50 * tol, $"{m.GetType().Name}: error {worst}");
        }
    }

    [Fact]
    public void Integral_step_control_meets_the_tolerance_and_grows_steps_as_scipy_does()
    {
        var times = Enumerable.Range(0, 21).Select(k => k * 0.1).ToArray();
        foreach (var tol in new[] { 1e-6, 1e-9 })
        {
            var r = new DormandPrince54().Integrate(Forced, 0, [1.0], 2, new OdeOptions { RelTol = tol, AbsTol = tol, OutputTimes = times, StepControl = StepControl.Integral });
            var worst = r.Times.Select((t, i) => Math.Abs(r.States[i][0] - Exact(t))).Max();
            var end = new DormandPrince54().Integrate(Forced, 0, [1.0], 2, new OdeOptions { RelTol = tol, AbsTol = tol, StepControl = StepControl.Integral });
            Assert.True(Math.Abs(end.Final[0] - Exact(2)) < 50 * tol, $"integral control at {tol}: final error {Math.Abs(end.Final[0] - Exact(2))}, worst at output times {worst}");

            // Output times are interpolated by cubic Hermite dense output, whose error over the longer steps of this
            // controller exceeds the step tolerance at tight tolerances (measured 4.6e-7 at 1e-9): bounded, documented.
            Assert.True(worst < Math.Max(50 * tol, 1e-6), $"integral control at {tol}: output-time error {worst}");
        }

        // On y' = -y the elementary controller grows steps faster than PI (SciPy RK45's behaviour), never slower.
        var pi = new DormandPrince54().Integrate((t, y, d) => d[0] = -y[0], 0, [1.0], 10, new OdeOptions { RelTol = 1e-6, AbsTol = 1e-9 });
        var integral = new DormandPrince54().Integrate((t, y, d) => d[0] = -y[0], 0, [1.0], 10, new OdeOptions { RelTol = 1e-6, AbsTol = 1e-9, StepControl = StepControl.Integral });
        Assert.True(integral.Statistics.Steps <= pi.Statistics.Steps, $"integral {integral.Statistics.Steps} steps, PI {pi.Statistics.Steps}");
        Assert.Equal(Math.Exp(-10), integral.Final[0], 1e-8);
    }

    [Fact]
    public void Van_der_pol_with_mu_1000_matches_the_reference_solution()
    {
        // Hairer & Wanner's VDPOL: y1' = y2, y2' = ((1 - y1^2) y2 - y1)/eps, eps = 1e-6, y(0) = (2, -0.66).
        // eps = 1/mu^2: this is x'' - mu (1 - x^2) x' + x = 0 with mu = 1000, time scaled by mu.
        // Reference at t = 2: y1 = 1.706167..., y2 = -0.892810... (the literature value and SciPy Radau at rtol 1e-12 agree to 6 digits).
        const double eps = 1e-6;
        var r = new Rosenbrock23((t, y, j) =>
        {
            j[0, 0] = 0;
            j[0, 1] = 1;
            j[1, 0] = ((-2 * y[0] * y[1]) - 1) / eps;
            j[1, 1] = (1 - (y[0] * y[0])) / eps;
        }).Integrate((t, y, d) =>
        {
            d[0] = y[1];
            d[1] = (((1 - (y[0] * y[0])) * y[1]) - y[0]) / eps;
        }, 0, [2.0, -0.66], 2, new OdeOptions { RelTol = 1e-7, AbsTol = 1e-7 });
        Assert.Equal(1.706167, r.Final[0], 5e-6);
        Assert.Equal(-0.892810, r.Final[1], 1e-5);
        Assert.True(r.Statistics.Steps < 40_000, $"{r.Statistics.Steps} steps: the stiff solver should not crawl");
    }

    [Fact]
    public void Robertson_chemistry_matches_the_reference_solution()
    {
        // Robertson (1966); reference at t = 40 (Hairer & Wanner II): 0.7158270687, 9.185534765e-6, 0.2841637457
        var r = new Rosenbrock23().Integrate(Robertson, 0, [1.0, 0, 0], 40, new OdeOptions { RelTol = 1e-7, AbsTol = 1e-12 });
        Assert.Equal(0.7158270687, r.Final[0], 2e-6);
        Assert.Equal(9.185534765e-6, r.Final[1], 2e-10);
        Assert.Equal(0.2841637457, r.Final[2], 2e-6);
    }

    [Fact]
    public void Stop_event_locates_a_threshold_crossing()
    {
        // y' = -y, y(0) = 1 crosses 0.25 at t = ln 4
        var r = new DormandPrince54().Integrate((t, y, d) => d[0] = -y[0], 0, [1.0], 10, new OdeOptions { RelTol = 1e-10, AbsTol = 1e-12, StopEvent = (t, y) => y[0] - 0.25 });
        Assert.Equal(OdeStop.Event, r.Stop);
        Assert.Equal(Math.Log(4), r.FinalTime, 1e-8);
        Assert.Equal(0.25, r.Final[0], 1e-8);
    }

    [Fact]
    public void Steady_state_stops_the_run()
    {
        var r = new Rosenbrock23().Integrate((t, y, d) => d[0] = 3 - y[0], 0, [0.0], 1e6, new OdeOptions { SteadyStateTolerance = 1e-6 });
        Assert.Equal(OdeStop.SteadyState, r.Stop);
        Assert.Equal(3, r.Final[0], 1e-5);
        Assert.True(r.FinalTime < 1e3);
    }

    [Fact]
    public void Box_constraints_hold_a_state_at_its_bound_without_sticking()
    {
        // y' = cos t pushes y up to the bound 0.5, holds it while cos t > 0, then lets it leave when cos t < 0
        var r = new DormandPrince54().Integrate((t, y, d) => d[0] = Math.Cos(t), 0, [0.0], 4, new OdeOptions { Upper = [0.5], Lower = [-10], RelTol = 1e-9, AbsTol = 1e-12, OutputTimes = [1.0, Math.PI / 2, 3.0] });
        Assert.Equal(0.5, r.States[0][0], 1e-7);
        Assert.Equal(0.5, r.States[1][0], 1e-7);
        Assert.Equal(0.5 + (Math.Sin(3) - 1), r.States[2][0], 1e-6); // left the bound at pi/2
    }

    [Theory]
    [InlineData(1e-6)]
    [InlineData(1e-9)]
    public void A_component_reaching_its_bound_keeps_the_components_it_drives_accurate(double rtol)
    {
        // x' = 1 (held at 1 from t = 0.5), y' = x, z' = -x: exact y(t) = 0.5t + t²/2 up to 0.5, then 0.375 + (t - 0.5);
        // the right-hand side sees stage states projected onto the box, so y and z follow the held x
        var r = new DormandPrince54().Integrate((t, s, d) =>
        {
            d[0] = 1;
            d[1] = s[0];
            d[2] = -s[0];
        }, 0, [0.5, 0, 0], 2, new OdeOptions { Upper = [1, 100, 100], Lower = [0, -100, -100], RelTol = rtol, AbsTol = rtol * 1e-3, OutputTimes = [0.25, 0.5, 1.3, 2] });
        double Y(double t) => t <= 0.5 ? (0.5 * t) + (t * t / 2) : 0.375 + (t - 0.5);
        foreach (var (t, state) in r.Times.Zip(r.States))
        {
            Assert.Equal(Math.Min(0.5 + t, 1), state[0], 100 * rtol);
            Assert.Equal(Y(t), state[1], 100 * rtol);
            Assert.Equal(-Y(t), state[2], 100 * rtol);
        }
    }

    [Fact]
    public void The_right_hand_side_is_never_evaluated_outside_the_box()
    {
        // y' = sqrt(1 - x) is undefined for x > 1; x' = 1 reaches its bound at t = 0.5, and Runge–Kutta stages overshoot
        // it, so without projecting stage states onto the box the rates turn NaN. Exact y(2) = (2/3) 0.5^1.5.
        var outside = 0;
        var r = new DormandPrince54().Integrate((t, s, d) =>
        {
            outside += s[0] > 1 ? 1 : 0;
            d[0] = 1;
            d[1] = Math.Sqrt(1 - s[0]);
        }, 0, [0.5, 0], 2, new OdeOptions { Upper = [1, 10], Lower = [0, -10], RelTol = 1e-8, AbsTol = 1e-10 });
        Assert.Equal(0, outside);
        Assert.Equal(2.0 / 3 * Math.Pow(0.5, 1.5), r.Final[1], 1e-5);
    }

    [Fact]
    public void Progress_reports_the_integrated_fraction_after_each_accepted_step()
    {
        var seen = new List<double>();
        var r = new DormandPrince54().Integrate((t, y, d) => d[0] = -y[0], 0, [1.0], 3, new OdeOptions { Progress = new Collect(seen) });
        Assert.Equal(r.Statistics.Steps, seen.Count);
        Assert.True(seen.Zip(seen.Skip(1)).All(p => p.Second > p.First));
        Assert.Equal(1.0, seen[^1], 12);
    }

    [Fact]
    public void Interrupt_stops_the_run_where_it_is()
    {
        var steps = 0;
        var r = new DormandPrince54().Integrate((t, y, d) => d[0] = -y[0], 0, [1.0], 100, new OdeOptions { Interrupt = () => ++steps >= 3, OutputTimes = [50, 100] });
        Assert.Equal(OdeStop.Interrupted, r.Stop);
        Assert.Equal(3, r.Statistics.Steps);
        Assert.True(r.FinalTime < 50);
        Assert.Equal(Math.Exp(-r.FinalTime), r.Final[0], 1e-6);
    }

    private sealed class Collect(List<double> into) : IProgress<double>
    {
        public void Report(double value) => into.Add(value);
    }

    [Fact]
    public void Batch_integrates_independent_systems()
    {
        var rates = new[] { 0.5, 1, 2, 4 };
        var results = OdeBatch.Integrate(k => (t, y, d) => d[0] = -rates[k] * y[0], [.. rates.Select(_ => new[] { 1.0 })], 0, 1, () => new DormandPrince54(), new OdeOptions { RelTol = 1e-10, AbsTol = 1e-12 });
        for (var k = 0; k < rates.Length; k++)
        {
            Assert.Equal(Math.Exp(-rates[k]), results[k].Final[0], 1e-9);
        }
    }
}

public class SparseStiffSolverTests
{
    [Fact]
    public void Robertson_with_a_sparse_jacobian_matches_the_reference_solution()
    {
        var r = Rosenbrock23.WithSparseJacobian((t, y) =>
        {
            var b = new CooBuilder(3, 3);
            b.Add(0, 0, -0.04);
            b.Add(0, 1, 1e4 * y[2]);
            b.Add(0, 2, 1e4 * y[1]);
            b.Add(1, 0, 0.04);
            b.Add(1, 1, (-1e4 * y[2]) - (6e7 * y[1]));
            b.Add(1, 2, -1e4 * y[1]);
            b.Add(2, 1, 6e7 * y[1]);
            b.Add(2, 2, 0); // keep the pattern fixed
            return b.ToCsr();
        }).Integrate(OdeSolverTests.Robertson, 0, [1.0, 0, 0], 40, new OdeOptions { RelTol = 1e-7, AbsTol = 1e-12 });
        Assert.Equal(0.7158270687, r.Final[0], 2e-6);
        Assert.Equal(9.185534765e-6, r.Final[1], 2e-10);
        Assert.Equal(0.2841637457, r.Final[2], 2e-6);
    }
}
