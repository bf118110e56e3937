using Neuromorph.Diagnostics;
using Neuromorph.Io;
using Neuromorph.Numerics.Randomness;
using Neuromorph.Studies;
using Neuromorph.Studies.Reporting;

namespace Neuromorph.Tests.Studies;

public class ResultsStoreTests
{
    private const string Study = """
        study: quad
        base: { netlist: base.cir }
        parameters:
          - { name: a, linspace: [0, 1, 5] }
          - { name: b, list: [1, 2, 3] }
        replicates: 3
        seed: 11
        metrics:
          - { name: f, final: v(a) }
          - { name: g, final: v(b) }
        """;

    private static IReadOnlyDictionary<string, double> Evaluate(StudyPoint run, CancellationToken _)
    {
        if (run.PointId == 4 && run.Replicate == 1)
        {
            throw new SimulationException("timestep too small at t = 1 ms");
        }

        var noise = new RandomStream((int)(run.Seed % int.MaxValue)).NextDouble();
        return new Dictionary<string, double> { ["f"] = (run.Parameters["a"] * run.Parameters["b"]) + noise, ["g"] = run.Seed % 1000 };
    }

    private static string RunAll(StudyFixtures fx, StudySpec spec, string name, ShardSpec shard)
    {
        var dir = Path.Combine(fx.Directory, name);
        using var store = ResultsStore.Open(dir, spec, shard, resume: true);
        StudyRunner.Run(spec, store, shard, Evaluate, jobs: 2);
        return dir;
    }

    private static string Sorted(string dir) => string.Join("\n", File.ReadAllLines(Path.Combine(dir, "results.csv")).Skip(1)
        .Select(l => string.Join(",", CsvRow.Parse(l).SkipLast(1))).Order(StringComparer.Ordinal));

    [Fact]
    public void Failed_runs_are_recorded_and_do_not_stop_the_sweep()
    {
        using var fx = new StudyFixtures();
        var spec = fx.Spec(Study);
        var dir = Path.Combine(fx.Directory, "all");
        using var store = ResultsStore.Open(dir, spec, ShardSpec.All, resume: true);
        var report = StudyRunner.Run(spec, store, ShardSpec.All, Evaluate, jobs: 2);
        Assert.Equal(45, report.Executed);
        Assert.Equal(1, report.Failed);
        var lines = File.ReadAllLines(Path.Combine(dir, "results.csv"));
        Assert.Equal(46, lines.Length);
        Assert.Contains(lines, l => l.Contains("failed", StringComparison.Ordinal) && l.Contains("timestep too small", StringComparison.Ordinal));
    }

    [Fact]
    public void Shards_merged_equal_the_unsharded_run()
    {
        using var fx = new StudyFixtures();
        var spec = fx.Spec(Study);
        var whole = RunAll(fx, spec, "whole", ShardSpec.All);
        var shards = Enumerable.Range(1, 3).Select(i => RunAll(fx, spec, $"s{i}", new ShardSpec(i, 3))).ToList();
        var merged = Path.Combine(fx.Directory, "merged");
        var rows = ShardMerger.Merge(spec, shards, merged);
        Assert.Equal(Sorted(whole), Sorted(merged));
        var files = StudyOutputs.Write(spec, rows, merged);
        Assert.Contains(Path.Combine(merged, "summary.csv"), files);
        Assert.Contains(Path.Combine(merged, "index.html"), files);
        Assert.All(files, f => Assert.True(new FileInfo(f).Length > 0, f));
    }

    [Fact]
    public void Merge_rejects_missing_duplicate_and_foreign_shards()
    {
        using var fx = new StudyFixtures();
        var spec = fx.Spec(Study);
        var s1 = RunAll(fx, spec, "s1", new ShardSpec(1, 2));
        var s2 = RunAll(fx, spec, "s2", new ShardSpec(2, 2));
        Assert.Contains("missing", Assert.Throws<UserInputException>(() => ShardMerger.Merge(spec, [s1], Path.Combine(fx.Directory, "m1"))).Message, StringComparison.Ordinal);
        var copy = Path.Combine(fx.Directory, "s1copy");
        Directory.CreateDirectory(copy);
        foreach (var f in Directory.GetFiles(s1))
        {
            File.Copy(f, Path.Combine(copy, Path.GetFileName(f)));
        }

        Assert.Contains("appears both", Assert.Throws<UserInputException>(() => ShardMerger.Merge(spec, [s1, s2, copy], Path.Combine(fx.Directory, "m2"))).Message, StringComparison.Ordinal);
        var other = fx.Spec(Study.Replace("seed: 11", "seed: 12", StringComparison.Ordinal));
        Assert.Contains("not 'quad'", Assert.Throws<UserInputException>(() => ShardMerger.Merge(other, [s1, s2], Path.Combine(fx.Directory, "m3"))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resume_cuts_a_partial_last_line_and_redoes_only_unfinished_runs()
    {
        using var fx = new StudyFixtures();
        var spec = fx.Spec(Study);
        var reference = RunAll(fx, spec, "ref", ShardSpec.All);
        var dir = Path.Combine(fx.Directory, "killed");
        var calls = 0;
        using (var store = ResultsStore.Open(dir, spec, ShardSpec.All, resume: true))
        {
            var limited = new RunEvaluator((run, ct) => Interlocked.Increment(ref calls) > 20 ? throw new OperationCanceledException() : Evaluate(run, ct));
            Assert.ThrowsAny<Exception>(() => StudyRunner.Run(spec, store, ShardSpec.All, limited, jobs: 1));
        }

        File.AppendAllText(Path.Combine(dir, "results.csv"), "21,0,12345,0.5,2,0.");
        calls = 0;
        using (var store = ResultsStore.Open(dir, spec, ShardSpec.All, resume: true))
        {
            Assert.Equal(20, store.Existing.Count);
            var report = StudyRunner.Run(spec, store, ShardSpec.All, (r, ct) =>
            {
                Interlocked.Increment(ref calls);
                return Evaluate(r, ct);
            }, jobs: 2);
            Assert.Equal(26, report.Executed);
        }

        // the failed run (4/1) was retried once, so the resumed directory has one more row for it
        var resumed = File.ReadAllLines(Path.Combine(dir, "results.csv")).Skip(1).Select(l => string.Join(",", CsvRow.Parse(l).SkipLast(1))).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(Sorted(reference), string.Join("\n", resumed));
    }

    [Fact]
    public void A_directory_of_another_study_is_refused()
    {
        using var fx = new StudyFixtures();
        var spec = fx.Spec(Study);
        var dir = RunAll(fx, spec, "d", ShardSpec.All);
        var other = fx.Spec(Study.Replace("replicates: 3", "replicates: 2", StringComparison.Ordinal));
        Assert.Throws<UserInputException>(() => ResultsStore.Open(dir, other, ShardSpec.All, resume: true));
    }
}
