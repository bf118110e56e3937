using System.CommandLine;
using Neuromorph.Compute;
using Neuromorph.Diagnostics;

namespace Neuromorph.Cli;

/// <summary>
/// Runs a parsed command line and maps failures to the exit codes users can script against:
/// 0 success, 1 numerical failure (<see cref="SimulationException"/>), 2 bad input
/// (<see cref="UserInputException"/> or a command-line parse error). No stack traces for users.
/// </summary>
public static class CommandRunner
{
    /// <summary>Exit code for success.</summary>
    public const int Success = 0;

    /// <summary>Exit code for a numerical failure during a run.</summary>
    public const int NumericalFailure = 1;

    /// <summary>Exit code for malformed input or flags.</summary>
    public const int BadInput = 2;

    /// <summary>Parses <paramref name="args"/> against <paramref name="root"/> and runs the chosen action.</summary>
    public static int Invoke(RootCommand root, string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        output ??= Console.Out;
        error ??= Console.Error;
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                error.WriteLine($"neuromorph: error: {e.Message}");
            }

            var first = args.FirstOrDefault(a => !a.StartsWith('-'));
            var close = first is null || root.Subcommands.Any(c => c.Name == first) ? null : Suggestions.Closest(first, root.Subcommands.Select(c => c.Name));
            error.WriteLine(close is not null
                ? $"  hint: did you mean 'neuromorph {close}'?"
                : "  hint: run 'neuromorph --help' or 'neuromorph COMMAND --help' for usage");
            return BadInput;
        }

        try
        {
            var config = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
            return parse.Invoke(config);
        }
        catch (UserInputException ex)
        {
            error.WriteLine(ex.Diagnostic.ToString());
            return BadInput;
        }
        catch (SimulationException ex)
        {
            error.WriteLine($"neuromorph: simulation failed: {ex.Message}");
            return NumericalFailure;
        }
        catch (ArithmeticException ex)
        {
            // a factorisation that met a non-positive pivot or similar: a numerical failure of the model, not a crash
            error.WriteLine($"neuromorph: numerical failure: {ex.Message}");
            error.WriteLine("  hint: tighten rtol/atol, or check that device parameters keep every resistance positive");
            return NumericalFailure;
        }
        catch (AcceleratorException ex)
        {
            error.WriteLine($"neuromorph: accelerator failed: {ex.Message}");
            return NumericalFailure;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("neuromorph: cancelled");
            return 130;
        }
    }
}
