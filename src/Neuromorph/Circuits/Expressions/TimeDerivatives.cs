namespace Neuromorph.Circuits.Expressions;

/// <summary>
/// Takes the <c>ddt(x)</c> calls out of a bound expression: each becomes a read of an auxiliary unknown d (as the
/// current <c>I(name)</c> of an auxiliary element named <c>element#ddtK</c>) whose equation d = dx/dt the element
/// builder adds; an argument with a <c>ddt</c> inside gives its own auxiliary first.
/// </summary>
public static class TimeDerivatives
{
    /// <summary><paramref name="e"/> with every <c>ddt(x)</c> replaced, and the auxiliaries' names and arguments in creation order.</summary>
    public static (Expression Expression, IReadOnlyList<(string Name, Expression Argument)> Auxiliaries) Extract(Expression e, string element)
    {
        ArgumentNullException.ThrowIfNull(e);
        var list = new List<(string, Expression)>();
        return (Rewrite(e, element, list), list);
    }

    /// <summary>True when <paramref name="e"/> has a <c>ddt</c> call.</summary>
    public static bool Any(Expression e) => e switch
    {
        DerivativeExpression => true,
        UnaryExpression u => Any(u.Operand),
        BinaryExpression b => Any(b.Left) || Any(b.Right),
        ConditionalExpression c => Any(c.Condition) || Any(c.WhenTrue) || Any(c.WhenFalse),
        FunctionCall f => f.Arguments.Any(Any),
        TableExpression t => Any(t.Input),
        _ => false,
    };

    private static Expression Rewrite(Expression e, string element, List<(string, Expression)> list)
    {
        switch (e)
        {
            case DerivativeExpression d:
            {
                var argument = Rewrite(d.Argument, element, list);
                var name = $"{element}#ddt{list.Count}";
                list.Add((name, argument));
                return new ProbeExpression(ProbedQuantity.Current, name, d.Position);
            }

            case UnaryExpression u:
                return u with { Operand = Rewrite(u.Operand, element, list) };
            case BinaryExpression b:
                return b with { Left = Rewrite(b.Left, element, list), Right = Rewrite(b.Right, element, list) };
            case ConditionalExpression c:
                return c with { Condition = Rewrite(c.Condition, element, list), WhenTrue = Rewrite(c.WhenTrue, element, list), WhenFalse = Rewrite(c.WhenFalse, element, list) };
            case FunctionCall f:
                return f with { Arguments = [.. f.Arguments.Select(a => Rewrite(a, element, list))] };
            case TableExpression t:
                return t with { Input = Rewrite(t.Input, element, list) };
            default:
                return e;
        }
    }
}
