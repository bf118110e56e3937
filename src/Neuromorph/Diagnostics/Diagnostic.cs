namespace Neuromorph.Diagnostics;

/// <summary>How serious a diagnostic is.</summary>
public enum Severity
{
    /// <summary>The input is used, but probably not as the user meant.</summary>
    Warning,

    /// <summary>The input cannot be used.</summary>
    Error,
}

/// <summary>
/// One message about a user's input, with where it is and how to fix it.
/// Printed as <c>file:line:col: error: message</c> followed by an indented hint.
/// </summary>
public sealed record Diagnostic(Severity Severity, SourceLocation Location, string Message, string? Hint = null)
{
    /// <summary>Creates an error diagnostic.</summary>
    public static Diagnostic Error(SourceLocation location, string message, string? hint = null) =>
        new(Severity.Error, location, message, hint);

    /// <summary>Creates a warning diagnostic.</summary>
    public static Diagnostic Warning(SourceLocation location, string message, string? hint = null) =>
        new(Severity.Warning, location, message, hint);

    /// <inheritdoc />
    public override string ToString()
    {
        var kind = Severity == Severity.Error ? "error" : "warning";
        var where = Location == SourceLocation.None ? "neuromorph" : Location.ToString();
        var text = $"{where}: {kind}: {Message}";
        return Hint is null ? text : $"{text}\n  hint: {Hint}";
    }
}
