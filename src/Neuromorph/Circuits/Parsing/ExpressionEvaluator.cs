using Neuromorph.Diagnostics;
using Neuromorph.Units;

namespace Neuromorph.Circuits.Parsing;

/// <summary>
/// Evaluates SPICE parameter expressions: numbers with engineering suffixes, parameters, <c>+ - * / ^ **</c>,
/// comparisons, <c>&amp;&amp; || !</c>, <c>if(c, a, b)</c> and the usual functions. Errors point at the offending
/// character of the expression in the netlist.
/// </summary>
public sealed class ExpressionEvaluator
{
    private static readonly Dictionary<string, Func<double[], double>> Functions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["exp"] = a => Math.Exp(a[0]),
        ["log"] = a => Math.Log(a[0]),
        ["ln"] = a => Math.Log(a[0]),
        ["log10"] = a => Math.Log10(a[0]),
        ["sqrt"] = a => Math.Sqrt(a[0]),
        ["sin"] = a => Math.Sin(a[0]),
        ["cos"] = a => Math.Cos(a[0]),
        ["tan"] = a => Math.Tan(a[0]),
        ["atan"] = a => Math.Atan(a[0]),
        ["asin"] = a => Math.Asin(a[0]),
        ["acos"] = a => Math.Acos(a[0]),
        ["sinh"] = a => Math.Sinh(a[0]),
        ["cosh"] = a => Math.Cosh(a[0]),
        ["tanh"] = a => Math.Tanh(a[0]),
        ["abs"] = a => Math.Abs(a[0]),
        ["sgn"] = a => Math.Sign(a[0]),
        ["floor"] = a => Math.Floor(a[0]),
        ["ceil"] = a => Math.Ceiling(a[0]),
        ["int"] = a => Math.Truncate(a[0]),
        ["min"] = a => Math.Min(a[0], a[1]),
        ["max"] = a => Math.Max(a[0], a[1]),
        ["pow"] = a => Math.Pow(a[0], a[1]),
        ["pwr"] = a => Math.Sign(a[0]) * Math.Pow(Math.Abs(a[0]), a[1]),
        ["atan2"] = a => Math.Atan2(a[0], a[1]),
        ["if"] = a => a[0] != 0 ? a[1] : a[2],
    };

    private static readonly Dictionary<string, int> Arity = new(StringComparer.OrdinalIgnoreCase)
    {
        ["min"] = 2, ["max"] = 2, ["pow"] = 2, ["pwr"] = 2, ["atan2"] = 2, ["if"] = 3,
    };

    private readonly string _text;
    private readonly SourceLocation _origin;
    private readonly Func<string, double?> _lookup;
    private int _pos;

    private ExpressionEvaluator(string text, SourceLocation origin, Func<string, double?> lookup)
    {
        _text = text;
        _origin = origin;
        _lookup = lookup;
    }

    /// <summary>Names of the built-in functions.</summary>
    public static IReadOnlyCollection<string> FunctionNames => Functions.Keys;

    /// <summary>
    /// Evaluates <paramref name="text"/>; <paramref name="origin"/> is where its first character is in the file;
    /// <paramref name="lookup"/> returns a parameter's value or null if undefined; <paramref name="known"/> lists names for hints.
    /// </summary>
    public static double Evaluate(string text, SourceLocation origin, Func<string, double?> lookup, IReadOnlyCollection<string>? known = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(lookup);
        var e = new ExpressionEvaluator(text, origin, lookup) { Known = known ?? [] };
        var v = e.Or();
        e.SkipSpace();
        if (e._pos < text.Length)
        {
            throw e.Error($"unexpected '{text[e._pos]}' in expression '{text}'", "check operators and parentheses");
        }

        if (!double.IsFinite(v))
        {
            throw new UserInputException(origin, $"expression '{text}' evaluates to {v}", "look for a division by zero, log of a non-positive number or an overflow");
        }

        return v;
    }

    private IReadOnlyCollection<string> Known { get; init; } = [];

    private double Or()
    {
        var v = And();
        while (Accept("||"))
        {
            var r = And();
            v = (v != 0 || r != 0) ? 1 : 0;
        }

        return v;
    }

    private double And()
    {
        var v = Compare();
        while (Accept("&&"))
        {
            var r = Compare();
            v = (v != 0 && r != 0) ? 1 : 0;
        }

        return v;
    }

    private double Compare()
    {
        var v = Sum();
        foreach (var op in new[] { "==", "!=", "<=", ">=", "<", ">" })
        {
            if (Accept(op))
            {
                var r = Sum();
                return op switch
                {
                    "==" => v == r ? 1 : 0,
                    "!=" => v != r ? 1 : 0,
                    "<=" => v <= r ? 1 : 0,
                    ">=" => v >= r ? 1 : 0,
                    "<" => v < r ? 1 : 0,
                    _ => v > r ? 1 : 0,
                };
            }
        }

        return v;
    }

    private double Sum()
    {
        var v = Product();
        while (true)
        {
            if (Accept("+"))
            {
                v += Product();
            }
            else if (Accept("-"))
            {
                v -= Product();
            }
            else
            {
                return v;
            }
        }
    }

    private double Product()
    {
        var v = Power();
        while (true)
        {
            SkipSpace();
            if (Peek("**"))
            {
                return v;
            }

            if (Accept("*"))
            {
                v *= Power();
            }
            else if (Accept("/"))
            {
                v /= Power();
            }
            else
            {
                return v;
            }
        }
    }

    private double Power()
    {
        var b = Unary();
        if (Accept("**") || Accept("^"))
        {
            return Math.Pow(b, Power());
        }

        return b;
    }

    private double Unary()
    {
        if (Accept("-"))
        {
            return -Unary();
        }

        if (Accept("+"))
        {
            return Unary();
        }

        if (Accept("!"))
        {
            return Unary() == 0 ? 1 : 0;
        }

        return Primary();
    }

    private double Primary()
    {
        SkipSpace();
        if (_pos >= _text.Length)
        {
            throw Error($"expression '{_text}' ends too early", "an operand is missing");
        }

        var c = _text[_pos];
        if (Accept("("))
        {
            var v = Or();
            Expect(")");
            return v;
        }

        if (char.IsAsciiDigit(c) || c == '.')
        {
            var start = _pos;
            while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] == '.' ||
                   ((_text[_pos] == '+' || _text[_pos] == '-') && (_text[_pos - 1] == 'e' || _text[_pos - 1] == 'E') && IsExponent(start))))
            {
                _pos++;
            }

            var word = _text[start.._pos];
            return EngineeringNumber.TryParse(word, out var n) ? n : throw Error($"malformed number '{word}'", "numbers look like 10, 2.5k, 1e-3, 4meg", start);
        }

        if (char.IsAsciiLetter(c) || c == '_')
        {
            var start = _pos;
            while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] == '_' || _text[_pos] == '.'))
            {
                _pos++;
            }

            var name = _text[start.._pos].ToLowerInvariant();
            SkipSpace();
            if (_pos < _text.Length && _text[_pos] == '(')
            {
                return Call(name, start);
            }

            if (name == "pi")
            {
                return Math.PI;
            }

            return _lookup(name) ?? throw Error($"undefined parameter '{name}'", Hint(name), start);
        }

        throw Error($"unexpected '{c}' in expression '{_text}'", "check operators and parentheses");
    }

    private bool IsExponent(int start)
    {
        // true while the number so far is digits[.digits]e (so + or - belongs to the exponent)
        var s = _text[start.._pos];
        return s.Length > 1 && s.Take(s.Length - 1).All(ch => char.IsAsciiDigit(ch) || ch == '.');
    }

    private double Call(string name, int start)
    {
        if (!Functions.TryGetValue(name, out var f))
        {
            throw Error($"unknown function '{name}'", Suggestions.Hint(name, Functions.Keys.ToList()), start);
        }

        Expect("(");
        var args = new List<double>();
        if (!Accept(")"))
        {
            do
            {
                args.Add(Or());
            }
            while (Accept(","));
            Expect(")");
        }

        var need = Arity.GetValueOrDefault(name, 1);
        if (args.Count != need)
        {
            throw Error($"{name}() takes {need} argument(s), got {args.Count}", null, start);
        }

        return f([.. args]);
    }

    private string Hint(string name)
    {
        var close = Suggestions.Closest(name, Known);
        return close is not null ? $"did you mean '{close}'? Define parameters with .param {name}=..." : $"define it with .param {name}=... before it is used";
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
            throw Error($"expected '{s}' in expression '{_text}'", "check the parentheses");
        }
    }

    private UserInputException Error(string message, string? hint, int? at = null) =>
        new(_origin with { Column = _origin.Column + (at ?? _pos) }, message, hint);
}
