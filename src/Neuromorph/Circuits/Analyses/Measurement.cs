using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Analyses;

/// <summary>The value of one <c>.measure</c>, or why it failed (a level never crossed).</summary>
public sealed record MeasureResult(string Name, double Value, string? Failure, SourceLocation Location)
{
    /// <summary>True when a value was found.</summary>
    public bool Succeeded => Failure is null;
}

/// <summary>
/// Evaluates <c>.measure</c> cards on an analysis result as ngspice does: crossings by linear interpolation between
/// points (counted from <c>TD</c>), statistics over FROM..TO with the trapezoidal rule. One difference: the end points
/// FROM and TO are interpolated into the integral here, where ngspice-39's AVG and RMS integrate only the output points
/// inside the window; with a FROM or TO between two points the results differ by the missing end slivers (5e-4
/// relative on the corpus deck that shows it), and both converge to the exact average as the step shrinks.
/// FROM/TO/AT outside the simulated range are located user errors; a level that is never crossed is a failed measurement.
/// </summary>
public static class Measurement
{
    /// <summary>
    /// Evaluates a <c>param='expr'</c> measurement: <paramref name="known"/> holds the <c>.param</c>s and the earlier
    /// measurement results (a failed one is NaN, which fails this one too).
    /// </summary>
    public static MeasureResult EvaluateParam(MeasureCard card, IReadOnlyDictionary<string, double> known)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(known);
        var scope = new Syntax.ParameterScope();
        foreach (var (k, v) in known)
        {
            scope.Set(k, v);
        }

        var value = scope.Evaluate(card.Expression!, $".measure {card.Name}");
        return double.IsNaN(value)
            ? new MeasureResult(card.Name, value, $"'{card.Expression!.Text}' uses a failed measurement", card.Location)
            : new MeasureResult(card.Name, value, null, card.Location);
    }

    /// <summary>
    /// Evaluates <paramref name="card"/> on <paramref name="result"/>; <paramref name="known"/> holds the <c>.param</c>s
    /// and earlier measurement results that its <c>AT=</c>, <c>TD=</c>, <c>VAL=</c>, <c>FROM=</c> and <c>TO=</c> may name.
    /// </summary>
    public static MeasureResult Evaluate(MeasureCard card, AnalysisResult result, IReadOnlyDictionary<string, double>? known = null)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(result);
        if (MeasureReferences.Resolve(card, known ?? new Dictionary<string, double>(), out var failure) is not { } resolved)
        {
            return new MeasureResult(card.Name, double.NaN, failure, card.Location);
        }

        // a value read from an earlier result is known only now: out of the run's range it fails this measurement
        var deferred = !ReferenceEquals(card, resolved);
        card = resolved;

        if (card.Function == MeasureFunction.Param)
        {
            throw new ArgumentException("param measurements are evaluated with EvaluateParam", nameof(card));
        }

        var x = result.Independent;
        if (x.Length < 2)
        {
            throw new UserInputException(card.Location, $".measure {card.Name}: the {result.Kind} analysis has fewer than two points", "measure a .tran, .dc or .ac sweep");
        }

        double[] Y(OutputVariable v) => result.Column(v.Header)?.Values
            ?? throw new UserInputException(v.Location, $".measure {card.Name}: no vector '{v.Header}'", "measure node voltages v(...) and currents i(...) of the circuit");
        try
        {
            var value = card.Function switch
            {
                MeasureFunction.TrigTarg => When(card, card.Target!, x, Y) - When(card, card.Trigger!, x, Y),
                MeasureFunction.Find => Interpolate(x, Y(card.Vector!), When(card, card.Target!, x, Y)),
                MeasureFunction.When => When(card, card.Target!, x, Y),
                MeasureFunction.Derivative => Derivative(x, Y(card.Vector!), When(card, card.Target!, x, Y)),
                MeasureFunction.MaximumAt or MeasureFunction.MinimumAt => Extremum(card, x, Y(card.Vector!)),
                _ => Statistic(card, x, Y(card.Vector!)),
            };
            return new MeasureResult(card.Name, value, null, card.Location);
        }
        catch (UserInputException ex) when (deferred)
        {
            return new MeasureResult(card.Name, double.NaN, ex.Diagnostic.Message, card.Location);
        }
        catch (MeasureFailedException ex)
        {
            return new MeasureResult(card.Name, double.NaN, ex.Message, card.Location);
        }
    }

    private static double When(MeasureCard card, MeasureEvent e, double[] x, Func<OutputVariable, double[]> y)
    {
        if (e.At is double at)
        {
            InRange(card, x, at, "AT");
            return at;
        }

        var v = y(e.Vector!);
        if (e.Reference is not null)
        {
            var reference = y(e.Reference);
            v = [.. v.Select((value, i) => value - reference[i])];
        }

        double? last = null;
        var count = 0;
        for (var i = 1; i < x.Length; i++)
        {
            double a = v[i - 1] - e.Level, b = v[i] - e.Level;
            var rise = a < 0 && b >= 0;
            var fall = a > 0 && b <= 0;
            if (!(e.Crossing == CrossingKind.Rise ? rise : e.Crossing == CrossingKind.Fall ? fall : rise || fall))
            {
                continue;
            }

            var t = x[i - 1] + ((x[i] - x[i - 1]) * (e.Level - v[i - 1]) / (v[i] - v[i - 1]));
            if (t < e.Delay || t < e.From || t > e.To)
            {
                continue;
            }

            count++;
            last = t;
            if (e.Count > 0 && count == e.Count)
            {
                return t;
            }
        }

        if (e.Count < 0 && last is double l)
        {
            return l;
        }

        var which = e.Count < 0 ? "LAST" : e.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        throw new MeasureFailedException($"{e.Vector!.Header} does not reach {(e.Reference is null ? e.Level.ToString("G6", System.Globalization.CultureInfo.InvariantCulture) : e.Reference.Header)} ({e.Crossing.ToString().ToUpperInvariant()}={which}) {(e.From is null && e.To is null ? "in the simulated range" : $"between FROM={e.From ?? x[0]:G6} and TO={e.To ?? x[^1]:G6}")}");
    }

    private static double Statistic(MeasureCard card, double[] x, double[] y)
    {
        var (from, to) = Window(card, x, card.From ?? x[0], card.To ?? x[^1]);
        if (from > to)
        {
            throw new MeasureFailedException($"FROM={from:G6} is after TO={to:G6}");
        }

        var xs = new List<double> { from };
        var ys = new List<double> { Interpolate(x, y, from) };
        for (var i = 0; i < x.Length; i++)
        {
            if (x[i] > from && x[i] < to)
            {
                xs.Add(x[i]);
                ys.Add(y[i]);
            }
        }

        xs.Add(to);
        ys.Add(Interpolate(x, y, to));
        double Integral(Func<double, double> f)
        {
            double s = 0;
            for (var i = 1; i < xs.Count; i++)
            {
                s += 0.5 * (xs[i] - xs[i - 1]) * (f(ys[i]) + f(ys[i - 1]));
            }

            return s;
        }

        var span = to - from;
        return card.Function switch
        {
            MeasureFunction.Average => span > 0 ? Integral(v => v) / span : ys[0],
            MeasureFunction.Rms => span > 0 ? Math.Sqrt(Integral(v => v * v) / span) : Math.Abs(ys[0]),
            MeasureFunction.Minimum => ys.Min(),
            MeasureFunction.Maximum => ys.Max(),
            MeasureFunction.PeakToPeak => ys.Max() - ys.Min(),
            _ => Integral(v => v),
        };
    }

    /// <summary>Where the maximum (or minimum) of the points inside FROM..TO is, as ngspice's MAX_AT/MIN_AT (first one of equal values).</summary>
    private static double Extremum(MeasureCard card, double[] x, double[] y)
    {
        var (from, to) = Window(card, x, card.From ?? Math.Min(x[0], x[^1]), card.To ?? Math.Max(x[0], x[^1]));
        var max = card.Function == MeasureFunction.MaximumAt;
        int? best = null;
        for (var i = 0; i < x.Length; i++)
        {
            if (x[i] >= from && x[i] <= to && (best is null || (max ? y[i] > y[best.Value] : y[i] < y[best.Value])))
            {
                best = i;
            }
        }

        return best is int b ? x[b] : throw new MeasureFailedException($"no point between FROM={from:G6} and TO={to:G6}");
    }

    /// <summary>dy/dx at <paramref name="at"/>: the derivative of the parabola through the three points nearest to it.</summary>
    public static double Derivative(double[] x, double[] y, double at)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Length < 3)
        {
            return (y[^1] - y[0]) / (x[^1] - x[0]);
        }

        var increasing = x[^1] >= x[0];
        var i = 1;
        while (i < x.Length - 1 && (increasing ? x[i] < at : x[i] > at))
        {
            i++;
        }

        // points i-1 and i bracket 'at'; the third is the nearer outer neighbour
        var k = i - 1 == 0 ? 0 : i == x.Length - 1 ? i - 2 : Math.Abs(at - x[i - 2]) <= Math.Abs(x[i + 1] - at) ? i - 2 : i - 1;
        double x0 = x[k], x1 = x[k + 1], x2 = x[k + 2];
        if (x0 == x1 || x1 == x2 || x0 == x2)
        {
            return x[i] == x[i - 1] ? 0 : (y[i] - y[i - 1]) / (x[i] - x[i - 1]);
        }

        return (y[k] * ((at - x1) + (at - x2)) / ((x0 - x1) * (x0 - x2)))
            + (y[k + 1] * ((at - x0) + (at - x2)) / ((x1 - x0) * (x1 - x2)))
            + (y[k + 2] * ((at - x0) + (at - x1)) / ((x2 - x0) * (x2 - x1)));
    }

    /// <summary>
    /// FROM..TO cut to the simulated range, as ngspice does (an ac FROM=10 on a sweep from 1 kHz starts at 1 kHz); a
    /// window that lies wholly outside the range is a located error.
    /// </summary>
    private static (double From, double To) Window(MeasureCard card, double[] x, double from, double to)
    {
        var lo = Math.Min(x[0], x[^1]);
        var hi = Math.Max(x[0], x[^1]);
        if (from > hi)
        {
            InRange(card, x, from, "FROM");
        }

        if (to < lo)
        {
            InRange(card, x, to, "TO");
        }

        return (Math.Max(from, lo), Math.Min(to, hi));
    }

    private static void InRange(MeasureCard card, double[] x, double value, string what)
    {
        var lo = Math.Min(x[0], x[^1]);
        var hi = Math.Max(x[0], x[^1]);
        var slack = 1e-12 * Math.Max(Math.Abs(lo), Math.Abs(hi));
        if (value < lo - slack || value > hi + slack)
        {
            throw new UserInputException(card.Location, $".measure {card.Name}: {what}={value:G6} is outside the simulated range [{lo:G6}, {hi:G6}]",
                "measure inside the analysis range, or extend the analysis (e.g. a longer .tran)");
        }
    }

    /// <summary>Linear interpolation of y(x) at <paramref name="at"/> (x increasing or decreasing).</summary>
    public static double Interpolate(double[] x, double[] y, double at)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var increasing = x[^1] >= x[0];
        for (var i = 1; i < x.Length; i++)
        {
            var inside = increasing ? at <= x[i] : at >= x[i];
            if (inside)
            {
                var span = x[i] - x[i - 1];
                return span == 0 ? y[i] : y[i - 1] + ((y[i] - y[i - 1]) * (at - x[i - 1]) / span);
            }
        }

        return y[^1];
    }

    private sealed class MeasureFailedException(string message) : Exception(message);
}
