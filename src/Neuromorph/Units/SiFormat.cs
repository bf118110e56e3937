using System.Globalization;

namespace Neuromorph.Units;

/// <summary>Formats numbers with SI prefixes for axis ticks and summaries: <c>1.5 mA</c>, <c>20 µs</c>, <c>3.3 kΩ</c>.</summary>
public static class SiFormat
{
    private static readonly (double Scale, string Prefix)[] Prefixes =
    [
        (1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k"), (1, ""), (1e-3, "m"), (1e-6, "µ"), (1e-9, "n"), (1e-12, "p"), (1e-15, "f"),
    ];

    /// <summary>Formats <paramref name="value"/> with up to <paramref name="digits"/> significant digits and an SI prefix before <paramref name="unit"/>.</summary>
    public static string Format(double value, string unit = "", int digits = 4)
    {
        if (value == 0 || !double.IsFinite(value))
        {
            return $"{value.ToString(CultureInfo.InvariantCulture)}{(unit.Length > 0 ? " " + unit : "")}";
        }

        var a = Math.Abs(value);
        var (scale, prefix) = Prefixes.FirstOrDefault(p => a >= p.Scale * 0.999999, Prefixes[^1]);
        var scaled = Math.Round(value / scale, Math.Clamp(digits - 1 - (int)Math.Floor(Math.Log10(Math.Abs(value / scale))), 0, 15));
        var text = scaled.ToString("0.###############", CultureInfo.InvariantCulture);
        var sep = unit.Length > 0 || prefix.Length > 0 ? " " : "";
        return $"{text}{sep}{prefix}{unit}";
    }
}
