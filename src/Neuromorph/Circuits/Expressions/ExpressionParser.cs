using System.Globalization;

namespace Neuromorph.Circuits.Expressions;

/// <summary>
/// Parses SPICE expressions (ngspice B sources and numparam, Xyce expressions, HSPICE-style parameters) into trees:
/// <c>?:</c>, <c>|| &amp;&amp;</c>, comparisons, <c>+ - * /</c>, unary <c>- + !</c>, <c>** ^</c> (right-associative, binding
/// tighter than * and than a unary minus before it: <c>-2**2</c> is -4 and <c>2*-3**2</c> is -18, as ngspice-39's B
/// sources compute them; the exponent may carry its own sign, <c>2**-1</c>), calls, <c>V(a)</c>, <c>V(a,b)</c>, <c>I(element)</c>, and
/// braces used as parentheses. Names are lower-cased. Syntax errors are located user errors.
/// </summary>
public sealed class ExpressionParser
{
    private readonly ExpressionSource _source;
    private readonly string _text;
    private readonly Action<int, string>? _ignoredSuffix;
    private int _pos;

    private ExpressionParser(ExpressionSource source, Action<int, string>? ignoredSuffix)
    {
        _source = source;
        _text = source.Text;
        _ignoredSuffix = ignoredSuffix;
    }

    /// <summary>
    /// Parses the whole of <paramref name="source"/>. <paramref name="ignoredSuffix"/> is told about number literals whose
    /// trailing letters SPICE ignores (position, letters), e.g. <c>1kk</c>.
    /// </summary>
    public static Expression Parse(ExpressionSource source, Action<int, string>? ignoredSuffix = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var p = new ExpressionParser(source, ignoredSuffix);
        p.SkipSpace();
        if (p._pos >= p._text.Length)
        {
            throw source.Error(0, "empty expression", "write a value, e.g. {2*r}");
        }

        var e = p.Conditional();
        p.SkipSpace();
        if (p._pos < p._text.Length)
        {
            throw source.Error(p._pos, $"unexpected '{p._text[p._pos]}' in expression '{p._text}'", "check operators and parentheses");
        }

        return e;
    }

    private Expression Conditional()
    {
        var c = Or();
        SkipSpace();
        var at = _pos;
        if (!Accept("?"))
        {
            return c;
        }

        var a = Conditional();
        Expect(":");
        var b = Conditional();
        return new ConditionalExpression(c, a, b, at);
    }

    private Expression Or()
    {
        var v = And();
        while (true)
        {
            SkipSpace();
            var at = _pos;
            // ngspice's PSPICE form '|' (ngbehavior=psa) is the same or
            if (!Accept("||") && !Accept("|"))
            {
                return v;
            }

            v = new BinaryExpression(BinaryOperator.Or, v, And(), at);
        }
    }

    private Expression And()
    {
        var v = Compare();
        while (true)
        {
            SkipSpace();
            var at = _pos;
            // ngspice's PSPICE form '&' (ngbehavior=psa) is the same and
            if (!Accept("&&") && !Accept("&"))
            {
                return v;
            }

            v = new BinaryExpression(BinaryOperator.And, v, Compare(), at);
        }
    }

    private Expression Compare()
    {
        var v = Sum();
        while (true)
        {
            SkipSpace();
            var at = _pos;
            BinaryOperator? op = Accept("==") ? BinaryOperator.Equal
                : Accept("!=") || Accept("<>") ? BinaryOperator.NotEqual
                : Accept("<=") ? BinaryOperator.LessOrEqual
                : Accept(">=") ? BinaryOperator.GreaterOrEqual
                : Accept("<") ? BinaryOperator.Less
                : Accept(">") ? BinaryOperator.Greater
                : null;
            if (op is null)
            {
                return v;
            }

            v = new BinaryExpression(op.Value, v, Sum(), at);
        }
    }

    private Expression Sum()
    {
        var v = Product();
        while (true)
        {
            SkipSpace();
            var at = _pos;
            if (Accept("+"))
            {
                v = new BinaryExpression(BinaryOperator.Add, v, Product(), at);
            }
            else if (Accept("-"))
            {
                v = new BinaryExpression(BinaryOperator.Subtract, v, Product(), at);
            }
            else
            {
                return v;
            }
        }
    }

    private Expression Product()
    {
        var v = Unary();
        while (true)
        {
            SkipSpace();
            var at = _pos;
            if (Peek("**"))
            {
                return v;
            }

            if (Accept("*"))
            {
                v = new BinaryExpression(BinaryOperator.Multiply, v, Unary(), at);
            }
            else if (Accept("/"))
            {
                v = new BinaryExpression(BinaryOperator.Divide, v, Unary(), at);
            }
            else if (Accept("%"))
            {
                v = new BinaryExpression(BinaryOperator.Modulo, v, Unary(), at);
            }
            else
            {
                return v;
            }
        }
    }

    private Expression Power()
    {
        var b = Primary();
        SkipSpace();
        var at = _pos;
        return Accept("**") || Accept("^") ? new BinaryExpression(BinaryOperator.Power, b, Unary(), at) : b;
    }

    private Expression Unary()
    {
        SkipSpace();
        var at = _pos;
        if (Accept("-"))
        {
            var operand = Unary();
            return operand is NumberExpression n ? n with { Value = -n.Value, Position = at } : new UnaryExpression(UnaryOperator.Negate, operand, at);
        }

        if (Accept("+"))
        {
            return Unary();
        }

        if ((!Peek("!=") && Accept("!")) || Accept("~"))
        {
            return new UnaryExpression(UnaryOperator.Not, Unary(), at);
        }

        return Power();
    }

    private Expression Primary()
    {
        SkipSpace();
        if (_pos >= _text.Length)
        {
            throw _source.Error(_pos, $"expression '{_text}' ends too early", "an operand is missing");
        }

        var c = _text[_pos];
        var start = _pos;
        if (c is '(' or '{')
        {
            _pos++;
            var v = Conditional();
            Expect(c == '(' ? ")" : "}");
            return v;
        }

        if (char.IsAsciiDigit(c) || (c == '.' && _pos + 1 < _text.Length && char.IsAsciiDigit(_text[_pos + 1])))
        {
            return Number(start);
        }

        if (c == '"' && _text.IndexOf('"', _pos + 1) is var close and > 0 && close > _pos + 1)
        {
            // ngspice's quoted vector name, for names an identifier cannot hold: "temp-sweep"
            _pos = close + 1;
            return new NameExpression(_text[(start + 1)..close].ToLowerInvariant(), start);
        }

        if (char.IsAsciiLetter(c) || c == '_')
        {
            while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] is '_' or '.' or '$' or '#'))
            {
                _pos++;
            }

            var name = _text[start.._pos].ToLowerInvariant();
            SkipSpace();
            if (_pos < _text.Length && _text[_pos] == '(')
            {
                return name is "v" or "i" ? ProbeArguments(name, start) : Call(name, start);
            }

            return new NameExpression(name, start);
        }

        throw _source.Error(_pos, $"unexpected '{c}' in expression '{_text}'", "check operators and parentheses");
    }

    private NumberExpression Number(int start)
    {
        while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] is '.' or SpiceNumber.MicroSign ||
               (_text[_pos] is '+' or '-' && _text[_pos - 1] is 'e' or 'E' && IsExponentSign(start))))
        {
            _pos++;
        }

        var word = _text[start.._pos];
        if (!SpiceNumber.TryParse(word, out var value, out var ignored))
        {
            throw _source.Error(start, $"malformed number '{word}'", "numbers look like 10, 2.5k, 1e-3, 4meg (suffixes f p n u m k meg g t mil)");
        }

        if (ignored.Length > 0)
        {
            _ignoredSuffix?.Invoke(start, word);
        }

        return new NumberExpression(value, start);
    }

    private bool IsExponentSign(int start)
    {
        // the number so far is digits[.digits]e, so a following + or - belongs to the exponent
        var s = _text.AsSpan(start, _pos - start - 1);
        foreach (var ch in s)
        {
            if (!char.IsAsciiDigit(ch) && ch != '.')
            {
                return false;
            }
        }

        return s.Length > 0;
    }

    private Expression ProbeArguments(string name, int start)
    {
        _pos++;
        var nodes = new List<(string Name, int At)>();
        while (true)
        {
            SkipSpace();
            var at = _pos;
            while (_pos < _text.Length && _text[_pos] is not (',' or ')') && !char.IsWhiteSpace(_text[_pos]))
            {
                _pos++;
            }

            var arg = _text[at.._pos].ToLowerInvariant();
            if (arg.Length == 0)
            {
                throw _source.Error(at, $"{name}() needs a {(name == "v" ? "node" : "element")} name", name == "v" ? "e.g. V(out) or V(a,b)" : "e.g. I(vsense)");
            }

            nodes.Add((arg, at));
            SkipSpace();
            if (Accept(")"))
            {
                break;
            }

            if (!Accept(","))
            {
                throw _source.Error(_pos, $"expected ',' or ')' in {name}()", name == "v" ? "e.g. V(out) or V(a,b)" : "e.g. I(vsense)");
            }
        }

        if (name == "i" && nodes.Count != 1)
        {
            throw _source.Error(start, $"I() takes one element name, got {nodes.Count}", "e.g. I(vsense); the current of a voltage source, E, H, L or B (V=) element");
        }

        if (nodes.Count > 2)
        {
            throw _source.Error(start, $"V() takes one or two nodes, got {nodes.Count}", "e.g. V(out) or V(a,b)");
        }

        var kind = name == "v" ? ProbedQuantity.Voltage : ProbedQuantity.Current;
        return nodes.Count == 1
            ? new ProbeExpression(kind, nodes[0].Name, start)
            : new DifferenceProbe(nodes[0].Name, nodes[1].Name, start);
    }

    private CallExpression Call(string name, int start)
    {
        Expect("(");
        var args = new List<Expression>();
        SkipSpace();
        if (!Accept(")"))
        {
            do
            {
                args.Add(Conditional());
            }
            while (Accept(","));
            Expect(")");
        }

        return new CallExpression(name, args, start);
    }

    private void SkipSpace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }

    private bool Peek(string s)
    {
        SkipSpace();
        return string.CompareOrdinal(_text, _pos, s, 0, s.Length) == 0;
    }

    private bool Accept(string s)
    {
        if (!Peek(s))
        {
            return false;
        }

        _pos += s.Length;
        return true;
    }

    private void Expect(string s)
    {
        if (!Accept(s))
        {
            throw _source.Error(_pos, $"expected '{s}' in expression '{_text}'", "check the parentheses");
        }
    }

    /// <summary>Formats a number for messages.</summary>
    internal static string Format(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}

/// <summary><c>V(a,b)</c> before binding: a voltage probe of node <see cref="ProbeExpression.Target"/> relative to <see cref="Reference"/>.</summary>
public sealed record DifferenceProbe(string Target, string Reference, int Position) : Expression(Position);
