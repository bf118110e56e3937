using System.Security.Cryptography;

namespace Neuromorph.Io;

/// <summary>An input file of a run, by its full path and the SHA-256 of its content (lower-case hex).</summary>
/// <param name="Path">The file's full path.</param>
/// <param name="Sha256">SHA-256 of the file's bytes, lower-case hexadecimal.</param>
public sealed record RunInput(string Path, string Sha256)
{
    /// <summary>Hashes the file <paramref name="path"/>.</summary>
    public static RunInput Of(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.GetFullPath(path);
        using var stream = File.OpenRead(full);
        return new RunInput(full, Convert.ToHexStringLower(SHA256.HashData(stream)));
    }
}
