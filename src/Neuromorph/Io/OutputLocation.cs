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
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Full(path, option);
        if (File.Exists(full))
        {
            throw new UserInputException($"{option} '{path}' is an existing file, but output goes into a directory", "name a directory (it is created if missing), e.g. -o out/run1");
        }

        Create(full, path, option);
        Probe(full, path, option);
        return full;
    }

    /// <summary>Probes that the file <paramref name="path"/> can be written (its folder created if needed); returns its full path.</summary>
    public static string PrepareFile(string path, string option = "-o")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Full(path, option);
        if (Directory.Exists(full))
        {
            throw new UserInputException($"{option} '{path}' is a directory, but a file is written there", "name a file, e.g. -o out/plot.png");
        }

        var folder = Path.GetDirectoryName(full) ?? ".";
        if (File.Exists(folder))
        {
            throw new UserInputException($"{option} '{path}': '{folder}' is a file, not a directory", "put the output under a directory");
        }

        Create(folder, path, option);
        Probe(folder, path, option);
        return full;
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
