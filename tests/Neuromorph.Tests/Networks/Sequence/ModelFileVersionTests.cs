using Neuromorph.Diagnostics;
using Neuromorph.Networks.Sequence.ModelFiles;

namespace Neuromorph.Tests.Networks.Sequence;

/// <summary>The model file's version is checked: only the version this build writes loads.</summary>
public sealed class ModelFileVersionTests
{
    private static readonly string Json = SequenceModelFile.ToJson(SequenceFixtures.Model("gru", 1, 2, 1, 1, 1));

    private static string Diagnostic(string json) => Assert.Throws<UserInputException>(() => SequenceModelFile.Parse(json, "m.json")).Diagnostic.ToString();

    [Theory]
    [InlineData("99", "model-file version 99 is not one this Neuromorph reads (it reads version 1)")]
    [InlineData("2", "model-file version 2 is not one this Neuromorph reads (it reads version 1)")]
    [InlineData("-1", "model-file version -1 is not one this Neuromorph reads (it reads version 1)")]
    [InlineData("0", "model-file version 0 is not one this Neuromorph reads (it reads version 1)")]
    [InlineData("1.5", "model-file version 1.5 is not one this Neuromorph reads (it reads version 1)")]
    [InlineData("\"1\"", "'version' must be a number")]
    public void Other_versions_are_refused_at_the_version_value(string version, string message)
    {
        var text = Diagnostic(Json.Replace("\"version\": 1", "\"version\": " + version, StringComparison.Ordinal));
        Assert.StartsWith("m.json:3:14: error: " + message, text, StringComparison.Ordinal);
        Assert.Contains("\"version\": 1", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_version_is_refused()
    {
        var text = Diagnostic(Json.Replace("  \"version\": 1,\n", "", StringComparison.Ordinal));
        Assert.StartsWith("m.json:1:1: error: missing key 'version'", text, StringComparison.Ordinal);
        Assert.Contains("\"version\": 1", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_1_loads()
    {
        Assert.Equal(2, SequenceModelFile.Parse(Json, "m.json").Spec.HiddenSize);
    }
}
