using Neuromorph.Circuits.Expressions;
using Neuromorph.Circuits.Syntax;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Parsing;

/// <summary>Reads <c>.param</c> (values and HSPICE-style functions) and <c>.func</c> lines into a scope.</summary>
public static class DefinitionReader
{
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal) { "v", "i", "if", "table", "time", "temper", "pi" };

    /// <summary>
    /// Reads a <c>.param</c> line into <paramref name="scope"/>: <c>name=value</c> pairs evaluated in order, and
    /// <c>name(a, b)={body}</c> functions. <paramref name="overrides"/> replace values (studies); each defined name is reported.
    /// </summary>
    public static void Param(NetlistLine line, ParameterScope scope, IReadOnlyDictionary<string, double>? overrides = null, Action<string, double>? defined = null)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(scope);
        const string usage = ".param name=value ... | .param f(a, b)={expression}";
        var r = new LineReader(line, usage);
        var any = false;
        while (!r.AtEnd)
        {
            if (r.Accept(TokenKind.Comma))
            {
                continue;
            }

            var nameToken = r.Next("parameter name");
            if (nameToken.Kind != TokenKind.Word)
            {
                throw new UserInputException(nameToken.Location, $"expected a parameter name, found '{nameToken}'", $"expected: {usage}");
            }

            if (r.Peek is { Kind: TokenKind.Open })
            {
                var args = Arguments(r, nameToken);
                r.Accept(TokenKind.Equals);
                scope.Define(Function(nameToken, args, Body(r), scope));
                any = true;
                continue;
            }

            if (!r.Accept(TokenKind.Equals))
            {
                throw new UserInputException(r.Here, $"expected '=' after '{nameToken.Text}'", $"expected: {usage}");
            }

            var valueToken = r.Next($"a value for '{nameToken.Text}'");
            var value = overrides is not null && overrides.TryGetValue(nameToken.Text, out var o) ? o : scope.Evaluate(valueToken);
            scope.Set(nameToken.Text, value);
            defined?.Invoke(nameToken.Text, value);
            any = true;
        }

        if (!any)
        {
            throw new UserInputException(line.Location, ".param defines nothing", $"expected: {usage}");
        }
    }

    /// <summary>Reads <c>.func name(a, b) [=] {body}</c> into <paramref name="scope"/>.</summary>
    public static void Func(NetlistLine line, ParameterScope scope)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(scope);
        var r = new LineReader(line, ".func name(a, b) {expression}");
        var nameToken = r.Next("function name");
        if (nameToken.Kind != TokenKind.Word || r.Peek is not { Kind: TokenKind.Open })
        {
            throw new UserInputException(nameToken.Location, $"expected a function name and its arguments, found '{nameToken}'", "e.g. .func f(x, y) {x*y + 1}");
        }

        var args = Arguments(r, nameToken);
        r.Accept(TokenKind.Equals);
        scope.Define(Function(nameToken, args, Body(r), scope));
    }

    private static List<string> Arguments(LineReader r, Token name)
    {
        r.Accept(TokenKind.Open);
        var args = new List<string>();
        while (!r.Accept(TokenKind.Close))
        {
            if (r.Accept(TokenKind.Comma))
            {
                continue;
            }

            args.Add(r.Word($"an argument name of {name.Text}()"));
        }

        var dup = args.GroupBy(a => a).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null)
        {
            throw new UserInputException(name.Location, $"argument '{dup.Key}' appears twice in {name.Text}()", "argument names must differ");
        }

        return args;
    }

    private static ExpressionSource Body(LineReader r) => r.Expression("function body");

    private static FunctionDefinition Function(Token name, List<string> args, ExpressionSource body, ParameterScope scope)
    {
        if (Reserved.Contains(name.Text))
        {
            throw new UserInputException(name.Location, $"'{name.Text}' is reserved and cannot name a function", "choose another name");
        }

        return new FunctionDefinition(name.Text, args, scope.Parse(body), body, name.Location);
    }
}
