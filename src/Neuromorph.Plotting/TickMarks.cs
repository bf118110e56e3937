using System.Globalization;
using Neuromorph.Figures;
using Neuromorph.Units;

namespace Neuromorph.Plotting;

/// <summary>Major ticks with labels and minor ticks of one axis, in plot coordinates.</summary>
internal sealed record TickSet(double[] Major, string[] Labels, double[] Minor)
{
    /// <summary>Length in characters of the longest label (to size the margin beside a vertical axis).</summary>
    public int LongestLabel => Labels.Length == 0 ? 1 : Labels.Max(l => l.Length);
}

/// <summary>
/// Tick positions and labels: 1-2-5 steps on linear axes, decades on log axes; labels with SI prefixes where the axis
/// has a unit (<c>1.5 mA</c>, <c>20 µs</c>, <c>10 nA</c>), plain numbers or powers of ten where it has none.
/// </summary>
internal static class TickMarks
{
    private const string Superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /// <summary>Ticks for <paramref name="axis"/> over [lo, hi] (plot coordinates) on an axis <paramref name="pixels"/> long, about one per <paramref name="spacing"/> pixels.</summary>
    public static TickSet For(FigureAxis axis, double lo, double hi, double pixels, double spacing)
    {
        if (axis.Ticks is { } fixedTicks)
        {
            var inside = fixedTicks.Where(t => AxisTransform.Map(axis, t.Position) is var p && p >= lo - 1e-9 && p <= hi + 1e-9).ToList();
            // labelled categories need only room for their own text
            var room = Math.Min(spacing, 16 + (7.4 * inside.Select(t => t.Label.Length).DefaultIfEmpty(1).Max()));
            var every = Math.Max(1, (int)Math.Ceiling(inside.Count / Math.Max(2, pixels / room)));
            var shown = inside.Where((_, i) => i % every == 0).ToList();
            return new TickSet([.. shown.Select(t => AxisTransform.Map(axis, t.Position))], [.. shown.Select(t => t.Label)], []);
        }

        return axis.Scale == AxisScale.Log ? Log(lo, hi, pixels, spacing, axis.Unit) : Linear(lo, hi, pixels, spacing, axis.Unit, axis.IntegerTicks);
    }

    /// <summary>Most major ticks on one axis, whatever its range and length (minor ticks: ten times as many).</summary>
    public const int MaxTicks = 50;

    /// <summary>
    /// 1-2-5 ticks over [lo, hi] (1-2-5 integer steps and labels when <paramref name="integer"/>). Bounded in count for
    /// any range: one too narrow to tell its ends apart, or whose ends are not finite, gets no ticks.
    /// </summary>
    public static TickSet Linear(double lo, double hi, double pixels, double spacing, string unit, bool integer)
    {
        var target = Math.Clamp(pixels / spacing, 2, MaxTicks / 2.0);
        if (double.IsNaN(target))
        {
            target = 2;
        }

        // halves first, so that the width of [-1e308, 1e308] does not overflow
        var raw = ((hi / 2) - (lo / 2)) * 2 / target;
        if (!double.IsFinite(lo) || !double.IsFinite(hi) || SafeRange.Degenerate(lo, hi) || !(raw > 0))
        {
            return new TickSet([], [], []);
        }

        var mag = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var m = new[] { 1.0, 2, 2.5, 5, 10 }.First(k => k * mag >= raw * 0.999);
        var step = m * mag;
        if (integer)
        {
            // counts: 1, 2, 5, 10, 20, 25, 50 ... (never 2.5 or a fraction)
            (m, step) = step <= 1 ? (1, 1) : m == 2.5 && mag <= 1 ? (2, 2) : (m, Math.Round(step));
        }

        var major = Multiples(lo, hi, step, MaxTicks, 1e-9);
        if (major.Length == 0 && !integer)
        {
            return new TickSet([], [], []);
        }

        var divisions = m is 2 ? 4 : 5;
        var minorStep = step / divisions;
        var minor = !integer || minorStep >= 1 ? Multiples(lo, hi, minorStep, MaxTicks * 10, 0) : [];
        var decimals = integer ? 0 : Math.Max(0, -(int)Math.Floor(Math.Log10(step) + 1e-9) + (m == 2.5 ? 1 : 0));
        var extent = Math.Max(Math.Abs(lo), Math.Abs(hi));
        var digits = Math.Clamp((int)Math.Ceiling(Math.Log10(extent / step) + 1e-9) + 1, 3, 7);
        return new TickSet(major, [.. major.Select(v => LinearLabel(v, unit, decimals, digits))], minor);
    }

    /// <summary>The multiples of <paramref name="step"/> in [lo, hi] (<paramref name="slack"/> steps beyond both ends), or none when there would be more than <paramref name="most"/>.</summary>
    private static double[] Multiples(double lo, double hi, double step, int most, double slack)
    {
        if (!(step > 0) || !double.IsFinite(step))
        {
            return [];
        }

        var first = Math.Ceiling((lo / step) - slack);
        var last = Math.Floor((hi / step) + slack);
        var count = last - first + 1;
        if (!double.IsFinite(count) || count < 0 || count > most)
        {
            return [];
        }

        var ticks = new double[(int)count];
        for (var i = 0; i < ticks.Length; i++)
        {
            var v = (first + i) * step;
            ticks[i] = Math.Abs(v) < step * 1e-9 ? 0 : Math.Clamp(v, lo - (step * 1e-9), hi + (step * 1e-9));
        }

        return ticks;
    }

    /// <summary>
    /// Decade ticks over [lo, hi] (log10 of the data), thinned to every second, third ... decade on long ranges; a range
    /// of less than three decades also labels 2× and 5×, and one within a decade every digit.
    /// </summary>
    public static TickSet Log(double lo, double hi, double pixels, double spacing, string unit)
    {
        // log10 of a double lies within ±324: anything else is not a range of data
        if (!(lo < hi) || lo < -400 || hi > 400)
        {
            return new TickSet([], [], []);
        }

        var a = (int)Math.Ceiling(lo - 1e-9);
        var b = (int)Math.Floor(hi + 1e-9);
        var decades = Math.Max(0, b - a + 1);
        var every = Math.Max(1, (int)Math.Ceiling(decades / Math.Clamp(pixels / spacing, 2, MaxTicks / 2.0)));
        if (decades < 3)
        {
            var digits = hi - lo < 0.7 ? new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 } : [1, 2, 5];
            var major = new List<double>();
            var minorTicks = new List<double>();
            for (var k = (int)Math.Floor(lo); k <= hi; k++)
            {
                foreach (var d in Enumerable.Range(1, 9))
                {
                    var v = k + Math.Log10(d);
                    if (v >= lo - 1e-9 && v <= hi + 1e-9)
                    {
                        (digits.Contains(d) ? major : minorTicks).Add(v);
                    }
                }
            }

            return new TickSet([.. major], [.. major.Select(v => LogLabel(v, unit))], [.. minorTicks]);
        }

        var decadeTicks = Enumerable.Range(a, decades).Where(k => (k - a) % every == 0).ToArray();
        var minor = new List<double>();
        if (every == 1)
        {
            for (var k = (int)Math.Floor(lo); k <= hi; k++)
            {
                minor.AddRange(Enumerable.Range(2, 8).Select(d => k + Math.Log10(d)).Where(v => v >= lo && v <= hi));
            }
        }
        else
        {
            // the decades between labelled ones, unless there are too many to draw apart
            minor.AddRange(decades > MaxTicks * 10 ? [] : Enumerable.Range(a, decades).Where(k => (k - a) % every != 0).Select(k => (double)k));
        }

        return new TickSet([.. decadeTicks.Select(k => (double)k)], [.. decadeTicks.Select(k => DecadeLabel(k, unit))], [.. minor]);
    }

    /// <summary>The label of a log-axis tick at log10 value <paramref name="v"/> that need not be a whole decade (2 mA, 50 k).</summary>
    private static string LogLabel(double v, string unit)
    {
        var k = (int)Math.Floor(v + 1e-9);
        var d = (int)Math.Round(Math.Pow(10, v - k));
        if (d == 1)
        {
            return DecadeLabel(k, unit);
        }

        var value = d * Math.Pow(10, k);
        return unit.Length > 0 ? SiFormat.Format(value, unit, 3)
            : k is >= -3 and <= 4 ? value.ToString("0.####", CultureInfo.InvariantCulture)
            : $"{d}×10{Superscript(k)}";
    }

    /// <summary>A linear tick label: SI-prefixed with a unit; otherwise a plain number with the step's decimals, or scientific outside 10⁻³..10⁶.</summary>
    public static string LinearLabel(double value, string unit, int decimals, int digits)
    {
        if (value == 0)
        {
            return unit.Length > 0 ? $"0 {unit}" : "0";
        }

        if (unit.Length > 0)
        {
            return SiFormat.Format(value, unit, digits);
        }

        var a = Math.Abs(value);
        return a >= 1e-3 && a < 1e6
            ? value.ToString("F" + Math.Min(decimals, 12), CultureInfo.InvariantCulture)
            : Power(value, digits);
    }

    /// <summary>The label of 10^<paramref name="k"/>: SI-prefixed with a unit (<c>10 nA</c>), else plain from 0.001 to 10000 and 10ᵏ beyond.</summary>
    public static string DecadeLabel(int k, string unit)
    {
        var v = Math.Pow(10, k);
        if (unit.Length > 0)
        {
            return k is >= -15 and <= 14 ? SiFormat.Format(v, unit, 3) : $"10{Superscript(k)} {unit}";
        }

        return k is >= -3 and <= 4 ? v.ToString("0.###", CultureInfo.InvariantCulture) : $"10{Superscript(k)}";
    }

    private static string Power(double value, int digits)
    {
        var k = (int)Math.Floor(Math.Log10(Math.Abs(value)));
        var mantissa = Math.Round(value / Math.Pow(10, k), Math.Max(0, digits - 1));
        var m = mantissa.ToString("0.##", CultureInfo.InvariantCulture);
        return m is "1" ? $"10{Superscript(k)}" : m is "-1" ? $"-10{Superscript(k)}" : $"{m}×10{Superscript(k)}";
    }

    private static string Superscript(int k) =>
        string.Concat(k.ToString(CultureInfo.InvariantCulture).Select(c => c == '-' ? '⁻' : Superscripts[c - '0']));
}
