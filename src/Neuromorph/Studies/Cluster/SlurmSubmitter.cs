using System.ComponentModel;
using System.Diagnostics;
using Neuromorph.Diagnostics;
using Neuromorph.Io;

namespace Neuromorph.Studies.Cluster;

/// <summary>The jobs a submission made.</summary>
/// <param name="ArrayJob">The job-array's id.</param>
/// <param name="MergeJob">The merge job's id (it depends on the array with <c>afterok</c>).</param>
public sealed record SlurmJobs(string ArrayJob, string MergeJob);

/// <summary>
/// Writes a <see cref="SlurmPlan"/>'s scripts and submits them with <c>sbatch</c>: the array, then the merge job with
/// <c>--dependency=afterok:ARRAY</c>. Options given by the user go to both <c>sbatch</c> calls. Nothing is left
/// half-written: the scripts appear together, and a submission that fails removes them (and cancels an array that was
/// accepted when its merge job is refused). Causes are user errors (exit 2): no <c>sbatch</c>, a cluster that refuses
/// the job (with sbatch's own line, e.g. an invalid partition), a folder that already holds a submission.
/// </summary>
public static class SlurmSubmitter
{
    /// <summary>How long one sbatch call may take.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>Writes the scripts of <paramref name="plan"/> and submits them; <paramref name="sbatchOptions"/> pass through to sbatch.</summary>
    public static SlurmJobs Submit(SlurmPlan plan, IReadOnlyList<string> sbatchOptions, string sbatch = "sbatch")
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(sbatchOptions);
        if (Directory.Exists(plan.ScriptFolder))
        {
            throw new UserInputException($"{plan.Output} already holds a Slurm submission ({plan.ArrayScriptPath})",
                $"resubmit a task that failed with 'sbatch --array=K {plan.ArrayScriptPath}' (it resumes) and then 'sbatch {plan.MergeScriptPath}', or submit into another folder with -o");
        }

        var createdOutput = !Directory.Exists(plan.Output);
        var staging = plan.ScriptFolder + ".partial";
        try
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, true);
            }

            Directory.CreateDirectory(Path.Combine(staging, "logs"));
            AtomicFile.WriteAllText(Path.Combine(staging, "array.sh"), plan.ArrayScript());
            AtomicFile.WriteAllText(Path.Combine(staging, "merge.sh"), plan.MergeScript());
            Directory.Move(staging, plan.ScriptFolder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"cannot write the Slurm scripts into {plan.Output}: {ex.Message}", "check the folder's permissions, or choose another with -o");
        }

        string? array = null;
        try
        {
            array = Sbatch(sbatch, [.. sbatchOptions, plan.ArrayScriptPath]);
            var merge = Sbatch(sbatch, [.. sbatchOptions, "--dependency=afterok:" + array, plan.MergeScriptPath]);
            AtomicFile.WriteAllText(Path.Combine(plan.ScriptFolder, "jobs.txt"), $"array {array}\nmerge {merge}\n");
            return new SlurmJobs(array, merge);
        }
        catch
        {
            if (array is not null)
            {
                TryCancel(array);
            }

            Directory.Delete(plan.ScriptFolder, true);
            if (createdOutput && Directory.Exists(plan.Output) && !Directory.EnumerateFileSystemEntries(plan.Output).Any())
            {
                Directory.Delete(plan.Output);
            }

            throw;
        }
    }

    /// <summary>Runs <c>sbatch --parsable ARGS</c> and returns the job id; a refusal is a user error with sbatch's message.</summary>
    private static string Sbatch(string sbatch, IReadOnlyList<string> args)
    {
        var psi = new ProcessStartInfo(sbatch) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("--parsable");
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        Process? p;
        try
        {
            p = Process.Start(psi);
        }
        catch (Win32Exception)
        {
            throw new UserInputException($"--slurm needs Slurm's '{sbatch}', which is not on PATH", "run on a cluster login node (or install slurm-wlm); without --slurm the study runs here");
        }

        using (p)
        {
            var stdout = p!.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(Patience))
            {
                p.Kill(true);
                throw new UserInputException($"sbatch did not answer in {Patience.TotalSeconds:0} s", "check that the cluster's controller is up (sinfo)");
            }

            var id = stdout.Result.Trim().Split(';')[0];
            if (p.ExitCode != 0 || id.Length == 0 || !id.All(char.IsAsciiDigit))
            {
                var why = stderr.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? $"exit code {p.ExitCode}";
                throw new UserInputException($"the cluster refused the job: {why}", "check --slurm-opt (partition, account, time limit) with sinfo and your site's documentation");
            }

            return id;
        }
    }

    private static void TryCancel(string job)
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("scancel", [job]) { RedirectStandardOutput = true, RedirectStandardError = true });
            p?.WaitForExit(Patience);
        }
        catch (Win32Exception)
        {
            // no scancel: the array stays queued; the caller's error says the submission failed
        }
    }
}
