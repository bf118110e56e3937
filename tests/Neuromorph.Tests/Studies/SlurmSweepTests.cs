using Neuromorph.Cli.Commands;
using Neuromorph.Diagnostics;
using Neuromorph.Studies.Cluster;
using Neuromorph.Tests.Cli;
using Neuromorph.Tests.Support;
using Xunit.Abstractions;

namespace Neuromorph.Tests.Studies;

/// <summary>
/// <c>neuromorph sweep STUDY --slurm N</c>: the scripts it writes, its refusals, and a real single-node Slurm cluster
/// (scripts/slurm-local.sh, started by scripts/test.sh) running a study with one array task cancelled and resubmitted,
/// merged to the same results as a run here.
/// </summary>
public class SlurmSweepTests(ITestOutputHelper output)
{
    private static readonly string Study = RepoPaths.InRepo("circuits", "study_switching.yaml");

    [Fact]
    public void The_array_script_runs_one_shard_per_task_and_the_merge_script_merges_them_all()
    {
        var plan = new SlurmPlan("/data/my study.yaml", "/runs/out", 4, ["/usr/bin/dotnet", "/opt/nm/Neuromorph.Cli.dll"], ["--backend", "cpu", "--plot-format", "svg"], "nm-s");
        var array = plan.ArrayScript();
        Assert.StartsWith("#!/bin/bash\n", array, StringComparison.Ordinal);
        Assert.Contains("#SBATCH --array=1-4\n", array, StringComparison.Ordinal);
        Assert.Contains("#SBATCH --output=/runs/out/slurm/logs/shard-%a.out\n", array, StringComparison.Ordinal);
        Assert.Contains("exec /usr/bin/dotnet /opt/nm/Neuromorph.Cli.dll sweep '/data/my study.yaml' --shard \"${SLURM_ARRAY_TASK_ID}/4\" --jobs \"${SLURM_CPUS_PER_TASK:-1}\" -o /runs/out/shard-\"${SLURM_ARRAY_TASK_ID}\" --backend cpu --plot-format svg\n", array, StringComparison.Ordinal);
        var merge = plan.MergeScript();
        Assert.Contains("#SBATCH --job-name=nm-s-merge\n", merge, StringComparison.Ordinal);
        Assert.Contains("sweep merge /runs/out/shard-1 /runs/out/shard-2 /runs/out/shard-3 /runs/out/shard-4 -o /runs/out/merged --plot-format svg\n", merge, StringComparison.Ordinal);
        Assert.Equal("'it'\\''s'", SlurmPlan.Quote("it's"));
        Assert.Equal("''", SlurmPlan.Quote(""));
    }

    [Theory]
    [InlineData(new[] { "--slurm", "0" }, "--slurm takes the number of shards")]
    [InlineData(new[] { "--slurm", "2", "--shard", "1/2" }, "--shard and --slurm do not go together")]
    [InlineData(new[] { "--slurm", "2", "--fresh" }, "--fresh does not apply to --slurm")]
    [InlineData(new[] { "--slurm-opt=--partition=x" }, "--slurm is not given")]
    public void Contradictory_flags_are_refused_naming_the_flag(string[] flags, string message)
    {
        var (request, errors) = SweepOptions.Parse([Study, .. flags]);
        Assert.Null(request);
        Assert.Contains(message, Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_sbatch_or_when_the_cluster_refuses_nothing_is_left_behind()
    {
        using var dir = new TempDirectory("nm-slurm-bad");
        var outDir = Path.Combine(dir, "study");
        var plan = new SlurmPlan(Study, outDir, 2, ["neuromorph"], [], "nm-s");
        var missing = Assert.Throws<UserInputException>(() => SlurmSubmitter.Submit(plan, [], Path.Combine(dir, "no-sbatch")));
        Assert.Contains("not on PATH", missing.Diagnostic.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir), "the refused submission left its folder");

        // an sbatch that refuses the job the way Slurm does for an unknown partition
        var fake = Path.Combine(dir, "sbatch");
        File.WriteAllText(fake, "#!/bin/sh\necho 'sbatch: error: Batch job submission failed: Invalid partition name specified' >&2\nexit 1\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var refused = Assert.Throws<UserInputException>(() => SlurmSubmitter.Submit(plan, ["--partition=nope"], fake));
        Assert.Equal("the cluster refused the job: sbatch: error: Batch job submission failed: Invalid partition name specified", refused.Diagnostic.Message);
        Assert.False(Directory.Exists(outDir), "the refused submission left its folder");

        // a folder that already holds a submission is refused with how to resubmit
        Directory.CreateDirectory(Path.Combine(outDir, "slurm"));
        var twice = Assert.Throws<UserInputException>(() => SlurmSubmitter.Submit(plan, [], fake));
        Assert.Contains("already holds a Slurm submission", twice.Diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("sbatch --array=K", twice.Diagnostic.Hint, StringComparison.Ordinal);
    }

    [Trait("Category", "peer")]
    [Trait("Category", "slow")]
    [SkippableFact]
    public void A_study_on_slurm_with_a_task_cancelled_and_resubmitted_merges_to_the_local_results()
    {
        Requires.Slurm();
        using var dir = new TempDirectory("nm-slurm");
        var outDir = Path.Combine(dir, "cluster");

        // held, so that task 2 can be cancelled before it runs; then released
        var (code, stdout, stderr) = CliHarness.Run("sweep", Study, "--slurm", "3", "-o", outDir, "--plot-format", "none", "--slurm-opt=--hold");
        Assert.True(code == 0, stderr);
        output.WriteLine(stdout);
        var jobs = File.ReadAllLines(Path.Combine(outDir, "slurm", "jobs.txt")).ToDictionary(l => l.Split(' ')[0], l => l.Split(' ')[1]);
        Peers.Slurm.Run("scancel", $"{jobs["array"]}_2");
        Peers.Slurm.Run("scontrol", "release", jobs["array"]);
        WaitUntil(() => Peers.Slurm.Run("squeue", "-h", "-j", jobs["array"]).Trim().Length == 0, "the array");
        Assert.True(File.Exists(Path.Combine(outDir, "shard-1", "results.csv")));
        Assert.False(File.Exists(Path.Combine(outDir, "shard-2", "results.csv")), "the cancelled task ran");

        // the merge job can no longer start (afterok on a cancelled task); resubmit task 2 and the merge as the hint says
        Peers.Slurm.Run("scancel", jobs["merge"]);
        Peers.Slurm.Run("sbatch", "--array=2", Path.Combine(outDir, "slurm", "array.sh"));
        WaitUntil(() => File.Exists(Path.Combine(outDir, "shard-2", "run.json")) && Peers.Slurm.Run("squeue", "-h", "-n", "nm-switching-time").Trim().Length == 0, "the resubmitted task");
        Peers.Slurm.Run("sbatch", Path.Combine(outDir, "slurm", "merge.sh"));
        WaitUntil(() => Peers.Slurm.Run("squeue", "-h", "-n", "nm-switching-time-merge").Trim().Length == 0, "the merge");

        var local = Path.Combine(dir, "local");
        Assert.Equal(0, CliHarness.Run("sweep", Study, "-o", local, "--plot-format", "none").ExitCode);
        Assert.Equal(Rows(Path.Combine(local, "results.csv")), Rows(Path.Combine(outDir, "merged", "results.csv")));
        Assert.Equal(File.ReadAllText(Path.Combine(local, "summary.csv")), File.ReadAllText(Path.Combine(outDir, "merged", "summary.csv")));
    }

    /// <summary>results.csv rows without the wall time, sorted by point.</summary>
    private static string[] Rows(string csv)
    {
        var lines = File.ReadAllLines(csv);
        var wall = lines[0].Split(',').ToList().IndexOf("wall_s");
        return [.. lines.Select(l => string.Join(',', l.Split(',').Where((_, i) => i != wall))).OrderBy(l => l, StringComparer.Ordinal)];
    }

    private static void WaitUntil(Func<bool> done, string what)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!done())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(120), $"{what} did not finish in 120 s");
            Thread.Sleep(500);
        }
    }
}
