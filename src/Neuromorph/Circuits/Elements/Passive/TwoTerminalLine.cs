using Neuromorph.Circuits.Expressions;
using Neuromorph.Circuits.Syntax;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Elements.Passive;

/// <summary>
/// The common form of R, C and L lines: <c>Xname n+ n- value [name=value ...]</c>, where the value may also be given as
/// <c>r=</c>/<c>c=</c>/<c>l=</c> (or <c>resistance=</c> ...) and may be an expression of node voltages or currents.
/// </summary>
public sealed record TwoTerminalLine(string Name, string[] Nodes, ExpressionSource Value, Expression BoundValue, double? InitialCondition, bool IsCharge)
{
    /// <summary>True when the value depends on the circuit (probes or time): the element is behavioural.</summary>
    public bool IsBehavioral => BoundValue is not NumberExpression;

    /// <summary>The constant value (only when not behavioural).</summary>
    public double Constant => ((NumberExpression)BoundValue).Value;

    /// <summary>Reads the line; <paramref name="valueKeys"/> are the names the value may be given under.</summary>
    public static TwoTerminalLine Read(NetlistLine line, InstanceContext ctx, string usage, params string[] valueKeys)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(valueKeys);
        var r = new LineReader(line, usage);
        var nodes = new[] { ctx.Node(r.Word("node n+")), ctx.Node(r.Word("node n-")) };
        ExpressionSource? value = null;
        double? ic = null;
        var charge = false;
        if (!r.AtEnd && !r.AtAssignment)
        {
            var t = r.Next("value");
            value = t.Kind == TokenKind.Expression
                ? new ExpressionSource(t.Text, t.Location with { Column = t.Location.Column + 1 })
                : t.Kind == TokenKind.Word ? new ExpressionSource(t.Text, t.Location)
                : throw new UserInputException(t.Location, $"expected a value, found '{t}'", $"expected: {usage}");
            if (t.Kind == TokenKind.Word && SpiceNumber.TryParse(t.Text, out _, out var ignored) && ignored.Length > 0)
            {
                ctx.Scope.WarnSuffix(t.Location, t.Original);
            }
        }

        foreach (var (name, token, at) in r.Assignments())
        {
            if (name == "ic")
            {
                ic = ctx.Scope.Evaluate(token);
            }
            else if (valueKeys.Contains(name) || (name == "q" && valueKeys.Contains("c")))
            {
                value = token.Kind == TokenKind.Expression
                    ? new ExpressionSource(token.Text, token.Location with { Column = token.Location.Column + 1 })
                    : new ExpressionSource(token.Text, token.Location);
                charge = name == "q";
            }
            else if (name is "tc1" or "tc2" or "tc" or "temp" or "dtemp" or "m" or "scale" or "noisy" or "noise" or "tce")
            {
                ctx.Scope.Sink.WarnOnce("tc:" + name, Diagnostic.Warning(at, $"'{name}' on {line.Tokens[0].Original} ignored", "the element takes its nominal value"));
            }
            else
            {
                throw new UserInputException(at, $"unknown parameter '{name}' on {line.Tokens[0].Original}", $"expected: {usage}");
            }
        }

        if (value is null)
        {
            throw new UserInputException(r.Here, "missing value", $"expected: {usage}");
        }

        var bound = ctx.Bind(value, $"the value of {line.Tokens[0].Original}");
        if (bound is NumberExpression n && !double.IsFinite(n.Value))
        {
            throw value.Error(0, $"the value of {line.Tokens[0].Original} evaluates to {n.Value}", "look for a division by zero or an overflow");
        }

        return new TwoTerminalLine(ctx.Name(line.Head), nodes, value, bound, ic, charge);
    }
}
