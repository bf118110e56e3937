using Neuromorph.Diagnostics;
using Neuromorph.Io;

namespace Neuromorph.Cli;

/// <summary>
/// Why a run may not write into a folder, in words with the flags that go on: a folder holding another run's files (its
/// <c>run.json</c>) or files no Neuromorph run wrote is refused unless <c>--overwrite</c> was given; the identical command
/// (same arguments, same input contents) re-run into the folder it owns, with nothing else there, replaces its own
/// files; a study folder may hold only a study.
/// </summary>
internal static class RunFolderRefusal
{
    /// <summary>Checks a folder for a new run; returns the manifest of the run whose files it holds (null when none).</summary>
    public static RunManifest? Check(RunFolder folder, bool overwrite)
    {
        var files = RunFolderFiles.List(folder.Directory);
        var manifestFile = File.Exists(Path.Combine(folder.Directory, RunManifest.FileName));
        if (!manifestFile && files.Count == 0)
        {
            return null;
        }

        var previous = RunManifest.TryRead(folder.Directory);
        if (overwrite)
        {
            return previous;
        }

        var where = $"{folder.Option} '{folder.Shown}'";
        if (previous is null)
        {
            var foreign = manifestFile ? files.Prepend(RunManifest.FileName).ToList() : files;
            throw new UserInputException(
                $"{where} holds {Files(foreign.Count)} not written by a Neuromorph run (e.g. '{foreign[0]}'); a run writes only into a new or empty folder, or one it owns",
                "write to another directory with -o DIR, or add --overwrite to write beside them (none of them is deleted; one named like an output is replaced)");
        }

        var others = files.Except(previous.Files, StringComparer.Ordinal).Count();
        var same = previous.CommandLine.SequenceEqual(folder.CommandLine, StringComparer.Ordinal)
            && previous.Inputs.Select(i => i.Sha256).SequenceEqual(folder.HashInputs().Select(i => i.Sha256), StringComparer.Ordinal);
        if (same && others == 0)
        {
            // the identical command (same arguments, same input contents) re-run into the folder it owns replaces its
            // own files, as a simulator re-run does; nothing of another run or of the user's is in the folder
            return previous;
        }

        var what = same ? "the output of this same command" : $"the output of another run ('{string.Join(' ', previous.CommandLine)}')";
        var when = previous.Ended is { } ended ? $"{previous.Status.Name()} {RunManifest.Iso(ended)}" : $"{previous.Status.Name()} since {RunManifest.Iso(previous.Started)}";
        throw new UserInputException(
            $"{where} holds {what} ({when}; {Files(previous.Files.Count)} in its {RunManifest.FileName}{(others > 0 ? $", {Files(others)} besides" : "")}); a run never replaces another run's results unasked",
            $"add --overwrite to replace them (only the files its {RunManifest.FileName} lists are deleted), or write to another directory with -o DIR");
    }

    /// <summary>Checks a study folder (resumed by design, checked further by the study's results store): only another command's output is refused.</summary>
    public static RunManifest? CheckStudy(RunFolder folder)
    {
        var previous = RunManifest.TryRead(folder.Directory);
        if (previous is null)
        {
            return null;
        }

        if (previous.CommandLine.Count < 2 || previous.CommandLine[1] != "sweep" || previous.CommandLine.Count > 2 && previous.CommandLine[2] == "merge")
        {
            throw new UserInputException(
                $"{folder.Option} '{folder.Shown}' holds the output of another command ('{string.Join(' ', previous.CommandLine)}'), not a study",
                "write the study to another directory with -o DIR");
        }

        return previous;
    }

    private static string Files(int n) => n == 1 ? "1 file" : $"{n} files";
}
