using System.Globalization;
using Neuromorph.Studies;
using Neuromorph.Studies.Cluster;

namespace Neuromorph.Cli.Commands;

/// <summary>
/// <c>neuromorph sweep STUDY --slurm N [--slurm-opt OPT]...</c>: checks the study against its base, writes the job-array
/// and merge scripts into the output folder (<see cref="SlurmPlan"/>), submits them (<see cref="SlurmSubmitter"/>) and
/// prints the job ids and where the merged results will be.
/// </summary>
public static class SweepSlurm
{
    /// <summary>Submits <paramref name="request"/>; returns the exit code.</summary>
    public static int Submit(SweepRequest request, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(log);
        var study = StudyRun.Prepare(request.Study, null); // every point is checked here, before anything is queued
        var output = request.Output ?? Path.Combine(Environment.CurrentDirectory, study.Spec.Name);
        var plan = new SlurmPlan(Path.GetFullPath(request.Study.Study.File), output, request.SlurmShards, Invocation(), request.ShardArguments, "nm-" + study.Spec.Name);
        var jobs = SlurmSubmitter.Submit(plan, request.SlurmOptions);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"submitted {study.Spec.Name}: job array {jobs.ArrayJob} ({request.SlurmShards} shards into {plan.Output}/shard-*), merge job {jobs.MergeJob} (after the array succeeds, into {plan.MergedFolder})"));
        log.WriteLine($"  scripts: {plan.ArrayScriptPath}, {plan.MergeScriptPath}; logs in {Path.Combine(plan.ScriptFolder, "logs")}");
        log.WriteLine($"  a task that fails resumes when resubmitted: sbatch --array=K {plan.ArrayScriptPath}; then sbatch {plan.MergeScriptPath}");
        return 0;
    }

    /// <summary>How a compute node starts this neuromorph: the dotnet host and this CLI's assembly, or this executable.</summary>
    private static string[] Invocation()
    {
        var host = Environment.ProcessPath ?? "dotnet";
        var assembly = typeof(SweepSlurm).Assembly.Location;
        return Path.GetFileNameWithoutExtension(host) == "dotnet" && assembly.Length > 0 ? [host, assembly] : [host];
    }
}
