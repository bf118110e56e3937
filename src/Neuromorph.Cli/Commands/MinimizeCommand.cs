using System.CommandLine;
using Neuromorph.Experiments;
using Neuromorph.Experiments.Minimize;
using Neuromorph.Experiments.Results;

namespace Neuromorph.Cli.Commands;

/// <summary>
/// <c>neuromorph minimize PROBLEM</c>: solves Max-Cut (G-set), QUBO, Ising, Markowitz portfolio, SAT and weighted MAX-SAT
/// problems with Hopfield machines, annealing, memristive (CTD) dynamics, a digital memcomputing machine or WalkSAT, and
/// writes energy.csv, final.csv, solution.txt, summary.txt, states.csv/memory.csv (where recorded) and the pictures of
/// <see cref="MinimizeFigures"/>. The flags become a <see cref="MinimizeSpec"/> (<see cref="MinimizeOptions"/>), which
/// <see cref="MinimizeExperiment"/> runs, the same run as <c>kind: minimize</c>.
/// </summary>
public static class MinimizeCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var options = new MinimizeOptions();
        var command = options.Command();
        command.SetAction(parse => Run(parse, options));
        return command;
    }

    /// <summary>The default output folder: named after the problem file (<c>G11.txt</c> -> <c>G11</c>), in the current directory.</summary>
    public static string DefaultDirectory(string problemPath) =>
        Path.Combine(Environment.CurrentDirectory, Path.GetFileNameWithoutExtension(Path.TrimEndingDirectorySeparator(problemPath)));

    private static int Run(ParseResult parse, MinimizeOptions options)
    {
        var spec = options.Spec(parse);

        // the output folder is checked, creating nothing, before the problem is read
        var folder = RunFolder.Claim(parse, parse.GetValue(options.Output), DefaultDirectory(spec.Problem), options.Overwrite.Given(parse), spec.Problem, options.SubstratePath(parse));
        return folder.Guard(() =>
        {
            var (log, error) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            using var accelerator = options.Backend.Open(parse, log);
            var interrupt = Interruption.Requested;
            var context = new ExperimentContext(folder.Directory, log, interrupt)
            {
                Accelerator = accelerator,
                Backend = options.Backend.Named(parse),
                Progress = new ConsoleProgress(error, "minimize"),
            };
            var outcome = new MinimizeExperiment().Run(spec, context);
            if (outcome.CouplingDeviation is { } deviation)
            {
                log.WriteLine($"substrate: {parse.GetValue(options.Substrate)}: hardware couplings differ from the problem's by {100 * deviation:G3}% (Frobenius)");
            }

            foreach (var note in outcome.Notes)
            {
                log.WriteLine(note);
            }

            if (outcome.FinishedRestarts == 0)
            {
                interrupt.ThrowIfCancellationRequested();
            }

            // an interrupt still writes every finished restart
            folder.Begin();
            var written = new ResultWriter(options.PlotFormat.Writer(parse), options.TableFormat.Format(parse)).Write(MinimizeReport.Files(outcome, options.TableFormat.Format(parse)), MinimizeFigures.Of(outcome), folder.Directory);
            log.Write(MinimizeReport.Summary(outcome));
            log.WriteLine($"wrote {string.Join(", ", written.Select(Path.GetFileName))} to {Path.GetFullPath(folder.Directory)}");
            if (interrupt.IsCancellationRequested)
            {
                error.WriteLine($"neuromorph: interrupted; the {outcome.FinishedRestarts} finished restart(s) of {spec.Restarts} are written above");
                return Interruption.ExitCode;
            }

            return CommandRunner.Success;
        });
    }
}
