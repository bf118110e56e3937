using Neuromorph.Experiments;
using Neuromorph.Experiments.Minimize;
using Neuromorph.Experiments.Results;
using Neuromorph.Io.Yaml;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Experiments.Minimize;

/// <summary>
/// kind: minimize reaches every format minimize reads, with each format's own settings (portfolio budget, the ctd
/// schedule, quench_every): the best objective is the brute-force optimum of <see cref="TinyProblems"/>, and the
/// solution file, read back without library code, scores it.
/// </summary>
public sealed class MinimizeFormatTests : IDisposable
{
    private readonly TempDirectory _dir = new("nm-minfmt");

    public static TheoryData<string> Formats => [.. TinyProblems.All.Keys];

    public void Dispose() => _dir.Dispose();

    [Theory]
    [MemberData(nameof(Formats))]
    public void Every_format_reaches_the_brute_force_optimum_and_its_solution_file_scores_it(string format)
    {
        var problem = TinyProblems.All[format];
        var result = MinimizeRuns.Run(MinimizeRuns.Spec(_dir, problem));
        Assert.Equal(problem.Size, result.Problem.Size);
        Assert.True(MinimizeRuns.Close(result.BestObjective, problem.Optimum), $"{format}: best {result.BestObjective}, brute force {problem.Optimum}");
        Assert.Equal(4, result.Result.Restarts.Count);
        var files = MinimizeReport.Files(result);
        var spins = MinimizeRuns.Spins(MinimizeRuns.Text(files.Single(f => f.Name == "solution.txt")));
        Assert.True(MinimizeRuns.Close(problem.Objective(spins), problem.Optimum), $"{format}: solution.txt scores {problem.Objective(spins)}");
        Assert.Contains($"best {result.Problem.ObjectiveName}: ", MinimizeRuns.Text(files.Single(f => f.Name == "summary.txt")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_cnf_formula_gets_the_target_0_by_default_and_every_restart_reaches_it()
    {
        var result = MinimizeRuns.Run(MinimizeRuns.Spec(_dir, TinyProblems.All["cnf"]));
        Assert.Equal(0, result.Target);
        Assert.Equal(1, result.SuccessProbability);
        Assert.True(double.IsNaN(MinimizeExperiment.Metrics(result)["gap_percent"]), "a gap relative to a zero target is undefined");
    }

    [Fact]
    public void With_an_output_folder_the_report_carries_the_files_as_data_and_the_writer_puts_them_on_disk()
    {
        var yaml = YamlSection.LoadFile(MinimizeRuns.WriteCase(_dir, TinyProblems.All["portfolio"]));
        var outDir = Path.Combine(_dir, "out");
        var report = new MinimizeExperiment().Run(yaml, new ExperimentContext(outDir, TextWriter.Null));
        Assert.Empty(report.Files);
        Assert.False(Directory.Exists(outDir), "the experiment itself writes nothing");
        Assert.Equal(["energy.csv", "final.csv", "solution.txt", "summary.txt", "states.csv", "memory.csv"], report.Outputs.Select(f => f.Name));
        Assert.NotEmpty(report.Figures);
        var written = new ResultWriter().Write(report.Outputs, report.Figures, outDir);
        foreach (var file in report.Outputs)
        {
            Assert.Equal(MinimizeRuns.Text(file), File.ReadAllText(Path.Combine(outDir, file.Name)));
        }

        Assert.Equal(6, written.Count);
        Assert.StartsWith("restart,energy,markowitz,seconds,finished_at,completed,reached_target", File.ReadAllText(Path.Combine(outDir, "final.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_output_folder_a_study_point_gets_metrics_and_no_files()
    {
        var yaml = YamlSection.LoadFile(MinimizeRuns.WriteCase(_dir, TinyProblems.All["gset"]));
        var report = new MinimizeExperiment().Run(yaml, new ExperimentContext(null, TextWriter.Null) { Seed = 9 });
        Assert.Empty(report.Outputs);
        Assert.Empty(report.Figures);
        Assert.Equal(new MinimizeExperiment().MetricNames, report.Metrics.Keys);
        Assert.Equal(TinyProblems.All["gset"].Optimum, report.Metrics["best_cut"]);
        Assert.True(double.IsNaN(report.Metrics["gap_percent"]));
        Assert.Equal(0, report.Metrics["coupling_error"]);
    }
}
