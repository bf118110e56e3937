using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Expressions;

/// <summary>Expression text and where its first character is in the netlist, for located errors.</summary>
public sealed record ExpressionSource(string Text, SourceLocation Origin)
{
    /// <summary>The location of character <paramref name="position"/> of the text.</summary>
    public SourceLocation At(int position) => Origin with { Column = Origin.Column + Math.Max(0, position) };

    /// <summary>A located user error at <paramref name="position"/>.</summary>
    public UserInputException Error(int position, string message, string? hint) => new(At(position), message, hint);
}
