using System.Diagnostics;
using Neuromorph.Circuits.Engine;
using Neuromorph.Diagnostics;
using Neuromorph.Numerics;

namespace Neuromorph.Circuits.Analyses;

/// <summary>Settings of a transient run (seconds).</summary>
public sealed record TransientSettings(double Step, double Stop, double Start, double? MaxStep, bool UseInitialConditions, IntegrationMethod Method, IReadOnlyDictionary<string, double> InitialConditions);

/// <summary>
/// Transient analysis: initial operating point (or <c>uic</c>), then implicit steps (trapezoidal or BDF2, backward
/// Euler on the first step and after breakpoints) with step control by the local truncation error, estimated by
/// comparing the corrector with a polynomial predictor (Milne's device), and steps that land on every source corner.
/// </summary>
public sealed class TransientAnalysis(Circuit circuit, SimulationSettings settings)
{
    private const int MaxNewtonPerStep = 12;

    /// <summary>Failed attempts at one time point before a step with settled voltages but flipping currents is taken.</summary>
    private const int SettleAfterFailures = 4;

    /// <summary>Runs and records <paramref name="probes"/> at every accepted point from <see cref="TransientSettings.Start"/> on.</summary>
    public AnalysisResult Run(TransientSettings s, IReadOnlyList<OutputProbe> probes, IProgress<double>? progress = null, CancellationToken cancel = default, IReadOnlyList<OutputProbe>? hidden = null)
    {
        var tolerances = settings.Tolerances;
        _tolerances = tolerances;
        hidden ??= [];
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(probes);
        var clock = Stopwatch.StartNew();
        _gear = s.Method == IntegrationMethod.Gear2;
        var n = circuit.System.Size;
        var newton = new NewtonSolver(circuit, tolerances);
        var ctx = settings.Context(useDcValues: false);
        var u = new double[n];
        circuit.Initialise(u);
        if (s.UseInitialConditions)
        {
            foreach (var (node, v) in s.InitialConditions)
            {
                if (circuit.NodeIndex.TryGetValue(node, out var i))
                {
                    u[i] = v;
                }
            }

            ctx.Solution = u;
            ctx.IsDc = true;
            circuit.Load(ctx);
            foreach (var e in circuit.Elements.OfType<IInitialConditionBehavior>())
            {
                e.ApplyInitialCondition(u);
            }
        }
        else
        {
            OperatingPoint.Solve(newton, ctx, u, "initial operating point of the transient", settings.InitialConditions, settings.NodeSets, OperatingPoint.HasCapacitorIc(circuit));
            ctx.Solution = u;
            circuit.Load(ctx);
        }

        ctx.Solution = u;
        var hmax = s.MaxStep ?? (s.Step > 0 ? Math.Min(s.Step, s.Stop / 50) : s.Stop / 50);
        var hmin = s.Stop * 1e-14;
        var breakpoints = new SortedSet<double>(circuit.Elements.SelectMany(e => e.Breakpoints(0, s.Stop))) { s.Stop };
        if (s.Start > 0)
        {
            breakpoints.Add(s.Start);
        }

        var times = new List<double>();
        var all = probes.Concat(hidden).ToList();
        var columns = all.Select(_ => new List<double>()).ToArray();
        void Record(double t)
        {
            if (t >= s.Start - (1e-12 * s.Stop))
            {
                times.Add(t);
                for (var k = 0; k < all.Count; k++)
                {
                    columns[k].Add(all[k].Read(ctx));
                }
            }
        }

        if (s.UseInitialConditions)
        {
            // uic: the charges start at their IC= values; solve the other unknowns consistently with them (a backward
            // Euler step of negligible length from the initial charges), so t = 0 shows the node voltages the ICs imply.
            circuit.AcceptStates(ctx);
            var start = (double[])u.Clone();
            ctx.IsDc = false;
            ctx.Time = 0;
            ctx.Rule.Prepare(s.Method, 1, s.Stop * 1e-12, s.Stop * 1e-12);
            if (!newton.Solve(ctx, u, 50))
            {
                Array.Copy(start, u, n);
            }

            ctx.Solution = u;
            ctx.IsDc = true;
        }

        Record(0);
        if (!s.UseInitialConditions)
        {
            circuit.Accept(ctx);
        }

        var history = new List<(double T, double[] U)> { (0, (double[])u.Clone()) };
        double t = 0, h = Math.Min(hmax, NextBreakpoint(breakpoints, 0) / 10) / 1000, hPrev = h;
        var order = 1;
        int accepted = 0, rejected = 0;
        var uNew = new double[n];
        var lastReport = 0.0;
        // a ddt() of an expression takes its first step (and its first after a corner) by a first-order difference, and
        // its value jumps at a corner: like a corner, that point is no history for the error estimate of the next
        var firstOrderStarts = circuit.Elements.Any(e => e.FirstStepIsFirstOrder);
        var restartAfterFirstStep = firstOrderStarts;
        var failuresHere = 0;
        var settledSteps = 0;
        var firstSettled = (Time: 0.0, Unknown: "");
        var limiters = circuit.Elements.OfType<ITimestepLimiter>().ToArray();
        while (t < s.Stop * (1 - 1e-12))
        {
            cancel.ThrowIfCancellationRequested();

            var bp = NextBreakpoint(breakpoints, t);
            var hitsBreakpoint = t + h >= bp - (1e-9 * h);
            if (hitsBreakpoint)
            {
                h = bp - t;
            }

            ctx.Rule.Prepare(s.Method, order, h, hPrev);
            Predict(history, t + h, order, uNew);
            ctx.IsDc = false;
            ctx.Time = t + h;
            // after repeated failures at one point, take a step whose voltages have settled while a switching element's
            // branch current still flips between iterations (a discontinuous model at its threshold); counted and reported
            var converged = newton.Solve(ctx, uNew, MaxNewtonPerStep, acceptSettledVoltages: failuresHere >= SettleAfterFailures);
            if (converged && newton.SettledOnVoltages is { } flipped)
            {
                if (settledSteps++ == 0)
                {
                    firstSettled = (t + h, flipped);
                }
            }

            if (!converged)
            {
                failuresHere++;
                rejected++;
                h /= 8;
                order = 1;
                if (h < hmin)
                {
                    throw new SimulationException($"timestep too small at t = {t:G6} s: Newton does not converge ({newton.LastFailure})") { Time = t };
                }

                continue;
            }

            var ratio = history.Count >= 2 ? ErrorRatio(history, uNew, t + h, order) : 0;
            if (ratio > 1 && h > hmin * 10)
            {
                rejected++;
                h *= Math.Max(0.2, 0.9 * Math.Pow(ratio, -1.0 / (order + 1)));
                continue;
            }

            t += h;
            failuresHere = 0;
            Array.Copy(uNew, u, n);
            ctx.Solution = u;
            accepted++;
            Record(t);
            circuit.Accept(ctx);
            history.Add((t, (double[])u.Clone()));
            if (history.Count > 3)
            {
                history.RemoveAt(0);
            }

            hPrev = h;
            var grow = ratio > 0 ? Math.Min(2, 0.9 * Math.Pow(ratio, -1.0 / (order + 1))) : 2;
            if (hitsBreakpoint || restartAfterFirstStep)
            {
                // With uic the t = 0 point holds .ic node values, not the voltages the capacitors' IC= imply; like a
                // corner, it is no history for the error estimate.
                // A corner also makes algebraic unknowns jump (an inductor's voltage under a current source's ramp, a
                // ddt()): the corner point holds their value before it, so after the first step past a corner the
                // history restarts from that step.
                restartAfterFirstStep = hitsBreakpoint;
                if (hitsBreakpoint)
                {
                    breakpoints.Remove(bp);
                }

                order = 1;
                history.RemoveRange(0, history.Count - 1);
                // The first step after a corner has no usable history for an error estimate: keep it tiny.
                h = Math.Min(h, Math.Min(hmax, NextBreakpoint(breakpoints, t) - t)) / 100;
            }
            else
            {
                order = 2;
                var next = Math.Min(h * Math.Max(0.5, grow), hmax);
                // a linear circuit reuses its factors while the step stays the same (SparseLu.Refactor): keep the step
                // unless it may grow by half or must shrink, as stiff solvers hold theirs to reuse a Jacobian
                h = circuit.IsLinear && next >= h && next < 1.5 * h ? h : next;
            }

            foreach (var limiter in limiters)
            {
                h = Math.Max(Math.Min(h, limiter.MaxStep(hPrev)), hmin * 10);
            }

            if (progress is not null && t - lastReport > s.Stop / 100)
            {
                lastReport = t;
                progress.Report(t / s.Stop);
            }
        }

        var stats = new SimulationStatistics(times.Count, accepted, rejected, newton.Iterations, newton.Factorisations, clock.Elapsed);
        return new AnalysisResult("tran", "time", [.. times], probes.Select((p, k) => new ResultColumn(p.Header, [.. columns[k]])).ToList(), stats)
        {
            Vectors = [.. hidden.Select((p, k) => new ResultColumn(p.Header, [.. columns[probes.Count + k]]))],
            Warnings = settledSteps == 0 ? [] :
            [
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{settledSteps} time step(s), the first at t = {firstSettled.Time:G6} s, were taken with every voltage settled while {firstSettled.Unknown} still flipped between Newton iterations: an element switches discontinuously at a threshold (e.g. a conditional B source at a memristor's bound)"),
            ],
        };
    }

    private static double NextBreakpoint(SortedSet<double> breakpoints, double t) =>
        breakpoints.GetViewBetween(t * (1 + 1e-12) + 1e-300, double.MaxValue).Min;

    /// <summary>Lagrange extrapolation of the last order+1 points to <paramref name="t"/> (also the Newton start).</summary>
    private static void Predict(List<(double T, double[] U)> history, double t, int order, double[] into)
    {
        var m = Math.Min(history.Count, order + 1);
        var first = history.Count - m;
        Array.Clear(into);
        for (var j = 0; j < m; j++)
        {
            double w = 1;
            for (var k = 0; k < m; k++)
            {
                if (k != j)
                {
                    w *= (t - history[first + k].T) / (history[first + j].T - history[first + k].T);
                }
            }

            var uj = history[first + j].U;
            for (var i = 0; i < into.Length; i++)
            {
                into[i] += w * uj[i];
            }
        }
    }

    private double ErrorRatio(List<(double T, double[] U)> history, double[] corrected, double t, int order)
    {
        var predicted = Scratch.Ensure(ref _predicted, corrected.Length);
        var predictorOrder = Math.Min(order, history.Count - 1);
        Predict(history, t, predictorOrder, predicted);
        // Milne: LTE ≈ C_corr / (C_pred - C_corr) × (corrector - predictor); BE with a linear predictor 1/3,
        // trapezoidal with a quadratic predictor 1/13, BDF2 with a quadratic predictor 2/11. An order-2 step with
        // only a linear predictor available uses 1/3, which overestimates its error (safe).
        var factor = predictorOrder == 1 ? 1.0 / 3 : (_gear ? 2.0 / 11 : 1.0 / 13);
        var last = history[^1].U;
        var linear = Scratch.Ensure(ref _linear, corrected.Length);
        Predict(history, t, 1, linear);
        var h = t - history[^1].T;
        var h1 = history.Count >= 2 ? history[^1].T - history[^2].T : h;
        var interpolationFactor = h / (4 * (h + h1));
        double worst = 0;
        var sys = circuit.System;
        for (var i = 0; i < corrected.Length; i++)
        {
            if (sys.Kinds[i] == UnknownKind.SourceCurrent)
            {
                continue;
            }

            var err = factor * Math.Abs(corrected[i] - predicted[i]);
            var trtol = sys.Kinds[i] == UnknownKind.State ? 1 : _tolerances.TrTol;
            var tol = trtol * ((_tolerances.RelTol * Math.Max(Math.Abs(corrected[i]), Math.Abs(last[i]))) + _tolerances.Absolute(sys.Kinds[i], sys.StateTolerances[i]));
            worst = Math.Max(worst, err / tol);
            if (sys.Kinds[i] == UnknownKind.Voltage)
            {
                // Output resolution: the error of linear interpolation between the two points, u''h^2/8,
                // estimated from the linear predictor's miss u''h(h+h1)/2, kept within reltol |u| + vntol (no trtol factor).
                worst = Math.Max(worst, interpolationFactor * Math.Abs(corrected[i] - linear[i]) / (tol / trtol));
            }
        }

        return worst;
    }

    // the circuit's size is fixed, so these hold exactly one value per unknown once allocated
    private double[]? _predicted, _linear;

    private bool _gear;
    private SolverTolerances _tolerances = new();
}
