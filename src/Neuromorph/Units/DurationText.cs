using System.Globalization;

namespace Neuromorph.Units;

/// <summary>Wall-clock durations for people, in the unit that fits: <c>420 µs</c>, <c>4.2 ms</c>, <c>350 ms</c>, <c>1.3 s</c>, <c>2 min 5 s</c>, <c>1 h 2 min</c>.</summary>
public static class DurationText
{
    /// <summary>Formats <paramref name="seconds"/> (not negative) with two or three significant figures.</summary>
    public static string Format(double seconds)
    {
        var c = CultureInfo.InvariantCulture;
        if (!double.IsFinite(seconds))
        {
            return seconds.ToString(c) + " s";
        }

        seconds = Math.Max(seconds, 0);
        if (seconds < 9.995e-4)
        {
            return string.Create(c, $"{seconds * 1e6:0} µs");
        }

        if (seconds < 0.00995)
        {
            return string.Create(c, $"{seconds * 1e3:0.0} ms");
        }

        if (seconds < 0.9995)
        {
            return string.Create(c, $"{seconds * 1e3:0} ms");
        }

        if (seconds < 59.95)
        {
            return string.Create(c, $"{seconds:0.0} s");
        }

        var total = (long)Math.Round(seconds);
        if (total < 3600)
        {
            return string.Create(c, $"{total / 60} min {total % 60} s");
        }

        var minutes = (long)Math.Round(seconds / 60);
        return string.Create(c, $"{minutes / 60} h {minutes % 60} min");
    }
}
