using System.CommandLine;
using Neuromorph.Diagnostics;

namespace Neuromorph.Cli.Commands;

/// <summary>The flags of <c>neuromorph train</c> and how they become a <see cref="TrainRequest"/>; <see cref="Parse"/> reads no file.</summary>
public sealed class TrainOptions
{
    private readonly Argument<FileInfo> _file = new("model") { Description = "YAML file with model:, data: and training: sections" };
    private readonly Option<DirectoryInfo?> _output = new("--output", "-o") { Description = "output directory (default: named after the file)" };

    /// <summary><c>--plot-format</c>.</summary>
    public PlotFormatOption PlotFormat { get; } = new();

    /// <summary><c>--table-format csv|parquet</c>: Parquet copies of training.csv, predictions.csv and metrics.csv.</summary>
    public TableFormatOption TableFormat { get; } = new();

    /// <summary><c>--overwrite</c>.</summary>
    public OverwriteOption Overwrite { get; } = new();

    /// <summary>The <c>train</c> command with every flag, without an action.</summary>
    public Command Command()
    {
        var command = new Command("train", "Train a recurrent sequence model (Elman, Jordan, LSTM, GRU) by backpropagation through time.") { _file, _output };
        PlotFormat.AddTo(command);
        TableFormat.AddTo(command);
        Overwrite.AddTo(command);
        return command;
    }

    /// <summary>The request the flags describe.</summary>
    public TrainRequest Request(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new TrainRequest(parse.GetRequiredValue(_file).FullName, parse.GetValue(_output)?.FullName, Overwrite.Given(parse), PlotFormat.Formats(parse));
    }

    /// <summary>Parses <paramref name="argv"/> (the arguments after <c>train</c>): the request, or null and the parser's errors.</summary>
    public static (TrainRequest? Request, IReadOnlyList<Diagnostic> Errors) Parse(params string[] argv)
    {
        var options = new TrainOptions();
        var parse = options.Command().Parse(argv);
        return parse.Errors.Count > 0
            ? (null, [.. parse.Errors.Select(e => Diagnostic.Error(SourceLocation.None, e.Message))])
            : (options.Request(parse), []);
    }
}
