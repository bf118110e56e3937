using Neuromorph.Tests.Cli;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Experiments;

/// <summary>Every example experiment in circuits/ (a file with <c>kind:</c>) runs as documented and writes its outputs.</summary>
public class ExampleExperimentTests
{
    public static TheoryData<string> Examples => [.. Directory.GetFiles(RepoPaths.InRepo("circuits"), "*.yaml")
        .Where(f => File.ReadLines(f).Any(l => l.StartsWith("kind:", StringComparison.Ordinal) || l.StartsWith("experiment:", StringComparison.Ordinal)))
        .Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Trait("Category", "slow")]
    [Theory]
    [MemberData(nameof(Examples))]
    public void The_example_runs(string file)
    {
        using var dir = new TempDirectory("nm-example");
        var (code, output, error) = CliHarness.Run("run", RepoPaths.InRepo("circuits", file), "-o", dir);
        Assert.True(code == 0, $"{file}: exit {code}: {error}");
        Assert.Contains("wrote", output, StringComparison.Ordinal);
        Assert.NotEmpty(Directory.GetFiles(dir, "*.csv"));
    }
}
