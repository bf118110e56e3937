using System.CommandLine;
using Neuromorph.Experiments.Results;
using Neuromorph.Experiments.Sequence;
using Neuromorph.Io;

namespace Neuromorph.Cli.Commands;

/// <summary>
/// <c>neuromorph train MODEL.yaml [-o DIR]</c>: trains a recurrent sequence model (docs/sequence.md) and writes
/// model.json (PyTorch parameter names), training.csv, predictions.csv, metrics.csv and the training-curve and
/// prediction plots (<c>--plot-format</c>), with Parquet copies of the tables under <c>--table-format parquet</c>; one line per epoch on stderr. The flags become a <see cref="TrainRequest"/>
/// (<see cref="TrainOptions"/>), the file a <see cref="SequenceRunSpec"/> (<see cref="SequenceTraining"/>), which
/// <see cref="SequenceRun"/> runs. Ctrl-C stops training at the next mini-batch, writes everything for the finished
/// epochs, says what it kept and exits 130.
/// </summary>
public static class TrainCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var options = new TrainOptions();
        var command = options.Command();
        command.SetAction(parse => Run(parse, options));
        return command;
    }

    private static int Run(ParseResult parse, TrainOptions options)
    {
        var (log, error) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        var request = options.Request(parse);
        // the output folder is checked, creating nothing, before the model file is read
        var folder = RunFolder.Claim(parse, request.Output, Path.Combine(Environment.CurrentDirectory, Path.GetFileNameWithoutExtension(request.ModelFile)), request.Overwrite, request.ModelFile);
        return folder.Guard(() =>
        {
            var spec = SequenceTraining.Read(request.ModelFile);
            folder.Begin();
            var dir = folder.Directory;

            // the title goes out (flushed) before the epochs' lines on stderr, so a shared pipe or terminal shows it first
            var result = SequenceRun.Execute(spec, dir, error.WriteLine, cancellation: Interruption.Requested, announce: title =>
            {
                log.WriteLine(title);
                log.Flush();
            });
            log.WriteLine(result.Summary);
            var tables = options.TableFormat.Format(parse) == TableFormat.Parquet
                ? result.Files.Where(f => f.EndsWith(".csv", StringComparison.Ordinal)).Select(f => CsvToParquet.Convert(f)).ToList()
                : [];
            foreach (var f in result.Files.Concat(tables).Concat(options.PlotFormat.Writer(parse).Write(result.Figures, dir)))
            {
                log.WriteLine($"  wrote {Path.GetRelativePath(Environment.CurrentDirectory, f)}");
            }

            if (result.Interrupted is { } what)
            {
                error.WriteLine($"neuromorph: interrupted: {what}; the files above hold it and the finished epochs");
                return Interruption.ExitCode;
            }

            return CommandRunner.Success;
        });
    }
}
