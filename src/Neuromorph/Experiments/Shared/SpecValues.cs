using Neuromorph.Diagnostics;
using Neuromorph.Io.Yaml;

namespace Neuromorph.Experiments.Shared;

/// <summary>Range-checked reads of YAML values shared by the sequence, reservoir and CTRNN readers; a value out of range is a located user error.</summary>
internal static class SpecValues
{
    /// <summary>A whole number of at least <paramref name="min"/>.</summary>
    public static int Count(YamlSection s, string key, int fallback, int min = 1)
    {
        var v = s.GetInt(key, fallback);
        return v >= min ? v : throw s.Error(key, $"'{key}' must be at least {min}, got {v}");
    }

    /// <summary>A number greater than zero.</summary>
    public static double Positive(YamlSection s, string key, double fallback)
    {
        var v = s.GetDouble(key, fallback);
        return v > 0 && double.IsFinite(v) ? v : throw s.Error(key, $"'{key}' must be a positive number, got {v}");
    }

    /// <summary>A number of zero or more.</summary>
    public static double NonNegative(YamlSection s, string key, double fallback)
    {
        var v = s.GetDouble(key, fallback);
        return v >= 0 && double.IsFinite(v) ? v : throw s.Error(key, $"'{key}' must not be negative, got {v}");
    }

    /// <summary>A number in [<paramref name="low"/>, <paramref name="high"/>] (or the open interval ends as stated by the caller's message).</summary>
    public static double InRange(YamlSection s, string key, double fallback, double low, double high)
    {
        var v = s.GetDouble(key, fallback);
        return v >= low && v <= high ? v : throw s.Error(key, $"'{key}' must lie in [{low}, {high}], got {v}");
    }

    /// <summary>One of <paramref name="names"/> (case-insensitive), as its index.</summary>
    public static int Choice(YamlSection s, string key, string fallback, params string[] names)
    {
        var v = s.GetString(key, fallback).Trim().ToLowerInvariant();
        var i = Array.IndexOf(names, v);
        return i >= 0 ? i : throw s.Error(key, $"unknown {key} '{v}'", Suggestions.Hint(v, names));
    }

    /// <summary>A path relative to the YAML file, which must exist.</summary>
    public static string File(YamlSection s, string key)
    {
        var rel = s.GetString(key);
        var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(s.File)) ?? ".", rel));
        return System.IO.File.Exists(path) ? path : throw s.Error(key, $"file '{rel}' not found (looked in {path})", "paths are relative to the YAML file");
    }
}
