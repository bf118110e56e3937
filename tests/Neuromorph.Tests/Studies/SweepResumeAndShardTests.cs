using Neuromorph.Diagnostics;
using Neuromorph.Studies;
using Neuromorph.Tests.Cli;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Studies;

/// <summary>
/// Refusals of <c>sweep</c> say how to go on: an edited study names the change and how to start over (the command adds
/// the flags; the library names none), and malformed shard specs say what a shard spec is.
/// </summary>
public class SweepResumeAndShardTests
{
    [Fact]
    public void Resuming_an_edited_study_is_refused_with_how_to_start_over()
    {
        using var dir = new TempDirectory("nm-resume");
        File.Copy(RepoPaths.InRepo("circuits", "switching.cir"), Path.Combine(dir, "switching.cir"));
        var study = Path.Combine(dir, "s.yaml");
        const string Body = "study: edited\nbase: { netlist: switching.cir }\nparameters:\n  - { name: ratio, list: [2] }\nmetrics:\n  - { name: x_end, final: x(m1) }\n";
        File.WriteAllText(study, Body);
        var output = Path.Combine(dir, "out");
        var (first, _, firstError) = CliHarness.Run("sweep", study, "-o", output);
        Assert.True(first == 0, firstError);

        File.WriteAllText(study, Body.Replace("[2]", "[2, 4]", StringComparison.Ordinal));
        var (code, _, error) = CliHarness.Run("sweep", study, "-o", output);
        Assert.Equal(2, code);
        Assert.Contains("study.json", error, StringComparison.Ordinal);
        Assert.Contains("earlier version of this study: the study file changed", error, StringComparison.Ordinal);
        Assert.Contains("start over with --fresh", error, StringComparison.Ordinal);
        Assert.Contains("-o DIR", error, StringComparison.Ordinal);

        var (fresh, _, freshError) = CliHarness.Run("sweep", study, "-o", output, "--fresh");
        Assert.True(fresh == 0, freshError);
        Assert.Equal(3, File.ReadAllLines(Path.Combine(output, "results.csv")).Length);
    }

    [Fact]
    public void The_library_refusal_names_no_command_line_flag()
    {
        using var fx = new StudyFixtures();
        var spec = fx.Spec("study: a\nbase: { netlist: base.cir }\nparameters:\n  - { name: r, list: [1] }\nmetrics:\n  - { name: v, final: v(a) }\n");
        var dir = Path.Combine(fx.Directory, "out");
        ResultsStore.Open(dir, spec, ShardSpec.All, resume: true).Dispose();
        var edited = fx.Spec("study: a\nbase: { netlist: base.cir }\nparameters:\n  - { name: r, list: [1, 2] }\nmetrics:\n  - { name: v, final: v(a) }\n");
        var ex = Assert.Throws<UserInputException>(() => ResultsStore.Open(dir, edited, ShardSpec.All, resume: true));
        Assert.Contains("the study file changed", ex.Diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(ResultsStore.StartOver, ex.Diagnostic.Hint);
        Assert.DoesNotContain("--", ex.Diagnostic.ToString(), StringComparison.Ordinal);
        var shard = Assert.Throws<UserInputException>(() => ResultsStore.Open(dir, spec, new ShardSpec(1, 2), resume: true));
        Assert.Contains("holds results of shard 1/1 of this study, not of shard 1/2", shard.Diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0/0", "the shard count n must be at least 1, got 0")]
    [InlineData("1/0", "the shard count n must be at least 1, got 0")]
    [InlineData("3/-2", "the shard count n must be at least 1, got -2")]
    [InlineData("3/2", "the shard index i must lie between 1 and 2, got 3")]
    [InlineData("0/2", "the shard index i must lie between 1 and 2, got 0")]
    [InlineData("-1/2", "the shard index i must lie between 1 and 2, got -1")]
    [InlineData("a/b", "is not of the form i/n (two whole numbers)")]
    [InlineData("1/2/3", "is not of the form i/n (two whole numbers)")]
    [InlineData("1.5/2", "is not of the form i/n (two whole numbers)")]
    [InlineData("2", "is not of the form i/n (two whole numbers)")]
    public void Malformed_shards_exit_2_with_what_a_shard_is(string text, string message)
    {
        using var scratch = new TempDirectory("nm-shard");
        var (code, _, error) = CliHarness.Run("sweep", RepoPaths.InRepo("circuits", "study_switching.yaml"), "--shard", text, "-o", scratch);
        Assert.Equal(2, code);
        Assert.Contains("--shard: ", error, StringComparison.Ordinal);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.DoesNotContain("1/1 to 1/1", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(scratch, "results.csv")));
    }

    [Theory]
    [InlineData("3/2", "the 2 shards are numbered 1/2 to 2/2")]
    [InlineData("2/1", "a study in one shard is 1/1")]
    public void An_index_beyond_the_count_names_the_valid_shards(string text, string hint)
    {
        var ex = Assert.Throws<UserInputException>(() => ShardSpec.Parse(text));
        Assert.Equal(hint, ex.Diagnostic.Hint![..hint.Length]);
        Assert.DoesNotContain("--", ex.Diagnostic.ToString(), StringComparison.Ordinal);
    }
}
