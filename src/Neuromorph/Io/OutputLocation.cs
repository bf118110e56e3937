using Neuromorph.Diagnostics;

namespace Neuromorph.Io;

/// <summary>
/// Checks where a command will write <b>before</b> it computes anything, so a long run never ends in a failed write:
/// an output directory must be a directory (or creatable) and writable; an output file must not name a directory and
/// its folder must be writable. Every problem is one <see cref="UserInputException"/> naming the option and a fix.
/// </summary>
public static class OutputLocation
{
    /// <summary>Creates (if needed) and probes the output directory <paramref name="path"/>; returns its full path.</summary>
    /// <param name="path">The directory the user named (or the command's default).</param>
    /// <param name="option">How the user named it, for the message (e.g. <c>-o</c>).</param>
    public static string PrepareDirectory(string path, string option = "-o")
    {
        var full = CheckDirectory(path, option);
        Create(full, path, option);
        Probe(full, path, option);
        return full;
    }

    /// <summary>
    /// Checks, creating nothing, that the directory <paramref name="path"/> could be created and written (the nearest
    /// existing folder on its path is a writable directory); returns its full path. A command checks its outputs this
    /// way before it reads and runs anything, and creates the directory only when it has something to write.
    /// </summary>
    /// <param name="path">The directory the user named (or the command's default).</param>
    /// <param name="option">How the user named it, for the message (e.g. <c>-o</c>).</param>
    public static string CheckDirectory(string path, string option = "-o")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Full(path, option);
        if (File.Exists(full))
        {
            throw new UserInputException($"{option} '{path}' is an existing file, but output goes into a directory", $"name a directory (it is created if missing), e.g. {option} out/run1");
        }

        Probe(ExistingFolder(full, path, option), path, option);
        return full;
    }

    /// <summary>Probes that the file <paramref name="path"/> can be written (its folder created if needed); returns its full path.</summary>
    public static string PrepareFile(string path, string option = "-o")
    {
        var full = CheckFile(path, option);
        var folder = Path.GetDirectoryName(full) ?? ".";
        Create(folder, path, option);
        Probe(folder, path, option);
        return full;
    }

    /// <summary>Checks, creating nothing, that the file <paramref name="path"/> does not name a directory and that its folder could be created and written; returns its full path.</summary>
    /// <param name="path">The file the user named.</param>
    /// <param name="option">How the user named it, for the message (e.g. <c>-o</c>).</param>
    public static string CheckFile(string path, string option = "-o")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Full(path, option);
        if (Directory.Exists(full) || Path.EndsInDirectorySeparator(path))
        {
            throw new UserInputException($"{option} '{path}' is a directory, but a file is written there", "name a file (its folder is created if missing), not a directory");
        }

        var folder = Path.GetDirectoryName(full) ?? ".";
        Probe(ExistingFolder(folder, path, option), path, option);
        return full;
    }

    /// <summary>Removes the directory <paramref name="full"/> if it exists and is empty (a run that failed before writing leaves nothing behind).</summary>
    public static void RemoveIfEmpty(string full)
    {
        try
        {
            if (Directory.Exists(full) && !Directory.EnumerateFileSystemEntries(full).Any())
            {
                Directory.Delete(full);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // best effort: the failure being reported matters more than the empty folder
        }
    }

    /// <summary>The nearest existing folder on the way up from <paramref name="full"/>; a file on the way is an error.</summary>
    private static string ExistingFolder(string full, string path, string option)
    {
        for (var folder = full; ; folder = Path.GetDirectoryName(folder) ?? folder)
        {
            if (Directory.Exists(folder))
            {
                return folder;
            }

            if (File.Exists(folder))
            {
                throw new UserInputException($"{option} '{path}': '{folder}' is a file, not a directory", "put the output under a directory");
            }

            if (Path.GetDirectoryName(folder) is null)
            {
                throw new UserInputException($"{option} '{path}': no part of the path exists", "use a plain relative or absolute path");
            }
        }
    }

    private static string Full(string path, string option)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new UserInputException($"{option} '{path}' is not a valid path: {ex.Message}", "use a plain relative or absolute path");
        }
    }

    private static void Create(string full, string path, string option)
    {
        try
        {
            Directory.CreateDirectory(full);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"{option} '{path}': cannot create the directory ({ex.Message})", "choose a place you can write to, e.g. under your home or the current directory");
        }
    }

    private static void Probe(string folder, string path, string option)
    {
        var probe = Path.Combine(folder, $".neuromorph-write-probe-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"{option} '{path}': cannot write there ({ex.Message})", "choose a place you can write to, e.g. under your home or the current directory");
        }
    }
}
