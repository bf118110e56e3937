using System.CommandLine;
using Neuromorph.Experiments.Sequence;
using Neuromorph.Io;
using Neuromorph.Io.Yaml;

namespace Neuromorph.Cli.Commands;

/// <summary>
/// <c>neuromorph train MODEL.yaml [-o DIR]</c>: trains a recurrent sequence model (docs/sequence.md) and writes
/// model.json (PyTorch parameter names), training.csv, predictions.csv, metrics.csv and the training-curve and
/// prediction plots (<c>--plot-format</c>); one line per epoch on stderr. Ctrl-C stops training at the next
/// mini-batch, writes everything for the finished epochs, says what it kept and exits 130.
/// </summary>
public static class TrainCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var file = new Argument<FileInfo>("model") { Description = "YAML file with model:, data: and training: sections" };
        var output = new Option<DirectoryInfo?>("--output", "-o") { Description = "output directory (default: named after the file)" };
        var command = new Command("train", "Train a recurrent sequence model (Elman, Jordan, LSTM, GRU) by backpropagation through time.") { file, output };
        var plotFormat = new PlotFormatOption();
        plotFormat.AddTo(command);
        var overwrite = new OverwriteOption();
        overwrite.AddTo(command);
        command.SetAction(parse =>
        {
            var path = parse.GetRequiredValue(file).FullName;
            // the output folder is checked, creating nothing, before the model file is read
            var folder = RunFolder.Claim(parse, parse.GetValue(output)?.FullName, Path.Combine(Environment.CurrentDirectory, Path.GetFileNameWithoutExtension(path)), overwrite.Given(parse), path);
            return folder.Guard(() =>
            {
                var root = YamlSection.LoadFile(path);
                var spec = SequenceSpecReader.Read(root);
                if (spec.Training is null)
                {
                    throw root.Error("model_file", "nothing to train: the file loads a trained model and has no 'training:' section", "use 'neuromorph run' to evaluate a trained model");
                }

                folder.Begin();
                var dir = folder.Directory;
                var error = parse.InvocationConfiguration.Error;
                var log = parse.InvocationConfiguration.Output;

                // the title goes out (flushed) before the epochs' lines on stderr, so a shared pipe or terminal shows it first
                var result = SequenceRun.Execute(spec, dir, error.WriteLine, cancellation: Interruption.Requested, announce: title =>
                {
                    log.WriteLine(title);
                    log.Flush();
                });
                log.WriteLine(result.Summary);
                foreach (var f in result.Files.Concat(plotFormat.Writer(parse).Write(result.Figures, dir)))
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
        });
        return command;
    }
}
