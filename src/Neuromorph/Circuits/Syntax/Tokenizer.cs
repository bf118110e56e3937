using System.Runtime.CompilerServices;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Syntax;

/// <summary>
/// Splits one physical netlist line into tokens: words (lower-cased), <c>{expressions}</c>, quoted strings,
/// and the punctuation <c>( ) = ,</c>. Comments (<c>;</c> anywhere, <c>$</c> followed by a blank) end the line.
/// </summary>
public static class Tokenizer
{
    /// <summary>Tokenizes <paramref name="text"/>, which starts at column 1 of <paramref name="line"/> in <paramref name="file"/>.</summary>
    public static List<Token> Tokenize(string text, string file, int line, int firstColumn = 1)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Token>(8);
        Tokenize(text, new ColumnLocator(file, line, firstColumn), tokens, null);
        return tokens;
    }

    /// <summary>Tokenizes <paramref name="text"/>; <paramref name="locate"/> gives the file location of each character (continuation lines joined).</summary>
    public static List<Token> Tokenize(string text, Func<int, SourceLocation> locate)
    {
        ArgumentNullException.ThrowIfNull(locate);
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Token>(8);
        Tokenize(text, new FuncLocator(locate), tokens, null);
        return tokens;
    }

    /// <summary>Where a character of the text being tokenized is in its file.</summary>
    internal interface ILocator
    {
        /// <summary>The location of character <paramref name="index"/>.</summary>
        SourceLocation At(int index);
    }

    /// <summary>A single physical line: character i is at column <c>first + i</c>.</summary>
    internal readonly struct ColumnLocator(string file, int line, int first) : ILocator
    {
        /// <inheritdoc />
        public SourceLocation At(int index) => new(file, line, first + index);
    }

    /// <summary>Any mapping (continuation lines joined).</summary>
    internal readonly struct FuncLocator(Func<int, SourceLocation> locate) : ILocator
    {
        /// <inheritdoc />
        public SourceLocation At(int index) => locate(index);
    }

    /// <summary>
    /// Appends the tokens of <paramref name="text"/> to <paramref name="tokens"/>. Words that are not numbers are taken
    /// from <paramref name="words"/> when given (a 10^5-card deck names each node and model many times: one string each).
    /// With <paramref name="firstOnly"/> only the first token is appended, but the whole line is still checked (an
    /// unterminated quote or brace is reported where the line is read, whether or not its tokens are kept).
    /// </summary>
    internal static void Tokenize<TLocator>(ReadOnlySpan<char> text, TLocator locator, List<Token> tokens, WordCache? words, bool firstOnly = false)
        where TLocator : struct, ILocator
    {
        var i = 0;
        var skip = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            skip = firstOnly && tokens.Count > 0;
            var at = skip ? default : locator.At(i);

            if (c == ';' || (c == '$' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1]))))
            {
                break;
            }

            switch (c)
            {
                case '(':
                    Add(new Token(TokenKind.Open, "(", at));
                    i++;
                    continue;
                case ')':
                    Add(new Token(TokenKind.Close, ")", at));
                    i++;
                    continue;
                case '=':
                    Add(new Token(TokenKind.Equals, "=", at));
                    i++;
                    continue;
                case ',':
                    Add(new Token(TokenKind.Comma, ",", at));
                    i++;
                    continue;
                case '{':
                {
                    var depth = 1;
                    var j = i + 1;
                    while (j < text.Length && depth > 0)
                    {
                        depth += text[j] == '{' ? 1 : text[j] == '}' ? -1 : 0;
                        j++;
                    }

                    if (depth != 0)
                    {
                        throw new UserInputException(locator.At(i), "unterminated '{' expression", "close the expression with '}' on the same line (or a '+' continuation)");
                    }

                    if (!skip)
                    {
                        tokens.Add(new Token(TokenKind.Expression, text[(i + 1)..(j - 1)].ToString(), at));
                    }

                    i = j;
                    continue;
                }

                case '"':
                case '\'':
                {
                    var close = text[(i + 1)..].IndexOf(c);
                    if (close < 0)
                    {
                        throw new UserInputException(locator.At(i), "unterminated quoted string", $"add the closing {c}");
                    }

                    var j = i + 1 + close;

                    // A single-quoted expression is an expression (ngspice and Xyce both accept 'a*2').
                    if (!skip)
                    {
                        tokens.Add(new Token(c == '\'' ? TokenKind.Expression : TokenKind.String, text[(i + 1)..j].ToString(), at));
                    }

                    i = j + 1;
                    continue;
                }
            }

            var wordStart = i;
            while (i < text.Length && !EndsWord(text[i]))
            {
                i++;
            }

            if (!skip)
            {
                tokens.Add(Word(text.Slice(wordStart, i - wordStart), at, words));
            }
        }

        void Add(Token token)
        {
            if (!skip)
            {
                tokens.Add(token);
            }
        }
    }

    /// <summary>The word token of <paramref name="span"/>: lower-cased, its original kept where that differs.</summary>
    private static Token Word(ReadOnlySpan<char> span, SourceLocation at, WordCache? words)
    {
        var length = span.Length;
        var ascii = true;
        var upper = false;
        foreach (var ch in span)
        {
            ascii &= ch < 128;
            upper |= ch is >= 'A' and <= 'Z';
        }

        if (!ascii)
        {
            var raw = span.ToString();
            return new Token(TokenKind.Word, raw.ToLowerInvariant(), at, raw);
        }

        if (!upper)
        {
            var word = words?.Get(span) ?? span.ToString();
            return new Token(TokenKind.Word, word, at);
        }

        Span<char> lower = length <= 256 ? stackalloc char[length] : new char[length];
        for (var k = 0; k < length; k++)
        {
            var ch = span[k];
            lower[k] = ch is >= 'A' and <= 'Z' ? (char)(ch + 32) : ch;
        }

        return new Token(TokenKind.Word, words?.Get(lower) ?? new string(lower), at, span.ToString());
    }

    /// <summary>ASCII characters that end a word: white space and <c>( ) = , { ; "</c>.</summary>
    private static readonly bool[] AsciiWordEnd = MakeWordEnd();

    private static bool[] MakeWordEnd()
    {
        var table = new bool[128];
        for (var c = 0; c < 128; c++)
        {
            table[c] = char.IsWhiteSpace((char)c) || "()=,{;\"".Contains((char)c, StringComparison.Ordinal);
        }

        return table;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool EndsWord(char c) => c < 128 ? AsciiWordEnd[c] : char.IsWhiteSpace(c);
}
