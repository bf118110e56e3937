using System.Globalization;

namespace Neuromorph.Units;

/// <summary>
/// SPICE numbers: a decimal with optional exponent, then an optional scale suffix
/// (f p n u m k meg g t mil, case-insensitive), then any letters (a unit, ignored as SPICE does):
/// <c>10k</c>, <c>2.2uF</c>, <c>1e-3</c>, <c>4meg</c>, <c>5mil</c>.
/// </summary>
public static class EngineeringNumber
{
    private static readonly HashSet<string> Units = ["ohm", "ohms", "v", "a", "s", "sec", "f", "h", "hz", "w", "j", "c", "deg"];

    /// <summary>Parses <paramref name="text"/>; false if it does not start with a number or has junk after the suffix.</summary>
    public static bool TryParse(string text, out double value) => TryParse(text, out value, out _);

    /// <summary>
    /// Parses <paramref name="text"/> and returns in <paramref name="ignored"/> the letters after the scale suffix that
    /// SPICE ignores (a unit such as <c>F</c> in <c>2.2uF</c>, or a typo such as the second <c>k</c> of <c>1kk</c>).
    /// </summary>
    public static bool TryParse(string text, out double value, out string ignored)
    {
        value = 0;
        ignored = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim();
        var i = 0;
        if (i < s.Length && (s[i] == '+' || s[i] == '-'))
        {
            i++;
        }

        var digitsStart = i;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        if (i < s.Length && s[i] == '.')
        {
            i++;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }
        }

        if (i == digitsStart || (i == digitsStart + 1 && s[digitsStart] == '.'))
        {
            return false;
        }

        var mantissaEnd = i;
        var exponent = 0;
        if (i < s.Length && (s[i] == 'e' || s[i] == 'E'))
        {
            var j = i + 1;
            if (j < s.Length && (s[j] == '+' || s[j] == '-'))
            {
                j++;
            }

            var expDigits = j;
            while (j < s.Length && char.IsAsciiDigit(s[j]))
            {
                j++;
            }

            if (j > expDigits)
            {
                if (!int.TryParse(s.AsSpan(i + 1, j - i - 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
                {
                    return false;
                }

                i = j;
            }
        }

        var rest = s[i..];
        var (scaleExponent, factor) = Scale(rest, out var used);
        var tail = rest[used..];
        ignored = tail;
        foreach (var c in tail)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        // Apply the suffix as a decimal exponent so that 10u is exactly 1e-5, as a user writing it means.
        var scaled = string.Concat(s.AsSpan(0, mantissaEnd), "e", (exponent + scaleExponent).ToString(CultureInfo.InvariantCulture));
        if (!double.TryParse(scaled, NumberStyles.Float, CultureInfo.InvariantCulture, out var mantissa))
        {
            return false;
        }

        value = mantissa * factor;
        return double.IsFinite(value);
    }

    /// <summary>True if <paramref name="letters"/> name a unit (ohm, V, A, s, F, H, Hz, W, J, C, S, ...), case-insensitive.</summary>
    public static bool IsUnit(string letters) =>
        letters.Length == 0 || Units.Contains(letters.ToLowerInvariant());

    /// <summary>Parses or throws <see cref="FormatException"/>.</summary>
    public static double Parse(string text) =>
        TryParse(text, out var v) ? v : throw new FormatException($"'{text}' is not a number");

    private static (int Exponent, double Factor) Scale(string rest, out int used)
    {
        used = 0;
        if (rest.Length == 0)
        {
            return (0, 1);
        }

        var lower = rest.ToLowerInvariant();
        if (lower.StartsWith("meg", StringComparison.Ordinal))
        {
            used = 3;
            return (6, 1);
        }

        if (lower.StartsWith("mil", StringComparison.Ordinal))
        {
            used = 3;
            return (-6, 25.4);
        }

        used = 1;
        switch (lower[0])
        {
            case 'f': return (-15, 1);
            case 'p': return (-12, 1);
            case 'n': return (-9, 1);
            case 'u': return (-6, 1);
            case 'µ': return (-6, 1);
            case 'm': return (-3, 1);
            case 'k': return (3, 1);
            case 'g': return (9, 1);
            case 't': return (12, 1);
            default:
                used = 0;
                return (0, 1);
        }
    }
}
