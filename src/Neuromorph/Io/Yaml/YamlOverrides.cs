using System.Globalization;
using Neuromorph.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Neuromorph.Io.Yaml;

/// <summary>
/// Sets values in a YAML document by dotted key path, for studies that vary an experiment file:
/// <c>array.variability.sigma</c>, with <c>[k]</c> to index lists (<c>patterns[0].noise</c>).
/// Only existing keys may be overridden, so a typo in a study is an error rather than a silent no-op.
/// </summary>
public static class YamlOverrides
{
    /// <summary>Parses <paramref name="text"/>, applies the overrides and returns the modified root section.</summary>
    public static YamlSection Apply(string text, string file, IReadOnlyDictionary<string, double> overrides) =>
        SetAll(YamlSection.Parse(text, file), overrides);

    /// <summary>
    /// Builds a new tree of <paramref name="template"/> (parsed once, for every run of a study), applies the overrides
    /// and returns its root section: the same tree, errors included, as <see cref="Apply(string, string, IReadOnlyDictionary{string, double})"/> on the text.
    /// </summary>
    public static YamlSection Apply(YamlTemplate template, IReadOnlyDictionary<string, double> overrides)
    {
        ArgumentNullException.ThrowIfNull(template);
        return SetAll(template.Root(), overrides);
    }

    /// <summary>Sets the scalar at <paramref name="path"/> to <paramref name="value"/>; the key must already exist.</summary>
    public static void Set(YamlSection root, string path, string value)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(path);
        YamlNode node = root.Node;
        var parts = path.Split('.');
        for (var i = 0; i < parts.Length; i++)
        {
            var (key, index) = Split(parts[i]);
            if (node is not YamlMappingNode map)
            {
                throw Unknown(root, path, node);
            }

            var entry = map.Children.FirstOrDefault(c => c.Key is YamlScalarNode s && string.Equals(s.Value, key, StringComparison.OrdinalIgnoreCase));
            if (entry.Key is null)
            {
                var keys = map.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? "").ToList();
                throw new UserInputException(root.At(map), $"parameter path '{path}': no key '{key}' here", Suggestions.Hint(key, keys));
            }

            var child = entry.Value;
            if (index is int k)
            {
                if (child is not YamlSequenceNode seq || k < 0 || k >= seq.Children.Count)
                {
                    throw new UserInputException(root.At(child), $"parameter path '{path}': '{key}' has no item [{k}]");
                }

                child = seq.Children[k];
            }

            if (i == parts.Length - 1)
            {
                if (child is not YamlScalarNode)
                {
                    throw new UserInputException(root.At(child), $"parameter path '{path}' names a list or mapping, not a single value");
                }

                if (index is int j)
                {
                    ((YamlSequenceNode)entry.Value).Children[j] = new YamlScalarNode(value);
                }
                else
                {
                    map.Children[entry.Key] = new YamlScalarNode(value);
                }

                return;
            }

            node = child;
        }
    }

    /// <summary>Every key path of <paramref name="root"/> that names a single value (what <see cref="Set"/> accepts), in document order.</summary>
    public static IReadOnlyList<string> Paths(YamlSection root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var paths = new List<string>();
        Collect(root.Node, "", paths);
        return paths;
    }

    private static void Collect(YamlNode node, string prefix, List<string> paths)
    {
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    if (key is YamlScalarNode { Value: { } name })
                    {
                        Collect(value, prefix.Length == 0 ? name : $"{prefix}.{name}", paths);
                    }
                }

                break;
            case YamlSequenceNode seq when prefix.Length > 0:
                for (var k = 0; k < seq.Children.Count; k++)
                {
                    Collect(seq.Children[k], $"{prefix}[{k}]", paths);
                }

                break;
            case YamlScalarNode when prefix.Length > 0:
                paths.Add(prefix);
                break;
        }
    }

    private static YamlSection SetAll(YamlSection root, IReadOnlyDictionary<string, double> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        foreach (var (path, value) in overrides)
        {
            Set(root, path, value.ToString("R", CultureInfo.InvariantCulture));
        }

        return root;
    }

    private static (string Key, int? Index) Split(string part)
    {
        var open = part.IndexOf('[', StringComparison.Ordinal);
        if (open < 0 || !part.EndsWith(']'))
        {
            return (part, null);
        }

        return int.TryParse(part[(open + 1)..^1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var k) ? (part[..open], k) : (part, null);
    }

    private static UserInputException Unknown(YamlSection root, string path, YamlNode at) =>
        new(root.At(at), $"parameter path '{path}' goes through a value that is not a mapping");
}
