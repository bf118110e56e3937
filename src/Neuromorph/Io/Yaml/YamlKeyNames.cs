using Neuromorph.Diagnostics;

namespace Neuromorph.Io.Yaml;

/// <summary>
/// Settings spelled as keys of a YAML section (<c>time_limit</c>, <c>time_limit: 60</c>) and located at the key's
/// file:line:column. Settings the file cannot hold (<paramref name="flags"/>, e.g. <c>backend</c>, which
/// <c>neuromorph run --backend</c> sets) are spelled as the flags of the command that runs the file.
/// </summary>
/// <param name="section">The section whose keys the settings are.</param>
/// <param name="flags">Neutral names of the settings given on the command line instead of in the file.</param>
public sealed class YamlKeyNames(YamlSection section, params string[] flags) : SettingNames
{
    /// <summary>The YAML key of a setting: its neutral name with '_' for '-' (<c>quench-every</c>: <c>quench_every</c>).</summary>
    public static string KeyOf(string setting) => (setting ?? throw new ArgumentNullException(nameof(setting))).Replace('-', '_');

    /// <inheritdoc />
    public override string Name(string setting) => flags.Contains(setting) ? $"--{setting}" : KeyOf(setting);

    /// <inheritdoc />
    public override string Assign(string setting, string value) => flags.Contains(setting) ? $"{Name(setting)} {value}" : $"{Name(setting)}: {value}";

    /// <inheritdoc />
    public override string Pair(string key, string value) => $"{{{key}: {value}}}";

    /// <inheritdoc />
    public override SourceLocation? At(string setting)
    {
        ArgumentNullException.ThrowIfNull(section);
        var key = Name(setting);
        return section.Has(key) ? section.LocationOf(key) : null;
    }
}
