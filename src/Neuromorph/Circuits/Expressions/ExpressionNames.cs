namespace Neuromorph.Circuits.Expressions;

/// <summary>The bare names (parameters, vectors, measurement results) an expression reads.</summary>
public static class ExpressionNames
{
    /// <summary>The names <paramref name="e"/> reads, in order, with repeats.</summary>
    public static IEnumerable<string> Of(Expression e) => e switch
    {
        NameExpression n => [n.Name],
        CallExpression c => c.Arguments.SelectMany(Of),
        UnaryExpression u => Of(u.Operand),
        BinaryExpression b => Of(b.Left).Concat(Of(b.Right)),
        ConditionalExpression q => Of(q.Condition).Concat(Of(q.WhenTrue)).Concat(Of(q.WhenFalse)),
        TableExpression t => Of(t.Input),
        _ => [],
    };
}
