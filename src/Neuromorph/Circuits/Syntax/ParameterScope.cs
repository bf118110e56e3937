using Neuromorph.Circuits.Expressions;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Syntax;

/// <summary>
/// Parameters and user functions visible at one place of a netlist: a subcircuit instance's own, then its parent's,
/// up to the globals. Also evaluates value tokens (numbers, parameter names, expressions) to constants.
/// </summary>
public sealed class ParameterScope
{
    private readonly Dictionary<string, double> _values = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, FunctionDefinition> _functions = new(StringComparer.OrdinalIgnoreCase);
    private readonly ParameterScope? _parent;
    private readonly Dictionary<string, Expression> _parsed;
    private HashSet<string>? _modelNames;

    /// <summary>Creates a scope inside <paramref name="parent"/> (or a global scope reporting to <paramref name="sink"/>).</summary>
    public ParameterScope(ParameterScope? parent = null, DiagnosticSink? sink = null)
    {
        _parent = parent;
        Sink = parent?.Sink ?? sink ?? new DiagnosticSink();
        _parsed = parent?._parsed ?? new Dictionary<string, Expression>(StringComparer.Ordinal);
    }

    /// <summary>Where warnings go (shared by every scope of one read).</summary>
    public DiagnosticSink Sink { get; }

    /// <summary>The outermost (global) scope.</summary>
    public ParameterScope Root => _parent?.Root ?? this;

    /// <summary>The <c>.model</c> names of the deck (set on the root once read), so that a word on an element line can be told from a parameter.</summary>
    public IReadOnlySet<string>? ModelNames
    {
        get => _parent is null ? _modelNames : Root.ModelNames;
        set => Root._modelNames = value is null ? null : new HashSet<string>(value, StringComparer.Ordinal);
    }

    /// <summary>Adds a model read after the others (a subcircuit instance's own model) to <see cref="ModelNames"/>.</summary>
    public void AddModelName(string name) => (Root._modelNames ??= new HashSet<string>(StringComparer.Ordinal)).Add(name);

    /// <summary>The values defined in this scope itself.</summary>
    public IReadOnlyDictionary<string, double> Own => _values;

    /// <summary>Circuit temperature in degrees Celsius (what <c>temper</c> means in constants).</summary>
    public double Temperature
    {
        get => _parent?.Temperature ?? _temperature;
        set => Root._temperature = value;
    }

    private double _temperature = 27;

    /// <summary>Defines or redefines <paramref name="name"/> here.</summary>
    public void Set(string name, double value) => _values[name] = value;

    /// <summary>Defines a user function here.</summary>
    public void Define(FunctionDefinition function)
    {
        ArgumentNullException.ThrowIfNull(function);
        _functions[function.Name] = function;
    }

    /// <summary>The value of <paramref name="name"/> here or in an enclosing scope.</summary>
    public double? Lookup(string name) => _values.TryGetValue(name, out var v) ? v : _parent?.Lookup(name);

    /// <summary>The user function <paramref name="name"/> here or in an enclosing scope.</summary>
    public FunctionDefinition? Function(string name) => _functions.TryGetValue(name, out var f) ? f : _parent?.Function(name);

    /// <summary>All visible names (for did-you-mean hints).</summary>
    public IReadOnlyCollection<string> Names => [.. _values.Keys.Concat(_parent?.Names ?? [])];

    /// <summary>How names resolve in a constant value here (<paramref name="context"/> names the place in messages).</summary>
    public BindingScope Constants(string context = "a constant value") => new()
    {
        Parameter = Lookup,
        Function = Function,
        Names = () => Names,
        Context = context,
        Temperature = Temperature,
    };

    /// <summary>Parses <paramref name="source"/> (cached by text), reporting ignored number suffixes once per deck.</summary>
    public Expression Parse(ExpressionSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (_parsed.TryGetValue(source.Text, out var e))
        {
            return e;
        }

        e = ExpressionParser.Parse(source, (at, word) => WarnSuffix(source.At(at), word));
        _parsed[source.Text] = e;
        return e;
    }

    /// <summary>Warns (once per deck) that SPICE ignores the letters after a number's scale suffix.</summary>
    public void WarnSuffix(SourceLocation at, string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (HasRkmTail(word))
        {
            Sink.WarnOnce("rkm", Diagnostic.Warning(at, $"'{word}': what follows the scale suffix is ignored, as ngspice-39 does (RKM notation such as 4k7 = 4.7k is not read)",
                "write the decimal point: 4.7k, 2.5m, 1.5"));
            return;
        }

        Sink.WarnOnce("suffix", Diagnostic.Warning(at, $"'{word}': letters after the number are ignored, as SPICE does",
            "suffixes are f p n u m k meg g t mil; write 1meg for 1e6 (1m is 1e-3) and check for typos such as 1kk"));
    }

    /// <summary>True for a number with digits after its scale suffix (4k7, 2R5): RKM notation, which ngspice-39 does not read.</summary>
    private static bool HasRkmTail(string word)
    {
        var i = 0;
        while (i < word.Length && (char.IsAsciiDigit(word[i]) || word[i] is '.' or '+' or '-'))
        {
            i++;
        }

        if (i + 1 < word.Length && word[i] is 'e' or 'E' && (char.IsAsciiDigit(word[i + 1]) || word[i + 1] is '+' or '-'))
        {
            i += 2;
            while (i < word.Length && char.IsAsciiDigit(word[i]))
            {
                i++;
            }
        }

        return word.Skip(i).Any(char.IsAsciiDigit);
    }

    /// <summary>Evaluates an expression source to a constant.</summary>
    public double Evaluate(ExpressionSource source, string context = "a constant value") =>
        ExpressionBinder.EvaluateConstant(Parse(source), source, Constants(context));

    /// <summary>Evaluates a value token: a number, a parameter name, or an expression (braced, quoted or bare).</summary>
    public double Evaluate(Token token)
    {
        if (token.Kind == TokenKind.Expression)
        {
            return Evaluate(new ExpressionSource(token.Text, token.Location with { Column = token.Location.Column + 1 }));
        }

        if (token.Kind != TokenKind.Word)
        {
            throw new UserInputException(token.Location, $"expected a value, found '{token}'", "values are numbers (10k), parameters or {expressions}");
        }

        if (SpiceNumber.TryParse(token.Text, out var v, out var ignored))
        {
            if (ignored.Length > 0)
            {
                WarnSuffix(token.Location, token.Original);
            }

            return v;
        }

        if (Lookup(token.Text) is double p)
        {
            return p;
        }

        var looksLikeExpression = token.Text.IndexOfAny(['+', '*', '/', '^', '(']) >= 0 || (token.Text.Length > 1 && token.Text.IndexOf('-', 1) > 0);
        if (looksLikeExpression)
        {
            return Evaluate(new ExpressionSource(token.Text, token.Location));
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
