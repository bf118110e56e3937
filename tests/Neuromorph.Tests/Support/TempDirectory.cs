namespace Neuromorph.Tests.Support;

/// <summary>
/// A fresh directory under the system temporary folder, deleted with everything in it when disposed
/// (<c>using var dir = new TempDirectory("nm-x");</c>). Converts to its path wherever a string is expected.
/// </summary>
public sealed class TempDirectory : IDisposable
{
    /// <summary>Creates the directory with a name starting with <paramref name="prefix"/>.</summary>
    public TempDirectory(string prefix = "nm-") => Path = Directory.CreateTempSubdirectory(prefix).FullName;

    /// <summary>Full path of the directory.</summary>
    public string Path { get; }

    /// <summary>The path.</summary>
    public static implicit operator string(TempDirectory d) => d?.Path ?? throw new ArgumentNullException(nameof(d));

    /// <inheritdoc />
    public override string ToString() => Path;

    /// <summary>Deletes the directory and its contents (best effort: a file still open elsewhere is left).</summary>
    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
