using System.Text;
using Neuromorph.Circuits.Expressions;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Syntax;

/// <summary>Reads the tokens of one netlist line in order, with errors that point at the right token and show the expected form.</summary>
public sealed class LineReader
{
    private readonly NetlistLine _line;
    private readonly string _usage;
    private int _pos;

    /// <summary>Starts after the first token of <paramref name="line"/>; <paramref name="usage"/> is the line's syntax for hints.</summary>
    public LineReader(NetlistLine line, string usage, int start = 1)
    {
        _line = line ?? throw new ArgumentNullException(nameof(line));
        _usage = usage;
        _pos = start;
    }

    /// <summary>True when every token was read.</summary>
    public bool AtEnd => _pos >= _line.Tokens.Count;

    /// <summary>The next token without consuming it.</summary>
    public Token? Peek => AtEnd ? null : _line.Tokens[_pos];

    /// <summary>Where the next token is (or the end of the line).</summary>
    public SourceLocation Here => AtEnd ? _line.Tokens[^1].Location with { Column = _line.Tokens[^1].Location.Column + _line.Tokens[^1].Text.Length } : _line.Tokens[_pos].Location;

    /// <summary>Consumes and returns the next token, or throws a "missing" error naming <paramref name="what"/>.</summary>
    public Token Next(string what) => AtEnd
        ? throw new UserInputException(Here, $"missing {what}", $"expected: {_usage}")
        : _line.Tokens[_pos++];

    /// <summary>Consumes a word (node or name).</summary>
    public string Word(string what)
    {
        var t = Next(what);
        return t.Kind == TokenKind.Word ? t.Text : throw new UserInputException(t.Location, $"expected {what}, found '{t}'", $"expected: {_usage}");
    }

    /// <summary>Consumes the next token if it is <paramref name="kind"/>.</summary>
    public bool Accept(TokenKind kind)
    {
        if (!AtEnd && _line.Tokens[_pos].Kind == kind)
        {
            _pos++;
            return true;
        }

        return false;
    }

    /// <summary>Consumes the next token if it is the word <paramref name="word"/>.</summary>
    public bool AcceptWord(string word)
    {
        if (!AtEnd && _line.Tokens[_pos].Kind == TokenKind.Word && _line.Tokens[_pos].Text == word)
        {
            _pos++;
            return true;
        }

        return false;
    }

    /// <summary>True if the next tokens are <c>word =</c>.</summary>
    public bool AtAssignment => _pos + 1 < _line.Tokens.Count && _line.Tokens[_pos].Kind == TokenKind.Word && _line.Tokens[_pos + 1].Kind == TokenKind.Equals;

    /// <summary>Reads <c>name = value</c> pairs (commas and parentheses allowed between them) to the end of the line.</summary>
    public List<(string Name, Token Value, SourceLocation Location)> Assignments()
    {
        var list = new List<(string, Token, SourceLocation)>(Math.Max(0, (_line.Tokens.Count - _pos) / 3));
        while (!AtEnd)
        {
            if (Accept(TokenKind.Comma) || Accept(TokenKind.Open) || Accept(TokenKind.Close))
            {
                continue;
            }

            if (!AtAssignment)
            {
                var t = Next("name=value");
                throw new UserInputException(t.Location, $"expected name=value, found '{t}'", $"expected: {_usage}");
            }

            var name = Next("name");
            _pos++;
            var value = AtEnd ? Next($"a value for '{name.Text}'") : Next("value");
            list.Add((name.Text, value, name.Location));
        }

        return list;
    }

    /// <summary>
    /// Reads an expression: a <c>{braced}</c> or quoted one, or else every remaining token joined as written (a bare
    /// expression such as <c>V=V(a)*2</c>). Returns its text and where it starts.
    /// </summary>
    public ExpressionSource Expression(string what)
    {
        var first = Next(what);
        if (first.Kind == TokenKind.Expression)
        {
            return new ExpressionSource(first.Text, first.Location with { Column = first.Location.Column + 1 });
        }

        var text = new StringBuilder(Text(first));
        var last = first;
        while (!AtEnd)
        {
            var t = _line.Tokens[_pos++];
            var adjacent = t.Location.Line == last.Location.Line && t.Location.Column == last.Location.Column + Text(last).Length;
            text.Append(adjacent ? "" : " ").Append(Text(t));
            last = t;
        }

        return new ExpressionSource(text.ToString(), first.Location);
    }

    private static string Text(Token t) => t.Kind switch
    {
        TokenKind.Expression => "{" + t.Text + "}",
        TokenKind.String => "\"" + t.Text + "\"",
        _ => t.Original,
    };

    /// <summary>Throws if tokens are left over.</summary>
    public void End()
    {
        if (!AtEnd)
        {
            throw new UserInputException(_line.Tokens[_pos].Location, $"unexpected '{_line.Tokens[_pos]}'", $"expected: {_usage}");
        }
    }
}
