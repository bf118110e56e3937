using System.Globalization;
using System.Text;

namespace Neuromorph.Studies.Cluster;

/// <summary>
/// What <c>neuromorph sweep STUDY --slurm N</c> submits: a job array of N tasks, task i running shard i/N of the study
/// into <c>OUT/shard-i</c>, and a merge job into <c>OUT/merged</c> that starts when every task has succeeded.
/// </summary>
/// <param name="StudyFile">The study file (full path).</param>
/// <param name="Output">The submission folder (full path): scripts in <c>slurm/</c>, logs in <c>slurm/logs/</c>.</param>
/// <param name="Shards">N, the array's size (≥ 1).</param>
/// <param name="Command">How to start neuromorph on a compute node (full paths: the dotnet host and the CLI assembly, or the executable).</param>
/// <param name="SweepArguments">Flags each shard passes on (backend, precision, plot format), already split into words.</param>
/// <param name="JobName">The jobs' name (the array's; the merge job adds <c>-merge</c>).</param>
public sealed record SlurmPlan(string StudyFile, string Output, int Shards, IReadOnlyList<string> Command, IReadOnlyList<string> SweepArguments, string JobName)
{
    /// <summary>The folder of the scripts.</summary>
    public string ScriptFolder => Path.Combine(Output, "slurm");

    /// <summary>The job-array script.</summary>
    public string ArrayScriptPath => Path.Combine(ScriptFolder, "array.sh");

    /// <summary>The merge script.</summary>
    public string MergeScriptPath => Path.Combine(ScriptFolder, "merge.sh");

    /// <summary>The folder of shard <paramref name="i"/> (1-based).</summary>
    public string ShardFolder(int i) => Path.Combine(Output, "shard-" + i.ToString(CultureInfo.InvariantCulture));

    /// <summary>The folder the merge job writes.</summary>
    public string MergedFolder => Path.Combine(Output, "merged");

    /// <summary>
    /// The job-array script: task <c>$SLURM_ARRAY_TASK_ID</c> runs its shard with as many parallel runs as the task has
    /// CPUs. A task that stopped (time limit, node failure, kill) resumes where it stopped when it is resubmitted
    /// (<c>sbatch --array=K array.sh</c>): every finished run is already in its shard's results.csv.
    /// </summary>
    public string ArrayScript()
    {
        var n = Shards.ToString(CultureInfo.InvariantCulture);
        var s = new StringBuilder();
        s.Append("#!/bin/bash\n");
        s.Append("# Written by neuromorph sweep --slurm: shard $SLURM_ARRAY_TASK_ID of ").Append(n).Append(" of ").Append(StudyFile).Append('\n');
        s.Append("# Resubmit a task that failed with: sbatch --array=K ").Append(ArrayScriptPath).Append(" (it resumes)\n");
        s.Append("#SBATCH --job-name=").Append(JobName).Append('\n');
        s.Append("#SBATCH --array=1-").Append(n).Append('\n');
        s.Append("#SBATCH --output=").Append(Path.Combine(ScriptFolder, "logs", "shard-%a.out")).Append('\n');
        s.Append("set -euo pipefail\n");
        s.Append("exec ").Append(Words(Command)).Append(" sweep ").Append(Quote(StudyFile))
            .Append(" --shard \"${SLURM_ARRAY_TASK_ID}/").Append(n).Append('"')
            .Append(" --jobs \"${SLURM_CPUS_PER_TASK:-1}\"")
            .Append(" -o ").Append(Quote(Path.Combine(Output, "shard-"))).Append("\"${SLURM_ARRAY_TASK_ID}\"");
        if (SweepArguments.Count > 0)
        {
            s.Append(' ').Append(Words(SweepArguments));
        }

        return s.Append('\n').ToString();
    }

    /// <summary>The merge script: <c>neuromorph sweep merge</c> of every shard folder into <see cref="MergedFolder"/>.</summary>
    public string MergeScript()
    {
        var s = new StringBuilder();
        s.Append("#!/bin/bash\n");
        s.Append("# Written by neuromorph sweep --slurm: merges the ").Append(Shards.ToString(CultureInfo.InvariantCulture)).Append(" shards of ").Append(StudyFile).Append('\n');
        s.Append("#SBATCH --job-name=").Append(JobName).Append("-merge\n");
        s.Append("#SBATCH --output=").Append(Path.Combine(ScriptFolder, "logs", "merge.out")).Append('\n');
        s.Append("set -euo pipefail\n");
        s.Append("exec ").Append(Words(Command)).Append(" sweep merge");
        for (var i = 1; i <= Shards; i++)
        {
            s.Append(' ').Append(Quote(ShardFolder(i)));
        }

        s.Append(" -o ").Append(Quote(MergedFolder));
        var plot = SweepArguments.ToList().IndexOf("--plot-format");
        if (plot >= 0 && plot + 1 < SweepArguments.Count)
        {
            s.Append(" --plot-format ").Append(Quote(SweepArguments[plot + 1]));
        }

        return s.Append('\n').ToString();
    }

    /// <summary><paramref name="word"/> quoted for bash (single quotes, with embedded ones escaped).</summary>
    public static string Quote(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "/._-+=:,@%".Contains(c, StringComparison.Ordinal))
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    private static string Words(IEnumerable<string> words) => string.Join(' ', words.Select(Quote));
}
