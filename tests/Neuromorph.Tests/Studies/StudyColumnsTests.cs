using Neuromorph.Tests.Cli;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Studies;

/// <summary>
/// Every parameter and metric is a column of results.csv and summary.csv: two of one name (or one named like a column
/// the runner writes) are refused at the second definition, exit 2, before any run.
/// </summary>
public class StudyColumnsTests
{
    [Theory]
    [InlineData("parameters:\n  - { name: ratio, list: [2] }\n  - { name: amp, list: [1] }\nmetrics:\n  - { name: t, final: x(m1) }\n  - { name: t, final: i(rs) }\n", 8, 13, "metric 't' is defined twice; the first is at line 7")]
    [InlineData("parameters:\n  - { name: ratio, list: [2] }\n  - { name: Ratio, list: [4] }\nmetrics:\n  - { name: t, final: x(m1) }\n", 5, 13, "parameter 'Ratio' would write the results.csv column 'Ratio', which parameter 'ratio' (line 4) already writes")]
    [InlineData("parameters:\n  - { name: ratio, list: [2] }\n  - { name: ratio, list: [4] }\nmetrics:\n  - { name: t, final: x(m1) }\n", 5, 13, "parameter 'ratio' is defined twice; the first is at line 4")]
    [InlineData("parameters:\n  - { name: ratio, list: [2] }\nmetrics:\n  - { name: ratio, final: x(m1) }\n", 6, 13, "metric 'ratio' would write the results.csv column 'ratio', which parameter 'ratio' (line 4) already writes")]
    [InlineData("parameters:\n  - { name: ratio, list: [2] }\nmetrics:\n  - { name: seed, final: x(m1) }\n", 6, 13, "metric 'seed' is named like the column 'seed' that the runner writes in results.csv")]
    [InlineData("parameters:\n  - { name: ratio, list: [2] }\nmetrics:\n  - { name: Status, final: x(m1) }\n", 6, 13, "metric 'Status' is named like the column 'Status' that the runner writes")]
    [InlineData("parameters:\n  - { name: ratio, list: [2] }\nmetrics:\n  - { name: wall_s, final: x(m1) }\n", 6, 13, "column 'wall_s'")]
    [InlineData("parameters:\n  - { name: ratio, list: [2] }\nmetrics:\n  - { name: point, final: x(m1) }\n", 6, 13, "column 'point'")]
    [InlineData("parameters:\n  - { name: replicate, list: [2] }\nmetrics:\n  - { name: t, final: x(m1) }\n", 4, 13, "parameter 'replicate' is named like the column 'replicate'")]
    [InlineData("parameters:\n  - { name: t_mean, list: [2] }\nmetrics:\n  - { name: t, final: x(m1) }\n", 6, 13, "metric 't' would write the summary.csv column 't_mean', which parameter 't_mean' (line 4) already writes")]
    public void A_study_whose_columns_would_clash_is_refused_at_the_second_definition_before_any_run(string body, int line, int column, string message)
    {
        using var dir = new TempDirectory("nm-cols");
        File.Copy(RepoPaths.InRepo("circuits", "switching.cir"), Path.Combine(dir, "switching.cir"));
        var study = Path.Combine(dir, "s.yaml");
        File.WriteAllText(study, "study: clash\nbase: { netlist: switching.cir }\n" + body);
        var output = Path.Combine(dir, "out");
        var (code, _, error) = CliHarness.Run("sweep", study, "-o", output);
        Assert.Equal(2, code);
        Assert.Contains($"s.yaml:{line}:{column}", error, StringComparison.Ordinal);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Contains("another name", error, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(output, "results.csv")), "nothing may run");
    }
}
