using Neuromorph.Diagnostics;

namespace Neuromorph.Numerics.Ode;

/// <summary>
/// The step-size driver shared by the adaptive methods: error-controlled steps (PI controller), output at requested
/// times by cubic Hermite interpolation between accepted steps (values and derivatives at both ends), stop events
/// located by bisection on that interpolant, steady-state detection and box constraints.
/// </summary>
public abstract class AdaptiveIntegrator
{
    /// <summary>Order of the error estimate's lower method (the step-size exponent is 1/(order+1)).</summary>
    protected abstract int ErrorOrder { get; }

    /// <summary>Function evaluations so far.</summary>
    protected int Evaluations { get; set; }

    /// <summary>Jacobian evaluations so far.</summary>
    protected int JacobianEvaluations { get; set; }

    /// <summary>Linear factorisations so far.</summary>
    protected int Factorisations { get; set; }

    /// <summary>
    /// One attempted step of size h from (t, y) with f0 = f(t, y): writes the new state and f at it, returns the
    /// error norm (≤ 1 accepts) computed with <see cref="ErrorNorm"/>.
    /// </summary>
    protected abstract double Attempt(OdeFunction f, double t, double[] y, double[] f0, double h, double[] yNew, double[] fNew, OdeOptions o);

    /// <summary>Integrates from <paramref name="t0"/> to <paramref name="t1"/> (t1 &gt; t0).</summary>
    public OdeResult Integrate(OdeFunction f, double t0, ReadOnlySpan<double> y0, double t1, OdeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        var o = options ?? new OdeOptions();
        var g = BoundedFunction.Wrap(f, o);
        var n = y0.Length;
        var y = y0.ToArray();
        BoundedFunction.Clamp(y, o);
        double[] f0 = new double[n], yNew = new double[n], fNew = new double[n];
        g(t0, y, f0);
        Evaluations++;
        var times = new List<double>();
        var states = new List<double[]>();
        var outIndex = 0;
        var outputs = o.OutputTimes;
        if (outputs.Count == 0 || outputs[0] <= t0)
        {
            times.Add(t0);
            states.Add((double[])y.Clone());
            outIndex = outputs.Count > 0 ? 1 : 0;
        }

        var h = o.InitialStep > 0 ? o.InitialStep : InitialStep(g, t0, y, f0, t1, o);
        double t = t0, errOld = 1e-4;
        int steps = 0, rejected = 0;
        var lastNonFinite = false;
        var stop = OdeStop.EndTime;
        var gOld = o.StopEvent?.Invoke(t0, y) ?? 0;
        while (t < t1)
        {
            if (steps + rejected > o.MaxSteps)
            {
                throw new SimulationException($"ODE step budget of {o.MaxSteps} exhausted at t = {t:G6}") { Time = t, Hint = SimulationHints.Integration };
            }

            h = Math.Min(Math.Min(h, o.MaxStep), t1 - t);
            if (t1 - t <= 1e-13 * Math.Max(1, Math.Abs(t1)))
            {
                break;
            }

            if (h < 1e-14 * Math.Max(1, Math.Abs(t)))
            {
                throw new SimulationException($"ODE step size underflow at t = {t:G6}" + (lastNonFinite ? ": the rate or the state is NaN or infinite there" : "")) { Time = t, Hint = SimulationHints.Integration };
            }

            var err = Attempt(g, t, y, f0, h, yNew, fNew, o);
            lastNonFinite = !double.IsFinite(err);
            if (!(err <= 1) || !double.IsFinite(err))
            {
                rejected++;
                h *= double.IsFinite(err) ? Math.Max(0.2, 0.9 * Math.Pow(err, -1.0 / (ErrorOrder + 1))) : 0.25;
                continue;
            }

            BoundedFunction.Clamp(yNew, o);
            var tNew = h >= t1 - t ? t1 : t + h;
            steps++;

            // event: sign change of g between t and tNew, located on the Hermite interpolant
            if (o.StopEvent is { } ev)
            {
                var gNew = ev(tNew, yNew);
                if (Math.Sign(gNew) != Math.Sign(gOld) && gOld != 0)
                {
                    double a = t, b = tNew;
                    var ya = new double[n];
                    while (b - a > o.EventTolerance * Math.Max(1, Math.Abs(b)))
                    {
                        var mid = 0.5 * (a + b);
                        Hermite(t, y, f0, tNew, yNew, fNew, mid, ya);
                        if (Math.Sign(ev(mid, ya)) == Math.Sign(gOld))
                        {
                            a = mid;
                        }
                        else
                        {
                            b = mid;
                        }
                    }

                    Hermite(t, y, f0, tNew, yNew, fNew, b, ya);
                    EmitOutputs(t, y, f0, b, ya, f0, outputs, ref outIndex, times, states, inclusive: false, o);
                    times.Add(b);
                    states.Add(ya);
                    return new OdeResult(times, states, OdeStop.Event, Stats(steps, rejected));
                }

                gOld = gNew;
            }

            EmitOutputs(t, y, f0, tNew, yNew, fNew, outputs, ref outIndex, times, states, inclusive: true, o);
            Array.Copy(yNew, y, n);
            Array.Copy(fNew, f0, n);
            t = tNew;
            o.Progress?.Report((t - t0) / (t1 - t0));
            if (o.Interrupt?.Invoke() == true && t < t1)
            {
                stop = OdeStop.Interrupted;
                if (outputs.Count > 0 && (times.Count == 0 || times[^1] != t))
                {
                    times.Add(t);
                    states.Add((double[])y.Clone());
                }

                break;
            }
            if (o.SteadyStateTolerance > 0 && f0.Max(Math.Abs) < o.SteadyStateTolerance)
            {
                stop = OdeStop.SteadyState;
                if (outputs.Count > 0 && (times.Count == 0 || times[^1] != t))
                {
                    times.Add(t);
                    states.Add((double[])y.Clone());
                }

                break;
            }

            if (o.StepControl == StepControl.Integral)
            {
                h *= err == 0 ? 10 : Math.Min(10, 0.9 * Math.Pow(err, -1.0 / (ErrorOrder + 1)));
                continue;
            }

            var fac = 0.9 * Math.Pow(Math.Max(err, 1e-10), -0.7 / (ErrorOrder + 1)) * Math.Pow(errOld, 0.4 / (ErrorOrder + 1));
            h *= Math.Clamp(fac, 0.2, 5);
            errOld = Math.Max(err, 1e-4);
        }

        return new OdeResult(times, states, stop, Stats(steps, rejected));
    }

    /// <summary>Weighted RMS norm of an error estimate e against y and yNew.</summary>
    protected static double ErrorNorm(ReadOnlySpan<double> e, ReadOnlySpan<double> y, ReadOnlySpan<double> yNew, OdeOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        double sum = 0;
        for (var i = 0; i < e.Length; i++)
        {
            var sc = o.AbsTol + (o.RelTol * Math.Max(Math.Abs(y[i]), Math.Abs(yNew[i])));
            sum += e[i] / sc * (e[i] / sc);
        }

        return Math.Sqrt(sum / Math.Max(1, e.Length));
    }

    private OdeStatistics Stats(int steps, int rejected) => new(steps, rejected, Evaluations, JacobianEvaluations, Factorisations);

    private static void EmitOutputs(double t, double[] y, double[] f0, double tNew, double[] yNew, double[] fNew, IReadOnlyList<double> outputs, ref int k, List<double> times, List<double[]> states, bool inclusive, OdeOptions o)
    {
        if (outputs.Count == 0)
        {
            if (inclusive)
            {
                times.Add(tNew);
                states.Add((double[])yNew.Clone());
            }

            return;
        }

        while (k < outputs.Count && (outputs[k] < tNew || (inclusive && outputs[k] == tNew)))
        {
            var yk = new double[y.Length];
            Hermite(t, y, f0, tNew, yNew, fNew, outputs[k], yk);
            BoundedFunction.Clamp(yk, o); // the interpolant of a step that reached a bound can bulge past it
            times.Add(outputs[k]);
            states.Add(yk);
            k++;
        }
    }

    /// <summary>Cubic Hermite interpolation on [t0, t1] from values and derivatives at both ends.</summary>
    public static void Hermite(double t0, double[] y0, double[] f0, double t1, double[] y1, double[] f1, double t, double[] into)
    {
        ArgumentNullException.ThrowIfNull(y0);
        ArgumentNullException.ThrowIfNull(into);
        var h = t1 - t0;
        var s = (t - t0) / h;
        double h00 = ((2 * s) - 3) * s * s + 1, h10 = ((s - 2) * s + 1) * s, h01 = (3 - (2 * s)) * s * s, h11 = (s - 1) * s * s;
        for (var i = 0; i < y0.Length; i++)
        {
            into[i] = (h00 * y0[i]) + (h10 * h * f0[i]) + (h01 * y1[i]) + (h11 * h * f1[i]);
        }
    }

    private double InitialStep(OdeFunction f, double t0, double[] y, double[] f0, double t1, OdeOptions o)
    {
        // Hairer–Wanner's starting-step heuristic
        double d0 = 0, d1 = 0;
        for (var i = 0; i < y.Length; i++)
        {
            var sc = o.AbsTol + (o.RelTol * Math.Abs(y[i]));
            d0 += y[i] / sc * (y[i] / sc);
            d1 += f0[i] / sc * (f0[i] / sc);
        }

        d0 = Math.Sqrt(d0 / Math.Max(1, y.Length));
        d1 = Math.Sqrt(d1 / Math.Max(1, y.Length));
        var h0 = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : 0.01 * d0 / d1;
        h0 = Math.Min(h0, t1 - t0);
        var y1 = new double[y.Length];
        var f1 = new double[y.Length];
        for (var i = 0; i < y.Length; i++)
        {
            y1[i] = y[i] + (h0 * f0[i]);
        }

        f(t0 + h0, y1, f1);
        Evaluations++;
        double d2 = 0;
        for (var i = 0; i < y.Length; i++)
        {
            var sc = o.AbsTol + (o.RelTol * Math.Abs(y[i]));
            d2 += (f1[i] - f0[i]) / sc * ((f1[i] - f0[i]) / sc);
        }

        d2 = Math.Sqrt(d2 / Math.Max(1, y.Length)) / h0;
        var h1 = Math.Max(d1, d2) <= 1e-15 ? Math.Max(1e-6, h0 * 1e-3) : Math.Pow(0.01 / Math.Max(d1, d2), 1.0 / (ErrorOrder + 1));
        return Math.Min(100 * h0, h1);
    }
}
