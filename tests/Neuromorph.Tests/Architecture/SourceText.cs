using System.Text;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Architecture;

/// <summary>One line of C# source with comments and the contents of string and character literals blanked out (columns kept).</summary>
/// <param name="File">Path relative to the repository root, with '/' separators.</param>
/// <param name="Number">1-based line number.</param>
/// <param name="Code">The line's code: comments and literal contents are spaces, so a pattern matches code only.</param>
/// <param name="Text">The line as written.</param>
public sealed record SourceLine(string File, int Number, string Code, string Text)
{
    /// <summary>"file:line: text" for a failure message.</summary>
    public override string ToString() => $"{File}:{Number}: {Text.Trim()}";
}

/// <summary>
/// The C# sources of the shipped projects (src/ and kernels/, without bin/ and obj/) as code lines for source-text rules,
/// the rules that a compiled-dependency check cannot see (how a seed is derived, how a type is named).
/// </summary>
public static class SourceText
{
    private static readonly Lazy<IReadOnlyList<SourceLine>> All = new(Load);

    /// <summary>Every code line of src/**/*.cs and kernels/**/*.cs.</summary>
    public static IReadOnlyList<SourceLine> Lines => All.Value;

    /// <summary>The code lines of one file's text (comments and literal contents blanked).</summary>
    public static IEnumerable<SourceLine> Lex(string file, string text)
    {
        var code = StripCommentsAndLiterals(text).Split('\n');
        var raw = text.Split('\n');
        for (var i = 0; i < code.Length; i++)
        {
            yield return new SourceLine(file, i + 1, code[i].TrimEnd('\r'), raw[i].TrimEnd('\r'));
        }
    }

    private static List<SourceLine> Load()
    {
        var result = new List<SourceLine>();
        foreach (var top in new[] { "src", "kernels" })
        {
            var root = RepoPaths.InRepo(top);
            foreach (var path in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(RepoPaths.Root, path).Replace('\\', '/');
                if (relative.Split('/').Any(part => part is "bin" or "obj"))
                {
                    continue;
                }

                result.AddRange(Lex(relative, File.ReadAllText(path)));
            }
        }

        return result;
    }

    /// <summary>
    /// Replaces comments and the contents of string and character literals with spaces (newlines kept): a small lexer for
    /// //, /* */, "…", @"…", $"…" (the holes of interpolated strings are blanked too), """raw""" and '…'.
    /// </summary>
    public static string StripCommentsAndLiterals(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        var i = 0;
        void Blank(int end)
        {
            for (; i < end && i < text.Length; i++)
            {
                sb.Append(text[i] == '\n' ? '\n' : ' ');
            }
        }

        while (i < text.Length)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (c == '/' && next == '/')
            {
                var end = text.IndexOf('\n', i);
                Blank(end < 0 ? text.Length : end);
            }
            else if (c == '/' && next == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                Blank(end < 0 ? text.Length : end + 2);
            }
            else if (c == '"' || ((c == '@' || c == '$') && (next == '"' || ((next == '@' || next == '$') && i + 2 < text.Length && text[i + 2] == '"'))))
            {
                var start = i;
                while (text[i] != '"')
                {
                    sb.Append(text[i++]);
                }

                var verbatim = text.AsSpan(start, i - start).Contains('@');
                var quotes = 0;
                while (i + quotes < text.Length && text[i + quotes] == '"')
                {
                    quotes++;
                }

                if (quotes >= 3)
                {
                    // raw string literal: ends at the same number of quotes
                    var fence = new string('"', quotes);
                    var end = text.IndexOf(fence, i + quotes, StringComparison.Ordinal);
                    sb.Append('"');
                    i++;
                    Blank(end < 0 ? text.Length : end + quotes - 1);
                    if (i < text.Length)
                    {
                        sb.Append(text[i++]);
                    }

                    continue;
                }

                sb.Append('"');
                i++;
                while (i < text.Length)
                {
                    if (!verbatim && text[i] == '\\')
                    {
                        Blank(i + 2);
                    }
                    else if (text[i] == '"' && verbatim && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        Blank(i + 2);
                    }
                    else if (text[i] == '"' || (!verbatim && text[i] == '\n'))
                    {
                        break;
                    }
                    else
                    {
                        Blank(i + 1);
                    }
                }

                if (i < text.Length)
                {
                    sb.Append(text[i++]);
                }
            }
            else if (c == '\'')
            {
                sb.Append(c);
                i++;
                while (i < text.Length && text[i] != '\'' && text[i] != '\n')
                {
                    Blank(text[i] == '\\' ? i + 2 : i + 1);
                }

                if (i < text.Length)
                {
                    sb.Append(text[i++]);
                }
            }
            else
            {
                sb.Append(c);
                i++;
            }
        }

        return sb.ToString();
    }
}
