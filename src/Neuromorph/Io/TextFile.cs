using System.Text;
using Neuromorph.Diagnostics;

namespace Neuromorph.Io;

/// <summary>
/// Reads a file that must be text: a binary file (one with NUL bytes, or bytes that are not UTF-8) is a located error
/// naming what was expected, instead of garbage read as text.
/// </summary>
public static class TextFile
{
    /// <summary>
    /// The text of <paramref name="path"/> (without a byte-order mark); <paramref name="kind"/> names what it should be ("CSV file") and
    /// <paramref name="hint"/> what to give instead. The error points at the first offending byte.
    /// </summary>
    public static string Read(string path, string kind, string hint)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Decode(File.ReadAllBytes(path), path, kind, hint);
    }

    /// <summary>
    /// The text of <paramref name="path"/> as <see cref="Read"/> gives it, or a <see cref="UserInputException"/> at the path
    /// with <paramref name="notFound"/> and <paramref name="notFoundHint"/> when there is no such file.
    /// </summary>
    public static string ReadExisting(string path, string kind, string hint, string notFound, string notFoundHint)
    {
        ArgumentNullException.ThrowIfNull(path);
        return File.Exists(path) ? Read(path, kind, hint) : throw new UserInputException(new SourceLocation(path, 0, 0), notFound, notFoundHint);
    }

    /// <summary>
    /// <paramref name="bytes"/> of file <paramref name="file"/> as UTF-8 text (without a byte-order mark), or a located
    /// error at the first NUL byte (hint <paramref name="hint"/>) or the first byte that is not UTF-8 (hint
    /// <paramref name="encodingHint"/>, or <paramref name="hint"/> when null).
    /// </summary>
    public static string Decode(byte[] bytes, string file, string kind, string hint, string? encodingHint = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var nul = Array.IndexOf(bytes, (byte)0);
        if (nul >= 0)
        {
            throw new UserInputException(At(file, bytes, nul), $"not a text {kind} (the file contains NUL bytes)", hint);
        }

        try
        {
            // a byte-order mark is not part of the text
            var text = new UTF8Encoding(false, true).GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException e)
        {
            throw new UserInputException(At(file, bytes, Math.Max(0, e.Index)), $"not a text {kind} (invalid UTF-8)", encodingHint ?? hint);
        }
    }

    /// <summary>Line and column (in bytes, 1-based) of byte <paramref name="offset"/>.</summary>
    private static SourceLocation At(string path, byte[] bytes, int offset)
    {
        offset = Math.Min(offset, bytes.Length);
        var line = 1 + bytes.AsSpan(0, offset).Count((byte)'\n');
        var start = bytes.AsSpan(0, offset).LastIndexOf((byte)'\n') + 1;
        return new SourceLocation(path, line, offset - start + 1);
    }
}
