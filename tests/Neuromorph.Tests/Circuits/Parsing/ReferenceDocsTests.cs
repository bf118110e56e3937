using System.Text.RegularExpressions;
using Neuromorph.Circuits.Elements;
using Neuromorph.Circuits.Parsing;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Circuits.Parsing;

/// <summary>The registries, the reference page and the example decks list the same constructs.</summary>
public class ReferenceDocsTests
{
    private static readonly string Docs = File.ReadAllText(RepoPaths.InRepo("docs", "netlist-reference.md"));

    private static readonly string Decks = string.Join("\n", Directory.GetFiles(RepoPaths.InRepo("circuits"), "*", SearchOption.AllDirectories)
        .Where(f => f.EndsWith(".cir", StringComparison.Ordinal) || f.EndsWith(".lib", StringComparison.Ordinal) || f.EndsWith(".inc", StringComparison.Ordinal))
        .Select(File.ReadAllText)).ToLowerInvariant();

    [Fact]
    public void Every_element_kind_is_documented_and_used_by_an_example_deck()
    {
        foreach (var kind in ElementCatalog.All)
        {
            var letter = kind.Prefix.ToUpperInvariant();
            Assert.True(Docs.Contains($"`{letter}name", StringComparison.Ordinal) || Docs.Contains($"`{letter} ", StringComparison.Ordinal), $"{letter} ({kind.Description}) is missing from docs/netlist-reference.md");
            Assert.True(Regex.IsMatch(Decks, $@"(?m)^\s*{Regex.Escape(kind.Prefix)}\S*\s"), $"no example deck in circuits/ uses a {letter} element");
        }
    }

    [Fact]
    public void Every_dot_command_is_documented_and_used_by_an_example_deck()
    {
        foreach (var command in DotCommandCatalog.All)
        {
            Assert.True(command.Names.Any(n => Docs.Contains($"`{n}", StringComparison.Ordinal)), $"{command.Names[0]} is missing from docs/netlist-reference.md");
            if (command.Description.StartsWith("ignored", StringComparison.Ordinal))
            {
                continue;
            }

            Assert.True(command.Names.Any(n => Regex.IsMatch(Decks, $@"(?m)^\s*{Regex.Escape(n)}(\s|$)")), $"no example deck in circuits/ uses {command.Names[0]}");
        }
    }
}
