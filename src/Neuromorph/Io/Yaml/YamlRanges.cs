using System.Globalization;
using Neuromorph.Diagnostics;

namespace Neuromorph.Io.Yaml;

/// <summary>
/// Range-checked reads of numeric keys: a value outside its <see cref="NumberRange"/> (or NaN, or infinite) is a
/// <see cref="Diagnostics.UserInputException"/> at the key's own line and column, naming the key, the range and the value.
/// </summary>
public static class YamlRanges
{
    /// <summary>An optional number that must lie in <paramref name="range"/>; <paramref name="hint"/> says what the key means.</summary>
    public static double GetDouble(this YamlSection s, string key, double fallback, NumberRange range, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(range);
        if (!s.Has(key))
        {
            return fallback;
        }

        var v = s.GetDouble(key);
        return range.Contains(v) ? v : throw OutOfRange(s, key, v, range, hint);
    }

    /// <summary>A required number that must lie in <paramref name="range"/>.</summary>
    public static double GetDouble(this YamlSection s, string key, NumberRange range, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(range);
        var v = s.GetDouble(key);
        return range.Contains(v) ? v : throw OutOfRange(s, key, v, range, hint);
    }

    /// <summary>An optional whole number that must lie in <paramref name="range"/>.</summary>
    public static int GetInt(this YamlSection s, string key, int fallback, NumberRange range, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(range);
        if (!s.Has(key))
        {
            return fallback;
        }

        var v = s.GetInt(key);
        return range.Contains(v) ? v : throw OutOfRange(s, key, v, range, hint);
    }

    /// <summary>The located error for <paramref name="key"/> = <paramref name="value"/> outside <paramref name="range"/>.</summary>
    public static UserInputException OutOfRange(YamlSection s, string key, double value, NumberRange range, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(range);
        var name = s.Path.Length == 0 ? key : $"{s.Path}.{key}";
        return s.Error(key, string.Create(CultureInfo.InvariantCulture, $"'{name}' must be {range.Describe()}, got {value:G6}"), hint);
    }
}
