using Neuromorph.Units;

namespace Neuromorph.Circuits.Expressions;

/// <summary>
/// SPICE number literals as netlists write them: <see cref="EngineeringNumber"/> plus the letters and digits SPICE ignores
/// after the scale suffix (ngspice-39 reads <c>4k7</c> as 4k), reported so a reader can warn about <c>1kk</c> or <c>1x</c> (but not about a unit such as <c>10pF</c>).
/// </summary>
public static class SpiceNumber
{
    private static readonly HashSet<string> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        "", "f", "h", "v", "a", "s", "sec", "hz", "ohm", "ohms", "w", "c", "deg", "j", "volt", "volts", "amp", "amps",
    };

    private static readonly string[] Suffixes = ["meg", "mil", "f", "p", "n", "u", "m", "k", "g", "t"];

    /// <summary>The micro sign U+00B5, which ngspice-39 reads as the suffix u (2µ is 2e-6; the Greek letter mu is not a suffix).</summary>
    public const char MicroSign = '\u00b5';

    /// <summary>Parses <paramref name="text"/>; <paramref name="ignored"/> is the trailing text SPICE ignores and that is not a unit (empty if none).</summary>
    public static bool TryParse(string text, out double value, out string ignored)
    {
        ignored = "";
        value = 0;
        ArgumentNullException.ThrowIfNull(text);
        text = text.Replace(MicroSign, 'u');
        var i = 0;
        if (i < text.Length && text[i] is '+' or '-')
        {
            i++;
        }

        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
        {
            i++;
        }

        if (i + 1 < text.Length && text[i] is 'e' or 'E' && (char.IsAsciiDigit(text[i + 1]) || (text[i + 1] is '+' or '-' && i + 2 < text.Length && char.IsAsciiDigit(text[i + 2]))))
        {
            i += 2;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        if (i == text.Length)
        {
            // a plain number (no suffix, no unit): the common case of a generated deck
            return double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
        }

        return TryParseSuffixed(text, i, out value, out ignored);
    }

    /// <summary>The number <c>text[..digits]</c> followed by a scale suffix, a unit or ignored letters.</summary>
    private static bool TryParseSuffixed(string text, int i, out double value, out string ignored)
    {
        ignored = "";
        value = 0;
        var rest = text[i..].ToLowerInvariant();
        var suffix = Suffixes.FirstOrDefault(s => rest.StartsWith(s, StringComparison.Ordinal)) ?? "";
        var tail = rest[suffix.Length..];

        // ngspice-39 reads a number up to its scale suffix and ignores the letters and digits after it: 4k7 is 4k and
        // 2R5 is 2 (the RKM reading 4.7k needs ngbehavior=lt, which is not its default)
        if (!tail.All(char.IsAsciiLetterOrDigit) || !EngineeringNumber.TryParse(text[..(i + suffix.Length)], out value))
        {
            return false;
        }

        if (!Units.Contains(tail))
        {
            ignored = tail;
        }

        return true;
    }
}
