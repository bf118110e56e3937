using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Expressions;

/// <summary>
/// A user function from <c>.func name(a, b) {body}</c> (or HSPICE's <c>.param name(a, b) = {body}</c>). Calls are
/// inlined when an expression is bound, so a behavioural source compiles to one program; free names in the body are
/// resolved where the function is called (as ngspice's text substitution does).
/// </summary>
public sealed record FunctionDefinition(string Name, IReadOnlyList<string> Parameters, Expression Body, ExpressionSource Source, SourceLocation Location);

/// <summary>
/// What names mean where an expression is bound: parameter values, user functions, and (for behavioural values) how
/// local node and element names map to flattened ones. <see cref="Node"/> null means <c>V()</c>/<c>I()</c>/<c>time</c>
/// are not allowed (a <c>.param</c> or a constant element value).
/// </summary>
public sealed class BindingScope
{
    /// <summary>A parameter's value, or null if undefined.</summary>
    public required Func<string, double?> Parameter { get; init; }

    /// <summary>A user function, or null.</summary>
    public required Func<string, FunctionDefinition?> Function { get; init; }

    /// <summary>Names visible here, for did-you-mean hints.</summary>
    public required Func<IReadOnlyCollection<string>> Names { get; init; }

    /// <summary>Maps a node name as written to its flattened name; null where probes are not allowed.</summary>
    public Func<string, string>? Node { get; init; }

    /// <summary>Maps an element name as written to its flattened name.</summary>
    public Func<string, string>? Element { get; init; }

    /// <summary>What the context is called in messages (e.g. "a .param value").</summary>
    public string Context { get; init; } = "a constant value";

    /// <summary>Temperature in degrees Celsius that <c>temper</c> means in constant expressions.</summary>
    public double Temperature { get; init; } = 27;
}
