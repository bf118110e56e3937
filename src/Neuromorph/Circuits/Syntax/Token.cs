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

/// <summary>
/// A logical netlist line (continuations joined), its tokens and the raw text for messages. An element card read from a
/// file keeps only its text and first token until its tokens are asked for (<see cref="Tokens"/> tokenizes it then), so
/// a 10^5-card deck does not hold 10^5 token lists from reading to expansion; <see cref="Forget"/> drops them again.
/// </summary>
public sealed record NetlistLine
{
    private readonly WordCache? _words;
    private readonly bool _lazy;
    private readonly string? _head;
    private readonly string? _source;
    private readonly int _start;
    private readonly int _length;
    private IReadOnlyList<Token>? _tokens;
    private string? _text;

    /// <summary>A line with its tokens.</summary>
    public NetlistLine(IReadOnlyList<Token> tokens, string text, SourceLocation location)
    {
        _tokens = tokens;
        _text = text;
        Location = location;
    }

    /// <summary>
    /// A one-line card tokenized when first read: its text is <c>source[start..start+length]</c>, which starts with its
    /// first token, <paramref name="first"/>, at that token's location; words come from <paramref name="words"/>.
    /// </summary>
    internal NetlistLine(Token first, string source, int start, int length, WordCache words)
    {
        _lazy = true;
        _words = words;
        _head = first.Text;
        _source = source;
        _start = start;
        _length = length;
        Location = first.Location;
    }

    /// <summary>The tokens.</summary>
    public IReadOnlyList<Token> Tokens
    {
        get => _tokens ??= Tokenize();
        init
        {
            // a line given new tokens no longer tokenizes its text
            _tokens = value;
            _lazy = false;
            _head = null;
        }
    }

    /// <summary>The text as written (continuations joined).</summary>
    public string Text
    {
        get => _text ??= _source!.Substring(_start, _length);
        init => _text = value;
    }

    /// <summary>Where the line starts.</summary>
    public SourceLocation Location { get; init; }

    /// <summary>The first token, lower-cased.</summary>
    public string Head => _head ?? (Tokens.Count > 0 ? Tokens[0].Text : "");

    /// <summary>Lines are equal when they are the same text at the same place with the same tokens.</summary>
    public bool Equals(NetlistLine? other) =>
        other is not null && Location == other.Location && Text == other.Text && Tokens.SequenceEqual(other.Tokens);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Location, Text);

    /// <summary>Drops the tokens of a line that can tokenize itself again (after its card was read).</summary>
    internal void Forget()
    {
        if (_lazy)
        {
            _tokens = null;
        }
    }

    private Token[] Tokenize()
    {
        var scratch = _words!.Scratch;
        scratch.Clear();
        Tokenizer.Tokenize(_text is not null ? _text.AsSpan() : _source.AsSpan(_start, _length), new Tokenizer.ColumnLocator(Location.File, Location.Line, Location.Column), scratch, _words);
        return [.. scratch];
    }
}
