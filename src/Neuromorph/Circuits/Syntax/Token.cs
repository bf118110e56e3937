using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Syntax;

/// <summary>What a token is.</summary>
public enum TokenKind
{
    /// <summary>A word: name, number, keyword (lower-cased).</summary>
    Word,

    /// <summary>A brace expression <c>{...}</c>; <see cref="Token.Text"/> is the inside.</summary>
    Expression,

    /// <summary>A quoted string; <see cref="Token.Text"/> is the inside.</summary>
    String,

    /// <summary><c>(</c>.</summary>
    Open,

    /// <summary><c>)</c>.</summary>
    Close,

    /// <summary><c>=</c>.</summary>
    Equals,

    /// <summary><c>,</c>.</summary>
    Comma,
}

/// <summary>One token of a netlist line with where it starts.</summary>
public readonly record struct Token(TokenKind Kind, string Text, SourceLocation Location, string? Raw = null)
{
    /// <summary>The text as written (case kept), for file names.</summary>
    public string Original => Raw ?? Text;

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        TokenKind.Expression => "{" + Text + "}",
        TokenKind.String => "\"" + Text + "\"",
        _ => Text,
    };
}

/// <summary>A logical netlist line (continuations joined), its tokens and the raw text for messages.</summary>
public sealed record NetlistLine(IReadOnlyList<Token> Tokens, string Text, SourceLocation Location)
{
    /// <summary>The first token, lower-cased.</summary>
    public string Head => Tokens.Count > 0 ? Tokens[0].Text : "";
}
