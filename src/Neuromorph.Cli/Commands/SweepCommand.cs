using System.CommandLine;
using Neuromorph.Experiments.Results;
using Neuromorph.Io;
using Neuromorph.Studies;

namespace Neuromorph.Cli.Commands;

/// <summary>
/// <c>neuromorph sweep STUDY.yaml [-o DIR] [--jobs N] [--shard i/n] [--fresh]</c> runs a parameter study, resumably:
/// the flags become a <see cref="SweepRequest"/> (<see cref="SweepOptions"/>), <see cref="StudyRun"/> checks the study
/// against its base and runs a <see cref="StudySession"/> in the output folder, and the command shows progress and says
/// what was written. <c>neuromorph sweep merge DIR... -o DIR</c> (<see cref="SweepMergeCommand"/>) combines the shards
/// of one study.
/// </summary>
public static class SweepCommand
{
    /// <summary>Creates the command and its <c>merge</c> sub-command.</summary>
    public static Command Create()
    {
        var options = new SweepOptions();
        var command = options.Command();
        command.SetAction(parse => Run(parse, options));
        command.Subcommands.Add(SweepMergeCommand.Create());
        return command;
    }

    private static int Run(ParseResult parse, SweepOptions options)
    {
        var (log, error) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        var request = options.Request(parse);
        var cancellation = Interruption.Requested;
        if (request.SlurmShards > 0)
        {
            return SweepSlurm.Submit(request, log);
        }

        // the accelerator lives until the study is done (the session runs inside this using)
        using var accelerator = options.Backend.Open(parse, log);
        var study = StudyRun.Prepare(request.Study, accelerator);
        var folder = RunFolder.Resumable(parse, request.Output, Path.Combine(Environment.CurrentDirectory, study.Spec.Name), [.. study.InputFiles]);
        return folder.Guard(() =>
        {
            // the manifest lists what this session writes (study.json included) besides the files of earlier sessions
            folder.Snapshot();
            OutputLocation.PrepareDirectory(folder.Directory);
            using var session = SweepOutput.Open(study, folder.Directory);
            folder.Begin();
            log.WriteLine(SweepOutput.Started(session, request.Study));
            var progress = new SweepProgress(log, study.Spec.Name);
            StudyOutcome outcome;
            try
            {
                outcome = progress.Show(session.Total, shown => session.Run(shown, cancellation));
            }
            catch (OperationCanceledException)
            {
                // every finished run is already in results.csv; the report covers them
                error.WriteLine(SweepOutput.Interrupted(session, WithParquet(session.WriteOutputs(), session.ResultsFile, request.TableFormat)));
                return Interruption.ExitCode;
            }

            var files = WithParquet(session.WriteOutputs(options.PlotFormat.Writer(parse)), session.ResultsFile, request.TableFormat);
            return SweepOutput.Done(session, outcome, files, progress.Printed, log, error);
        });
    }

    /// <summary>The files written, with Parquet copies of the CSV tables under <c>--table-format parquet</c> (results.csv stays the resumable record).</summary>
    private static IReadOnlyList<string> WithParquet(IReadOnlyList<string> files, string results, TableFormat format) =>
        format == TableFormat.Parquet && File.Exists(results)
            ? [.. files, .. files.Prepend(results).Where(f => f.EndsWith(".csv", StringComparison.Ordinal)).Distinct().Select(f => CsvToParquet.Convert(f))]
            : files;
}
