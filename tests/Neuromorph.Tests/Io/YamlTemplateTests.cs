using Neuromorph.Diagnostics;
using Neuromorph.Io.Yaml;
using YamlDotNet.RepresentationModel;

namespace Neuromorph.Tests.Io;

/// <summary>
/// <see cref="YamlTemplate"/>: a document parsed once gives, tree after tree, exactly what <see cref="YamlSection.Parse"/>
/// gives from the text (values, lines, columns, errors), and each tree can be changed alone.
/// </summary>
public sealed class YamlTemplateTests
{
    private const string Text = """
        # a comment
        kind: recall
        network: hopfield
        noise: [0.1, 0.2]
        anchor: &a { x: 1, y: "two" }
        copy: *a
        substrate:
          g_min: 1u
          nonidealities:
            variability: 0.05
            adc_bits: 6
        patterns:
          - { noise: 0.1 }
          - noise: 0.3
        text: |
          a block
          of text
        empty:
        """;

    [Fact]
    public void Every_tree_is_the_one_parsing_the_text_builds_with_the_same_places()
    {
        var expected = Flatten(YamlSection.Parse(Text, "f.yaml").Node);
        var template = YamlTemplate.Parse(Text, "f.yaml");
        Assert.Equal("f.yaml", template.File);
        for (var k = 0; k < 3; k++)
        {
            var root = template.Root();
            Assert.Equal("f.yaml", root.File);
            Assert.Equal(expected, Flatten(root.Node));
        }

        Assert.Equal(new SourceLocation("f.yaml", 10, 18), template.Root().GetSection("substrate").GetSection("nonidealities").LocationOf("variability"));
    }

    [Fact]
    public void Trees_are_independent()
    {
        var template = YamlTemplate.Parse(Text, "f.yaml");
        var first = template.Root();
        YamlOverrides.Set(first, "substrate.nonidealities.variability", "0.3");
        YamlOverrides.Set(first, "noise[1]", "0.9");
        var second = template.Root();
        Assert.Equal(0.3, first.GetSection("substrate").GetSection("nonidealities").GetDouble("variability"));
        Assert.Equal(0.05, second.GetSection("substrate").GetSection("nonidealities").GetDouble("variability"));
        Assert.Equal([0.1, 0.9], first.GetDoubleList("noise"));
        Assert.Equal([0.1, 0.2], second.GetDoubleList("noise"));
    }

    [Fact]
    public void Overrides_on_a_template_tree_match_overrides_on_the_text_errors_included()
    {
        var template = YamlTemplate.Parse(Text, "f.yaml");
        var values = new Dictionary<string, double> { ["substrate.nonidealities.adc_bits"] = 4, ["patterns[1].noise"] = 0.25 };
        Assert.Equal(Flatten(YamlOverrides.Apply(Text, "f.yaml", values).Node), Flatten(YamlOverrides.Apply(template, values).Node));
        foreach (var bad in new[] { "substrate.nonidealities.adc_bit", "noise[5]", "network.x", "substrate" })
        {
            var wrong = new Dictionary<string, double> { [bad] = 1 };
            var fromText = Assert.Throws<UserInputException>(() => YamlOverrides.Apply(Text, "f.yaml", wrong));
            var fromTemplate = Assert.Throws<UserInputException>(() => YamlOverrides.Apply(template, wrong));
            Assert.Equal(fromText.Diagnostic, fromTemplate.Diagnostic);
        }
    }

    [Theory]
    [InlineData("a: b: c\n")]
    [InlineData("a: 'open\n")]
    [InlineData("- 1\n- 2\n")]
    [InlineData("a: 1\na: 2\n")]
    [InlineData("")]
    [InlineData("a: *nowhere\n")]
    [InlineData("a: [1, 2\nb: 3\n")] // YamlDotNet's scanner fails here with an InvalidOperationException: the same one
    public void A_document_that_does_not_parse_is_refused_as_parsing_the_text_refuses_it(string text)
    {
        var fromText = Record.Exception(() => YamlSection.Parse(text, "bad.yaml"));
        var fromTemplate = Record.Exception(() => YamlTemplate.Parse(text, "bad.yaml"));
        Assert.NotNull(fromText);
        Assert.Equal(fromText.GetType(), fromTemplate?.GetType());
        Assert.Equal(fromText.Message, fromTemplate!.Message);
        if (fromText is UserInputException located)
        {
            Assert.Equal(located.Diagnostic, ((UserInputException)fromTemplate).Diagnostic);
        }
    }

    /// <summary>Every node in document order: its kind, value, tag and place.</summary>
    private static List<string> Flatten(YamlNode root) =>
        [.. root.AllNodes.Select(n => $"{n.NodeType} {(n as YamlScalarNode)?.Value} {n.Tag} {(n as YamlScalarNode)?.Style} {n.Start.Line}:{n.Start.Column}-{n.End.Line}:{n.End.Column}")];
}
