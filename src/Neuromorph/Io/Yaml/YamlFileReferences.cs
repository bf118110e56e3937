using YamlDotNet.RepresentationModel;

namespace Neuromorph.Io.Yaml;

/// <summary>The files a YAML document names: scalar values that are paths of existing files, relative to the document's folder.</summary>
public static class YamlFileReferences
{
    /// <summary>Full paths of the existing files <paramref name="section"/> names anywhere inside it, in document order, once each.</summary>
    public static IReadOnlyList<string> Of(YamlSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var folder = Path.GetDirectoryName(Path.GetFullPath(section.File)) ?? ".";
        var found = new List<string>();
        Walk(section.Node, folder, found);
        return found;
    }

    private static void Walk(YamlNode node, string folder, List<string> found)
    {
        switch (node)
        {
            case YamlScalarNode { Value: { Length: > 0 and < 1024 } value } when !value.Contains('\n', StringComparison.Ordinal):
                var candidate = Path.GetFullPath(Path.Combine(folder, value));
                if (File.Exists(candidate) && !found.Contains(candidate))
                {
                    found.Add(candidate);
                }

                break;
            case YamlMappingNode map:
                foreach (var (_, child) in map.Children)
                {
                    Walk(child, folder, found);
                }

                break;
            case YamlSequenceNode seq:
                foreach (var child in seq.Children)
                {
                    Walk(child, folder, found);
                }

                break;
        }
    }
}
