namespace Neuromorph.Diagnostics;

/// <summary>A place in a user's input file: 1-based line and column, as editors count them.</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <summary>A location for input that has no file (a string given on the command line, a test).</summary>
    public static SourceLocation None { get; } = new("<input>", 0, 0);

    /// <summary>Formats as <c>file:line:col</c>, the form compilers and SPICE front ends print.</summary>
    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}" : File;
}
