namespace Neuromorph.Io;

/// <summary>
/// The files of an output folder as a run sees them: listed relative to the folder (with '/'), leaving out the
/// <see cref="RunManifest"/> itself and the temporary files of writes in progress; which of them changed since a
/// snapshot (what a run wrote); and deleting the files a manifest lists, never anything outside the folder.
/// </summary>
public static class RunFolderFiles
{
    /// <summary>The files under <paramref name="directory"/> (recursively), relative, sorted; empty when it does not exist.</summary>
    public static IReadOnlyList<string> List(string directory) => [.. Snapshot(directory).Keys.Order(StringComparer.Ordinal)];

    /// <summary>Size and last write time of every file under <paramref name="directory"/>, by relative path.</summary>
    public static IReadOnlyDictionary<string, (long Length, DateTime Written)> Snapshot(string directory)
    {
        var files = new Dictionary<string, (long, DateTime)>(StringComparer.Ordinal);
        if (!Directory.Exists(directory))
        {
            return files;
        }

        foreach (var full in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(directory, full).Replace(Path.DirectorySeparatorChar, '/');
            var name = Path.GetFileName(full);
            if (relative == RunManifest.FileName || name.StartsWith(".neuromorph-write-probe-", StringComparison.Ordinal) || name.EndsWith(".tmp", StringComparison.Ordinal))
            {
                continue;
            }

            var info = new FileInfo(full);
            files[relative] = (info.Length, info.LastWriteTimeUtc);
        }

        return files;
    }

    /// <summary>The files under <paramref name="directory"/> that are new or changed since <paramref name="before"/>, relative, sorted.</summary>
    public static IReadOnlyList<string> WrittenSince(string directory, IReadOnlyDictionary<string, (long Length, DateTime Written)> before)
    {
        ArgumentNullException.ThrowIfNull(before);
        return [.. Snapshot(directory).Where(f => !before.TryGetValue(f.Key, out var old) || old != f.Value).Select(f => f.Key).Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Deletes the files <paramref name="relativePaths"/> under <paramref name="directory"/> (a path that leads outside
    /// it is skipped), then the manifest, then sub-folders left empty; returns how many files were deleted.
    /// </summary>
    public static int Delete(string directory, IEnumerable<string> relativePaths)
    {
        ArgumentNullException.ThrowIfNull(relativePaths);
        var root = Path.GetFullPath(directory);
        var prefix = Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar;
        var deleted = 0;
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var relative in relativePaths.Append(RunManifest.FileName))
        {
            var full = Path.GetFullPath(Path.Combine(root, relative));
            if (!full.StartsWith(prefix, StringComparison.Ordinal) || !File.Exists(full))
            {
                continue;
            }

            File.Delete(full);
            deleted++;
            for (var folder = Path.GetDirectoryName(full); folder is not null && folder.StartsWith(prefix, StringComparison.Ordinal); folder = Path.GetDirectoryName(folder))
            {
                folders.Add(folder);
            }
        }

        foreach (var folder in folders.OrderByDescending(f => f.Length))
        {
            OutputLocation.RemoveIfEmpty(folder);
        }

        return deleted;
    }
}
