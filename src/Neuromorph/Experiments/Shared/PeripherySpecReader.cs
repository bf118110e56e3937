using Neuromorph.Io.Yaml;

namespace Neuromorph.Experiments.Shared;

/// <summary>Reads the <c>periphery:</c> section of sequence and reservoir experiments (input scaling, drift compensation).</summary>
public static class PeripherySpecReader
{
    /// <summary>The periphery a <c>periphery:</c> section describes.</summary>
    public static PeripherySpec Read(YamlSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        section.RejectUnknownKeys("input_scaling", "drift_compensation");
        return new PeripherySpec(SpecValues.Choice(section, "input_scaling", "abs_max", "abs_max", "none") == 0, section.GetBool("drift_compensation", false));
    }
}
