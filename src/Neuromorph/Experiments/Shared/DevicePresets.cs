using Neuromorph.Io.Yaml;

namespace Neuromorph.Experiments.Shared;

/// <summary>
/// The published pulsed-device presets: one YAML file each in <c>Experiments/Shared/DevicePresets</c> (embedded in the
/// library), naming its source (paper and DOI, and the aihwkit preset it follows), what it leaves out, and a
/// <c>device:</c> block in the keys of a training file's <c>device:</c> (a response shape, Δw_min, bounds, spreads).
/// </summary>
public static class DevicePresets
{
    private const string Prefix = "Neuromorph.DevicePresets.";

    /// <summary>The names of the published presets, sorted.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. typeof(DevicePresets).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..^".yaml".Length])
        .Order(StringComparer.Ordinal)];

    /// <summary>The preset file called <paramref name="name"/> (case-insensitive), or null.</summary>
    public static DevicePresetFile? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = Names.FirstOrDefault(n => n.Equals(name, StringComparison.OrdinalIgnoreCase));
        if (key is null)
        {
            return null;
        }

        using var stream = typeof(DevicePresets).Assembly.GetManifestResourceStream(Prefix + key + ".yaml")!;
        using var reader = new StreamReader(stream);
        var root = YamlSection.Parse(reader.ReadToEnd(), $"preset {key}.yaml");
        return new DevicePresetFile(root.GetString("name"), root.GetString("source"), root.GetString("notes", ""), root.GetSection("device"));
    }
}

/// <summary>One published preset: its name, its source, what it leaves out, and its <c>device:</c> block.</summary>
/// <param name="Name">The name a training file gives as <c>preset:</c>.</param>
/// <param name="Source">The paper (with DOI) and the fit it follows.</param>
/// <param name="Notes">What of the source's model is not modelled here.</param>
/// <param name="Device">The device keys, read as a training file's <c>device:</c> is.</param>
public sealed record DevicePresetFile(string Name, string Source, string Notes, YamlSection Device);
