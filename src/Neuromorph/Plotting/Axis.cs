namespace Neuromorph.Plotting;

/// <summary>Linear or logarithmic axis.</summary>
public enum AxisScale
{
    /// <summary>Linear.</summary>
    Linear,

    /// <summary>Base-10 logarithmic (non-positive data are dropped).</summary>
    Log,
}

/// <summary>An axis: its quantity (e.g. "Time"), unit (e.g. "s"; ticks get SI prefixes) and scale. Range is automatic unless set.</summary>
public sealed record Axis(string Label, string Unit = "", AxisScale Scale = AxisScale.Linear)
{
    /// <summary>Fixed lower limit, or null for automatic.</summary>
    public double? Min { get; init; }

    /// <summary>Fixed upper limit, or null for automatic.</summary>
    public double? Max { get; init; }

    /// <summary>The axis title: "Label (unit)".</summary>
    public string Title => Unit.Length > 0 ? $"{Label} ({Unit})" : Label;
}

/// <summary>Tick positions: 'nice' 1-2-5 steps on linear axes, decades on log axes.</summary>
public static class Ticks
{
    /// <summary>About <paramref name="target"/> ticks covering [lo, hi].</summary>
    public static double[] Linear(double lo, double hi, int target = 6)
    {
        var span = hi - lo;
        if (!(span > 0))
        {
            return [lo];
        }

        var raw = span / target;
        var mag = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1.0, 2, 2.5, 5, 10 }.Select(m => m * mag).First(s => s >= raw);
        var first = Math.Ceiling((lo / step) - 1e-9) * step;
        var ticks = new List<double>();
        for (var v = first; v <= hi + (step * 1e-9); v += step)
        {
            ticks.Add(Math.Abs(v) < step * 1e-9 ? 0 : v);
        }

        return [.. ticks];
    }

    /// <summary>Decade ticks covering [lo, hi] (both &gt; 0).</summary>
    public static double[] Log(double lo, double hi)
    {
        var a = (int)Math.Floor(Math.Log10(lo) + 1e-9);
        var b = (int)Math.Ceiling(Math.Log10(hi) - 1e-9);
        var every = Math.Max(1, (b - a) / 8);
        return [.. Enumerable.Range(a, b - a + 1).Where(k => (k - a) % every == 0).Select(k => Math.Pow(10, k))];
    }

    /// <summary>Nice limits enclosing [lo, hi] with a little padding (linear axes).</summary>
    public static (double Lo, double Hi) NiceRange(double lo, double hi)
    {
        if (!(hi > lo))
        {
            var pad = Math.Abs(lo) > 0 ? Math.Abs(lo) * 0.1 : 1;
            return (lo - pad, hi + pad);
        }

        var t = Linear(lo, hi);
        var step = t.Length > 1 ? t[1] - t[0] : hi - lo;
        return (Math.Floor((lo / step) + 1e-9) * step, Math.Ceiling((hi / step) - 1e-9) * step);
    }
}
