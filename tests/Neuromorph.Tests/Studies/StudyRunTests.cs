using Neuromorph.Diagnostics;
using Neuromorph.Io;
using Neuromorph.Studies;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Studies;

/// <summary>
/// The study use case without the command line: <see cref="StudyRun"/> checks the study against its base, a
/// <see cref="StudySession"/> runs the unfinished runs of its shard and writes the report; sessions resume, start over
/// and keep what finished when cancelled; <see cref="StudyMerge"/> combines shards.
/// </summary>
public sealed class StudyRunTests
{
    private const string Netlist = "rc\n.param r=1k\nv1 in 0 dc 1\nr1 in out {r}\nr2 out 0 1k\n.op\n.print op v(out)\n.end\n";

    private static StudySpec Study(TempDirectory dir, int points = 6)
    {
        File.WriteAllText(Path.Combine(dir, "base.cir"), Netlist);
        var path = Path.Combine(dir, "study.yaml");
        File.WriteAllText(path, $"study: divider\nbase: {{ netlist: base.cir }}\nparameters:\n  - {{ name: r, linspace: [1000, 6000, {points}] }}\nmetrics:\n  - {{ name: v, final: v(out) }}\n");
        return StudySpecReader.ReadFile(path);
    }

    [Fact]
    public void A_session_runs_the_shard_writes_the_report_and_a_second_one_resumes_with_nothing_to_do()
    {
        using var dir = new TempDirectory("nm-studyrun");
        var spec = Study(dir);
        var run = StudyRun.Prepare(new StudyRequest(spec, ShardSpec.All, Jobs: 2, Resume: true));
        Assert.Equal([Path.GetFullPath(spec.File), Path.Combine(dir, "base.cir")], run.InputFiles);
        var output = Path.Combine(dir, "out");
        Directory.CreateDirectory(output);
        using (var session = run.Open(output))
        {
            Assert.Equal((6, 0), (session.Total, session.AlreadyDone));
            var seen = new List<StudyProgress>();
            var outcome = session.Run(new Progress(seen.Add));
            Assert.Equal((6, 0, 0, 6), (outcome.Executed, outcome.Skipped, outcome.Failed, outcome.Total));
            Assert.Equal(6, seen[^1].Done);
            var files = session.WriteOutputs();
            Assert.Equal(["summary.csv", "index.html"], files.Select(Path.GetFileName));
        }

        var (headers, columns) = CsvTable.Read(Path.Combine(output, "results.csv"));
        var v = columns[Array.IndexOf(headers, "v")];
        var r = columns[Array.IndexOf(headers, "r")];
        Assert.All(Enumerable.Range(0, 6), k => Assert.Equal(1000 / (1000 + r[k]), v[k], 1e-9));

        using var again = run.Open(output);
        Assert.Equal(6, again.AlreadyDone);
        Assert.Equal((0, 6), (again.Run().Executed, again.Run().Skipped));
    }

    [Fact]
    public void Starting_over_discards_the_old_runs_and_another_shard_is_refused_without_naming_a_flag()
    {
        using var dir = new TempDirectory("nm-studyrun");
        var spec = Study(dir);
        var output = Path.Combine(dir, "out");
        Directory.CreateDirectory(output);
        using (var first = StudyRun.Prepare(new StudyRequest(spec, ShardSpec.All, 1, true)).Open(output))
        {
            first.Run();
        }

        using (var fresh = StudyRun.Prepare(new StudyRequest(spec, ShardSpec.All, 1, Resume: false)).Open(output))
        {
            Assert.Equal(0, fresh.AlreadyDone);
            Assert.Equal(6, fresh.Run().Executed);
        }

        var ex = Assert.Throws<UserInputException>(() => StudyRun.Prepare(new StudyRequest(spec, new ShardSpec(1, 2), 1, true)).Open(output));
        Assert.Equal(ResultsStore.StartOver, ex.Diagnostic.Hint);
        Assert.DoesNotContain("--", ex.Diagnostic.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_cancelled_session_keeps_its_finished_runs_and_the_report_covers_them()
    {
        using var dir = new TempDirectory("nm-studyrun");
        var spec = Study(dir, points: 40);
        var output = Path.Combine(dir, "out");
        Directory.CreateDirectory(output);
        using var cancel = new CancellationTokenSource();
        using var session = StudyRun.Prepare(new StudyRequest(spec, ShardSpec.All, 1, true)).Open(output);
        Assert.ThrowsAny<OperationCanceledException>(() => session.Run(new Progress(p =>
        {
            if (p.Done >= 3)
            {
                cancel.Cancel();
            }
        }), cancel.Token));
        var kept = File.ReadAllLines(session.ResultsFile).Length - 1;
        Assert.InRange(kept, 3, 39);
        Assert.Equal(2, session.WriteOutputs().Count);
        Assert.Contains("summary", File.ReadAllText(Path.Combine(output, "index.html")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Jobs_below_one_are_a_programming_error_the_front_end_reports_first()
    {
        using var dir = new TempDirectory("nm-studyrun");
        Assert.Throws<ArgumentOutOfRangeException>(() => StudyRun.Prepare(new StudyRequest(Study(dir), ShardSpec.All, 0, true)));
    }

    [Fact]
    public void Shards_run_apart_merge_into_the_whole_study()
    {
        using var dir = new TempDirectory("nm-studyrun");
        var spec = Study(dir, points: 5);
        var shards = new List<string>();
        foreach (var shard in new[] { new ShardSpec(1, 2), new ShardSpec(2, 2) })
        {
            var output = Path.Combine(dir, $"shard{shard.Index}");
            Directory.CreateDirectory(output);
            using var session = StudyRun.Prepare(new StudyRequest(spec, shard, 1, true)).Open(output);
            Assert.Equal(shard.Index == 1 ? 3 : 2, session.Total);
            session.Run();
            shards.Add(output);
        }

        Assert.Equal(spec.Fingerprint, StudyMerge.ReadStudy(shards).Fingerprint);
        var merged = Path.Combine(dir, "merged");
        Directory.CreateDirectory(merged);
        var result = StudyMerge.Merge(spec, shards, merged);
        Assert.Equal(5, result.Runs);
        Assert.Equal(["summary.csv", "index.html"], result.Files.Select(Path.GetFileName));
        Assert.Equal(6, File.ReadAllLines(Path.Combine(merged, "results.csv")).Length);
    }

    private sealed class Progress(Action<StudyProgress> report) : IProgress<StudyProgress>
    {
        public void Report(StudyProgress value) => report(value);
    }
}
