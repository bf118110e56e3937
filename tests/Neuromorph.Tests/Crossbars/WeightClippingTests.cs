using Neuromorph.Crossbars;
using Neuromorph.Experiments.Crossbar;
using Neuromorph.Io;
using Neuromorph.Io.Yaml;
using Neuromorph.Tests.Cli;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Crossbars;

/// <summary>Weights beyond w_max are clipped on the array, but the ideal stays W·x and the clipping is reported.</summary>
public class WeightClippingTests
{
    [Theory]
    [InlineData("differential")]
    [InlineData("offset")]
    public void The_ideal_is_the_unclipped_product_and_the_clipped_weights_are_counted(string scheme)
    {
        var spec = CrossbarSpecReader.Read(YamlSection.Parse(
            $"kind: crossbar\narray: {{ weights: [[2.0, 1.0], [-3.0, 0.5]], mapping: {{ scheme: {scheme}, w_max: 1 }} }}\ninputs: [[1.0, 0.0], [0.5, 0.5]]\n", "x.yaml"));
        var result = CrossbarEvaluator.Evaluate(spec);
        Assert.Equal(new[] { 2.0, 1.0 }, result.Expected[0]);
        Assert.Equal(new[] { -0.5, 0.75 }, result.Expected[1]);
        Assert.Equal(1.0, result.Outputs[0][0], 9); // the array holds the clipped weight
        Assert.Equal(2, result.Metrics["clipped_weights"]);
        Assert.True(result.Metrics["vmm_error"] > 0.3, $"vmm_error {result.Metrics["vmm_error"]}");
    }

    [Fact]
    public void Weights_within_w_max_clip_nothing_and_match_the_ideal()
    {
        var spec = CrossbarSpecReader.Read(YamlSection.Parse("kind: crossbar\narray: { weights: [[0.5, -1.0]], mapping: { w_max: 1 } }\ninputs: [[0.3]]\n", "x.yaml"));
        var result = CrossbarEvaluator.Evaluate(spec);
        Assert.Equal(0, result.Metrics["clipped_weights"]);
        Assert.Equal(new[] { 0.15, -0.3 }, result.Expected[0]);
        Assert.True(result.Metrics["vmm_error"] < 1e-12);
    }

    [Fact]
    public void The_run_writes_the_unclipped_ideal_and_warns_on_stderr_at_w_max()
    {
        using var dir = new TempDirectory("nm-xbclip");
        var path = Path.Combine(dir, "x.yaml");
        File.WriteAllText(path, "kind: crossbar\narray:\n  weights: [[2.0, 1.0]]\n  mapping: { scheme: differential, w_max: 1 }\ninputs: [[1.0]]\n");
        var (code, output, error) = CliHarness.Run("run", path, "-o", Path.Combine(dir, "out"));
        Assert.True(code == 0, error);
        var (_, ideal) = CsvTable.Read(Path.Combine(dir, "out", "ideal_outputs.csv"));
        var (_, outputs) = CsvTable.Read(Path.Combine(dir, "out", "outputs.csv"));
        Assert.Equal((2.0, 1.0), (ideal[0][0], ideal[1][0]));
        Assert.Equal(1.0, outputs[0][0], 9);
        Assert.Matches(@"x\.yaml:4:43: warning", error);
        Assert.Contains("1 of 2 weights exceed w_max = 1", error, StringComparison.Ordinal);
        Assert.Contains("1 weight(s) clipped to ±w_max", output, StringComparison.Ordinal);
    }
}
