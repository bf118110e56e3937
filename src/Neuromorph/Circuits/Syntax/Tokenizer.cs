using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Syntax;

/// <summary>
/// Splits one physical netlist line into tokens: words (lower-cased), <c>{expressions}</c>, quoted strings,
/// and the punctuation <c>( ) = ,</c>. Comments (<c>;</c> anywhere, <c>$</c> followed by a blank) end the line.
/// </summary>
public static class Tokenizer
{
    /// <summary>Tokenizes <paramref name="text"/>, which starts at column 1 of <paramref name="line"/> in <paramref name="file"/>.</summary>
    public static List<Token> Tokenize(string text, string file, int line, int firstColumn = 1) =>
        Tokenize(text, i => new SourceLocation(file, line, firstColumn + i));

    /// <summary>Tokenizes <paramref name="text"/>; <paramref name="locate"/> gives the file location of each character (continuation lines joined).</summary>
    public static List<Token> Tokenize(string text, Func<int, SourceLocation> locate)
    {
        ArgumentNullException.ThrowIfNull(locate);
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Token>(8);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var at = locate(i);

            if (c == ';' || (c == '$' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1]))))
            {
                break;
            }

            switch (c)
            {
                case '(':
                    tokens.Add(new Token(TokenKind.Open, "(", at));
                    i++;
                    continue;
                case ')':
                    tokens.Add(new Token(TokenKind.Close, ")", at));
                    i++;
                    continue;
                case '=':
                    tokens.Add(new Token(TokenKind.Equals, "=", at));
                    i++;
                    continue;
                case ',':
                    tokens.Add(new Token(TokenKind.Comma, ",", at));
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
                        throw new UserInputException(at, "unterminated '{' expression", "close the expression with '}' on the same line (or a '+' continuation)");
                    }

                    tokens.Add(new Token(TokenKind.Expression, text[(i + 1)..(j - 1)], at));
                    i = j;
                    continue;
                }

                case '"':
                case '\'':
                {
                    var j = text.IndexOf(c, i + 1);
                    if (j < 0)
                    {
                        throw new UserInputException(at, "unterminated quoted string", $"add the closing {c}");
                    }

                    // A single-quoted expression is an expression (ngspice and Xyce both accept 'a*2').
                    tokens.Add(new Token(c == '\'' ? TokenKind.Expression : TokenKind.String, text[(i + 1)..j], at));
                    i = j + 1;
                    continue;
                }
            }

            var wordStart = i;
            while (i < text.Length && !EndsWord(text[i]))
            {
                i++;
            }

            var raw = text[wordStart..i];
            tokens.Add(new Token(TokenKind.Word, raw.ToLowerInvariant(), at, raw));
        }

        return tokens;
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

    private static bool EndsWord(char c) => c < 128 ? AsciiWordEnd[c] : char.IsWhiteSpace(c);
}
