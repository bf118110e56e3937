namespace Neuromorph.Diagnostics;

/// <summary>
/// The user's input (netlist, YAML, problem file, flag) is wrong. The command line prints
/// <see cref="Diagnostic"/> without a stack trace and exits with code 2.
/// </summary>
public sealed class UserInputException : Exception
{
    /// <summary>Creates the exception from a diagnostic.</summary>
    public UserInputException(Diagnostic diagnostic)
        : base(diagnostic.ToString()) => Diagnostic = diagnostic;

    /// <summary>Creates the exception from a location, message and hint.</summary>
    public UserInputException(SourceLocation location, string message, string? hint = null)
        : this(Diagnostic.Error(location, message, hint))
    {
    }

    /// <summary>Creates an exception for input that has no file location (a command-line flag).</summary>
    public UserInputException(string message, string? hint = null)
        : this(SourceLocation.None, message, hint)
    {
    }

    /// <summary>Creates the exception (for serializers); prefer the diagnostic overloads.</summary>
    public UserInputException()
        : this("invalid input")
    {
    }

    /// <summary>Creates the exception wrapping an inner exception.</summary>
    public UserInputException(string message, Exception innerException)
        : base(message, innerException) =>
        Diagnostic = Diagnostic.Error(SourceLocation.None, message);

    /// <summary>What is wrong, where, and a hint.</summary>
    public Diagnostic Diagnostic { get; }
}
