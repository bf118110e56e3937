using System.Collections.Concurrent;
using System.Text;

namespace Neuromorph.Io;

/// <summary>
/// Writes files so that readers never see half-written results: content goes to a temporary file in the same
/// directory, is flushed to disk, then renamed over the target (atomic on POSIX file systems).
/// </summary>
public static class AtomicFile
{
    private static readonly ConcurrentDictionary<string, byte> InFlight = new();

    /// <summary>Writes <paramref name="content"/> as UTF-8 (no BOM).</summary>
    public static void WriteAllText(string path, string content) => WriteStream(path, s =>
    {
        var bytes = new UTF8Encoding(false).GetBytes(content);
        s.Write(bytes);
    });

    /// <summary>Writes <paramref name="content"/> as it is (images and other binary files).</summary>
    public static void WriteAllBytes(string path, ReadOnlyMemory<byte> content) => WriteStream(path, s => s.Write(content.Span));

    /// <summary>Writes through a text writer.</summary>
    public static void Write(string path, Action<TextWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        WriteStream(path, s =>
        {
            using var w = new StreamWriter(s, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
            write(w);
        });
    }

    /// <summary>Writes through a stream (large binary files).</summary>
    public static void WriteStream(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var tmp = $"{full}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        InFlight[tmp] = 0;
        try
        {
            using (var s = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write))
            {
                write(s);
                s.Flush(true);
            }

            File.Move(tmp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(tmp))
            {
                File.Delete(tmp);
            }

            InFlight.TryRemove(tmp, out _);
        }
    }

    /// <summary>
    /// Deletes the temporary files of writes still in progress (a process stopped by the user mid-write calls this on
    /// its way out, so no half-written <c>*.tmp</c> is left beside the results). Returns how many were removed.
    /// </summary>
    public static int DeleteUnfinished()
    {
        var removed = 0;
        foreach (var tmp in InFlight.Keys)
        {
            try
            {
                if (File.Exists(tmp))
                {
                    File.Delete(tmp);
                    removed++;
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return removed;
    }
}
