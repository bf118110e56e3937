using Neuromorph.Crossbars;
using Neuromorph.Io.Yaml;

namespace Neuromorph.Experiments.Crossbar;

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
        var gMin = s.GetDouble("g_min", defaults.GMin);
        var gMax = s.GetDouble("g_max", defaults.GMax);
        if (!(gMax > gMin) || gMin < 0)
        {
            throw s.Error("g_max", $"need 0 <= g_min < g_max (got {gMin}, {gMax})");
        }

        var levels = s.GetInt("levels", defaults.Levels);
        if (levels is 1 or < 0)
        {
            throw s.Error("levels", $"levels must be at least 2 (or 0 for continuous), got {levels}");
        }

        var wire = s.GetDouble("wire_resistance", defaults.WireResistance);
        if (!(wire >= 0))
        {
            throw s.Error("wire_resistance", $"the wire resistance must not be negative, got {wire}");
        }

        var read = s.GetDouble("read_voltage", defaults.ReadVoltage);
        if (!(read > 0))
        {
            throw s.Error("read_voltage", $"the read voltage must be positive, got {read}");
        }

        return new CrossbarSubstrateSpec(scheme, gMin, gMax, levels, wire, CrossbarSpecReader.ReadNonIdealities(s.TryGetSection("nonidealities")), read);
    }
}
