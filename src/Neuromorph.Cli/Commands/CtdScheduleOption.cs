using System.Globalization;
using Neuromorph.Diagnostics;
using Neuromorph.Optimization;

namespace Neuromorph.Cli.Commands;

/// <summary>Parses <c>--ctd-schedule alpha=A0,bias=MU0,ramp=R,time=T</c> into CTD controls (see <see cref="CtdControls"/>).</summary>
public static class CtdScheduleOption
{
    /// <summary>The keys a schedule accepts.</summary>
    public static IReadOnlyList<string> Keys { get; } = ["alpha", "bias", "ramp", "time"];

    /// <summary>An accepted schedule, for help and hints.</summary>
    public const string Example = "alpha=0.1,ramp=0.8,time=30";

    /// <summary>Null when no schedule is given; a user error for a non-ctd solver or a malformed schedule.</summary>
    public static (CtdControls Controls, double? Time)? Parse(string? text, string solver)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (solver != "ctd")
        {
            throw new UserInputException($"--ctd-schedule applies to --solver ctd, not '{solver}'", "add --solver ctd or drop --ctd-schedule");
        }

        var c = new CtdControls();
        double? time = null;
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var kv = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (kv.Length != 2 || !double.TryParse(kv[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
            {
                throw new UserInputException($"--ctd-schedule: expected KEY=NUMBER, found '{part}'", $"e.g. --ctd-schedule {Example}");
            }

            switch (kv[0].ToLowerInvariant())
            {
                case "alpha" when v > 0 && v <= 1:
                    c = c with { AlphaStart = v };
                    break;
                case "bias":
                    c = c with { BiasStart = v };
                    break;
                case "ramp" when v > 0 && v <= 1:
                    c = c with { Ramp = v };
                    break;
                case "time" when v > 0:
                    time = v;
                    break;
                case "alpha" or "ramp" or "time":
                    throw new UserInputException($"--ctd-schedule: {kv[0]}={kv[1]} is out of range", "alpha and ramp lie in (0, 1], time > 0 (seconds of model time)");
                default:
                    throw new UserInputException($"--ctd-schedule: unknown key '{kv[0]}'", Suggestions.Hint(kv[0], [.. Keys]));
            }
        }

        return (c, time);
    }
}
