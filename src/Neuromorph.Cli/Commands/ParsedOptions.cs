using System.CommandLine;
using Neuromorph.Diagnostics;

namespace Neuromorph.Cli.Commands;

/// <summary>
/// The one way a command's flags become its request without running anything (<c>XOptions.Parse(argv)</c>): the
/// parser's errors, or the request, or the first refusal the request's checks raise, each as a diagnostic.
/// </summary>
public static class ParsedOptions
{
    /// <summary>Parses <paramref name="argv"/> with <paramref name="command"/> and builds the request with <paramref name="build"/>.</summary>
    public static (T? Request, IReadOnlyList<Diagnostic> Errors) Parse<T>(Command command, string[] argv, Func<ParseResult, T> build)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(build);
        var parse = command.Parse(argv);
        if (parse.Errors.Count > 0)
        {
            return (null, [.. parse.Errors.Select(e => Diagnostic.Error(SourceLocation.None, e.Message))]);
        }

        try
        {
            return (build(parse), []);
        }
        catch (UserInputException ex)
        {
            return (null, [ex.Diagnostic]);
        }
    }
}
