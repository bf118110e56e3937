using Neuromorph.Crossbars;
using Neuromorph.Io.Yaml;

namespace Neuromorph.Experiments.Shared;

/// <summary>
/// Reads a <c>substrate:</c> section (recall, maxcut and <c>minimize --substrate</c>):
/// <c>{ scheme, g_min, g_max, levels, wire_resistance, read_voltage, nonidealities }</c>.
/// </summary>
public static class SubstrateSpecReader
{
    private static readonly string[] Keys = ["scheme", "g_min", "g_max", "levels", "wire_resistance", "read_voltage", "nonidealities"];

    /// <summary>The substrate section <paramref name="s"/> as a typed spec; every mistake is a located user error.</summary>
    public static CrossbarSubstrateSpec Read(YamlSection s)
    {
        ArgumentNullException.ThrowIfNull(s);
        s.RejectUnknownKeys(Keys);
        var defaults = CrossbarSubstrateSpec.Default;
        var scheme = s.GetString("scheme", "differential").ToLowerInvariant() switch
        {
            "differential" => MappingScheme.Differential,
            "offset" => MappingScheme.Offset,
            var other => throw s.Error("scheme", $"unknown mapping scheme '{other}'", "use differential (two devices per weight) or offset (one device per weight plus a reference column)"),
        };
        var gMin = s.GetDouble("g_min", defaults.GMin, NumberRange.NonNegative, "the lowest conductance in siemens");
        var gMax = s.GetDouble("g_max", defaults.GMax, NumberRange.Positive, "the highest conductance in siemens");
        if (!(gMax > gMin) || gMin < 0)
        {
            throw s.Error("g_max", $"need 0 <= g_min < g_max (got {gMin}, {gMax})");
        }

        var levels = s.GetInt("levels", defaults.Levels, NumberRange.NonNegative, "conductance levels: at least 2, or 0 for continuous");
        if (levels is 1 or < 0)
        {
            throw s.Error("levels", $"levels must be at least 2 (or 0 for continuous), got {levels}");
        }

        var wire = s.GetDouble("wire_resistance", defaults.WireResistance, NumberRange.NonNegative, "ohms per wire segment");
        var read = s.GetDouble("read_voltage", defaults.ReadVoltage, NumberRange.Positive, "the read voltage in volts");

        return new CrossbarSubstrateSpec(scheme, gMin, gMax, levels, wire, NonIdealitiesReader.Read(s.TryGetSection("nonidealities")), read);
    }
}
