using Neuromorph.Diagnostics;
using Neuromorph.Units;

namespace Neuromorph.Circuits.Parsing;

/// <summary>Parameter values visible at one place of a netlist: a subcircuit instance's own, then its parent's, up to the globals.</summary>
public sealed class ParameterScope
{
    private readonly Dictionary<string, double> _values = new(StringComparer.OrdinalIgnoreCase);
    private readonly ParameterScope? _parent;

    /// <summary>Creates a scope inside <paramref name="parent"/>.</summary>
    public ParameterScope(ParameterScope? parent = null) => _parent = parent;

    /// <summary>The outermost (global) scope.</summary>
    public ParameterScope Root => _parent?.Root ?? this;

    /// <summary>The values defined in this scope itself.</summary>
    public IReadOnlyDictionary<string, double> Own => _values;

    /// <summary>Defines or redefines <paramref name="name"/> here.</summary>
    public void Set(string name, double value) => _values[name] = value;

    /// <summary>The value of <paramref name="name"/> here or in an enclosing scope.</summary>
    public double? Lookup(string name) => _values.TryGetValue(name, out var v) ? v : _parent?.Lookup(name);

    /// <summary>All visible names (for did-you-mean hints).</summary>
    public IReadOnlyCollection<string> Names => [.. _values.Keys.Concat(_parent?.Names ?? [])];

    /// <summary>Evaluates a value token: a number, a parameter name, or an expression (braced, quoted or bare).</summary>
    public double Evaluate(Token token)
    {
        if (token.Kind == TokenKind.Expression)
        {
            return ExpressionEvaluator.Evaluate(token.Text, token.Location with { Column = token.Location.Column + 1 }, Lookup, Names);
        }

        if (token.Kind != TokenKind.Word)
        {
            throw new UserInputException(token.Location, $"expected a value, found '{token}'", "values are numbers (10k), parameters or {expressions}");
        }

        if (EngineeringNumber.TryParse(token.Text, out var v))
        {
            return v;
        }

        if (Lookup(token.Text) is double p)
        {
            return p;
        }

        var looksLikeExpression = token.Text.IndexOfAny(['+', '*', '/', '^', '(']) >= 0 || (token.Text.Length > 1 && token.Text.IndexOf('-', 1) > 0);
        if (looksLikeExpression)
        {
            return ExpressionEvaluator.Evaluate(token.Text, token.Location, Lookup, Names);
        }

        if (char.IsAsciiDigit(token.Text[0]) || token.Text[0] is '.' or '-' or '+')
        {
            throw new UserInputException(token.Location, $"malformed number '{token.Original}'", "numbers look like 10, 2.5k, 1e-3, 4meg (suffixes f p n u m k meg g t mil)");
        }

        var close = Suggestions.Closest(token.Text, Names);
        throw new UserInputException(token.Location, $"undefined parameter '{token.Text}'",
            close is not null ? $"did you mean '{close}'?" : $"define it with .param {token.Text}=... or write a number");
    }
}
