using System.Diagnostics;

namespace Neuromorph.Tests.Peers;

/// <summary>A Slurm cluster reachable with the current SLURM_CONF: sinfo, sbatch, squeue, scancel, scontrol.</summary>
public static class Slurm
{
    /// <summary>Reason used when skipping.</summary>
    public const string Missing = "no Slurm cluster answers sinfo (scripts/test.sh starts one with scripts/slurm-local.sh: apt-get install slurm-wlm munge, as root)";

    /// <summary>True when <c>sinfo</c> reports a node that is up.</summary>
    public static bool IsAvailable { get; } = Answers();

    /// <summary>Runs a Slurm command; returns stdout (throws with stderr on failure).</summary>
    public static string Run(string command, params string[] args)
    {
        using var p = Process.Start(new ProcessStartInfo(command, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(60_000))
        {
            p.Kill();
            throw new TimeoutException($"{command} did not answer in 60 s");
        }

        return p.ExitCode == 0 ? stdout.Result : throw new InvalidOperationException($"{command} {string.Join(' ', args)} failed ({p.ExitCode}): {stderr.Result}");
    }

    private static bool Answers()
    {
        try
        {
            var states = Run("sinfo", "-h", "-o", "%t");
            return states.Split('\n').Any(s => s.StartsWith("idle", StringComparison.Ordinal) || s.StartsWith("mix", StringComparison.Ordinal) || s.StartsWith("alloc", StringComparison.Ordinal));
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or TimeoutException)
        {
            return false;
        }
    }
}
