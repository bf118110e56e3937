using System.CommandLine;
using Neuromorph.Compute;
using Neuromorph.Diagnostics;

namespace Neuromorph.Cli;

/// <summary>
/// Runs a parsed command line and maps failures to the exit codes users can script against:
/// 0 success, 1 numerical failure (<see cref="SimulationException"/>), 2 bad input
/// (<see cref="UserInputException"/> or a command-line parse error, in words: <see cref="ParseErrors"/>). No stack traces for users.
/// </summary>
public static class CommandRunner
{
    /// <summary>Exit code for success.</summary>
    public const int Success = 0;

    /// <summary>Exit code for a numerical failure during a run.</summary>
    public const int NumericalFailure = 1;

    /// <summary>Exit code for malformed input or flags.</summary>
    public const int BadInput = 2;

    /// <summary>
    /// Parses <paramref name="args"/> against <paramref name="root"/> and runs the chosen action; <paramref name="cancel"/>
    /// is what the command watches for an interrupt (<see cref="Interruption.Requested"/>).
    /// </summary>
    public static int Invoke(RootCommand root, string[] args, TextWriter? output = null, TextWriter? error = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(root);
        output ??= Console.Out;
        error ??= Console.Error;
        if (!root.Options.Contains(ConsoleProgress.QuietOption))
        {
            root.Options.Add(ConsoleProgress.QuietOption);
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var line in ParseErrors.Describe(root, parse, args))
            {
                error.WriteLine(line);
            }

            return BadInput;
        }

        try
        {
            // interrupts are handled by Interruption (Program installs it), not by System.CommandLine
            var config = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
            Interruption.Watch(cancel);
            ConsoleProgress.Quiet = parse.GetValue(ConsoleProgress.QuietOption);
            return parse.Invoke(config);
        }
        catch (UserInputException ex)
        {
            error.WriteLine(ex.Diagnostic.ToString());
            return BadInput;
        }
        catch (SimulationException ex)
        {
            // every numerical failure (singular matrix, step too small, NaN state, no convergence) arrives as this one type
            error.WriteLine($"neuromorph: simulation failed: {ex.Message}");
            if (ex.Hint is { } hint)
            {
                error.WriteLine($"  hint: {hint}");
            }

            return NumericalFailure;
        }
        catch (AcceleratorException ex)
        {
            error.WriteLine($"neuromorph: accelerator failed: {ex.Message}");
            return NumericalFailure;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("neuromorph: interrupted; files written before the interrupt are complete, nothing half-written is left");
            return Interruption.ExitCode;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"neuromorph: file error: {ex.Message}");
            error.WriteLine("  hint: check free space and permissions of the input and output paths");
            return NumericalFailure;
        }
        catch (Exception ex)
        {
            // anything else is a bug in Neuromorph: one line for the user, never a stack trace
            error.WriteLine($"neuromorph: internal error ({ex.GetType().Name}): {ex.Message}");
            error.WriteLine("  hint: this is a bug in Neuromorph; please report it with the command line and input files");
            return NumericalFailure;
        }
    }
}
