using Neuromorph.Tests.Cli;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Experiments;

/// <summary>
/// Every example experiment in circuits/ (a file with <c>kind:</c>) runs as documented and writes its outputs, except
/// those whose run is minutes long by design (a line <c># example-test: long (...)</c> says why and which test runs a
/// shortened copy of the same kind instead).
/// </summary>
public class ExampleExperimentTests
{
    private const string Long = "# example-test: long";

    public static TheoryData<string> Examples => [.. Directory.GetFiles(RepoPaths.InRepo("circuits"), "*.yaml")
        .Where(f => File.ReadLines(f).Any(l => l.StartsWith("kind:", StringComparison.Ordinal) || l.StartsWith("experiment:", StringComparison.Ordinal)))
        .Where(f => !File.ReadLines(f).Any(l => l.StartsWith(Long, StringComparison.Ordinal)))
        .Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Fact]
    public void Examples_left_out_as_long_say_why_and_are_few()
    {
        var left = Directory.GetFiles(RepoPaths.InRepo("circuits"), "*.yaml").Where(f => File.ReadLines(f).Any(l => l.StartsWith(Long, StringComparison.Ordinal))).ToList();
        // today: ntm_copy (10 min), ntm_recall (20 min), ntm_crossbar_study (needs ntm_copy's model), seq2seq_add (80 s)
        Assert.InRange(left.Count, 0, 4);
        Assert.All(left, f => Assert.Contains("covered by", File.ReadLines(f).First(l => l.StartsWith(Long, StringComparison.Ordinal)), StringComparison.Ordinal));
    }

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
