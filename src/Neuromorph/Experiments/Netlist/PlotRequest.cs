using Neuromorph.Circuits.Analyses;
using Neuromorph.Circuits.Simulation;
using Neuromorph.Diagnostics;

namespace Neuromorph.Experiments.Netlist;

/// <summary>
/// One extra plot "Y vs X" of a netlist run: two result columns (<c>i(rs)</c>, <c>v(in,mid)</c>, <c>time</c>). Requests
/// are checked against the columns the engine will produce before anything runs (<see cref="PlotColumns"/>), so a typo
/// costs no simulation.
/// </summary>
/// <param name="Text">The request as written.</param>
/// <param name="Y">The vertical axis's column (lower case).</param>
/// <param name="X">The horizontal axis's column (lower case).</param>
public sealed record PlotRequest(string Text, string Y, string X)
{
    /// <summary>How messages name the request: <c>plot "Y vs X"</c> unless the caller says how the user gave it.</summary>
    public string Origin { get; init; } = $"plot \"{Text}\"";

    /// <summary>Parses <c>"Y vs X"</c> (case-insensitive names); <paramref name="origin"/> names it in messages (default <c>plot "text"</c>).</summary>
    public static PlotRequest Parse(string text, string? origin = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        origin ??= $"plot \"{text}\"";
        return TryParse(text, origin) ?? throw new UserInputException($"{origin} is not of the form \"Y vs X\"", "e.g. \"i(rs) vs v(in,mid)\"");
    }

    /// <summary>Parses <c>"Y vs X"</c>, or returns null when <paramref name="text"/> is not of that form.</summary>
    public static PlotRequest? TryParse(string text, string? origin = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(" vs ", 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            return null;
        }

        return new PlotRequest(text, parts[0].ToLowerInvariant(), parts[1].ToLowerInvariant()) { Origin = origin ?? $"plot \"{text}\"" };
    }

    /// <summary>
    /// The column named <paramref name="header"/> of one run: its stepped parameter (constant), the independent variable,
    /// a column or recorded vector, or v(a,b) from v(a) and v(b); null if absent.
    /// </summary>
    public static ResultColumn? Resolve(StepRun run, string header)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(header);
        var result = run.Result;
        if (run.Step.FirstOrDefault(s => string.Equals(s.Key, header, StringComparison.OrdinalIgnoreCase)) is { Key: not null } step)
        {
            return new ResultColumn(header, [.. Enumerable.Repeat(step.Value, Math.Max(1, result.Independent.Length))]);
        }

        return Resolve(result, header);
    }

    /// <summary>The column named <paramref name="header"/> of <paramref name="result"/>: printed or recorded, the independent variable, or v(a,b) from v(a) and v(b); null if absent.</summary>
    public static ResultColumn? Resolve(AnalysisResult result, string header)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(header);
        if (header == "time" || header == result.IndependentName)
        {
            return new ResultColumn(header, result.Independent);
        }

        if (result.Column(header) is { } direct)
        {
            return direct;
        }

        if (Difference(header) is var (a, b))
        {
            var first = result.Column($"v({a})");
            var second = b == "0" ? null : result.Column($"v({b})");
            if (first is not null && (second is not null || b == "0"))
            {
                return new ResultColumn(header, [.. first.Values.Select((v, i) => v - (second?.Values[i] ?? 0))]);
            }
        }

        return null;
    }

    /// <summary>The nodes of <c>v(a,b)</c>, or null for another name.</summary>
    public static (string A, string B)? Difference(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (header.StartsWith("v(", StringComparison.Ordinal) && header.EndsWith(')') && header[2..^1].Split(',') is [var a, var b])
        {
            return (a.Trim(), b.Trim());
        }

        return null;
    }
}
