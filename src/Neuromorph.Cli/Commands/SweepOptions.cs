using System.CommandLine;
using Neuromorph.Diagnostics;
using Neuromorph.Io;
using Neuromorph.Studies;

namespace Neuromorph.Cli.Commands;

/// <summary>
/// The flags of <c>neuromorph sweep</c> and how they become a <see cref="SweepRequest"/>: a given output folder is
/// checked (creating nothing) and the study file read before the shard and job count are checked, each refusal naming
/// its flag. <see cref="Parse"/> does all this without running anything.
/// </summary>
public sealed class SweepOptions
{
    /// <summary>The study file.</summary>
    public Argument<FileInfo> Study { get; } = new("study") { Description = "study YAML file" };

    /// <summary><c>--output</c>, <c>-o</c>.</summary>
    public Option<DirectoryInfo?> Output { get; } = new("--output", "-o") { Description = "output directory (default: named after the study file); an existing one is resumed" };

    /// <summary><c>--jobs</c>, <c>-j</c>.</summary>
    public Option<int> Jobs { get; } = new("--jobs", "-j") { Description = "runs in parallel (default: number of cores)", DefaultValueFactory = _ => Environment.ProcessorCount };

    /// <summary><c>--shard</c>.</summary>
    public Option<string> Shard { get; } = new("--shard") { Description = "run only shard i of n (e.g. 2/8), for cluster job arrays", DefaultValueFactory = _ => "1/1" };

    /// <summary><c>--fresh</c>.</summary>
    public Option<bool> Fresh { get; } = new("--fresh") { Description = "discard earlier results in the output directory instead of resuming" };

    /// <summary><c>--slurm</c>: submit as a job array of N shards and a merge job instead of running here.</summary>
    public Option<int> Slurm { get; } = new("--slurm") { Description = "submit the study to Slurm as a job array of N shards plus a merge job (sbatch), print the job ids and return" };

    /// <summary><c>--slurm-opt</c>: options passed to sbatch (repeatable).</summary>
    public Option<string[]> SlurmOptions { get; } = new("--slurm-opt") { Description = "an option for sbatch, e.g. --slurm-opt=--partition=gpu --slurm-opt=--time=04:00:00 (repeatable)", AllowMultipleArgumentsPerToken = false };

    /// <summary><c>--backend</c> and <c>--precision</c>.</summary>
    public BackendOptions Backend { get; } = new();

    /// <summary><c>--plot-format</c>.</summary>
    public PlotFormatOption PlotFormat { get; } = new();

    /// <summary><c>--table-format csv|parquet</c>: Parquet copies of results.csv and summary.csv.</summary>
    public TableFormatOption TableFormat { get; } = new();

    /// <summary>The <c>sweep</c> command with every flag, without an action or sub-command.</summary>
    public Command Command()
    {
        var command = new Command("sweep", "Run a parameter study: grid/random/LHS points with replicates, resumable and shardable.") { Study, Output, Jobs, Shard, Fresh, Slurm, SlurmOptions };
        Backend.AddTo(command);
        PlotFormat.AddTo(command);
        TableFormat.AddTo(command);
        return command;
    }

    /// <summary>
    /// The request the flags describe: a given output folder is checked (creating nothing) before the study is read,
    /// then the shard and the job count; a refusal is an input error naming its flag.
    /// </summary>
    public SweepRequest Request(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var given = parse.GetValue(Output)?.FullName;
        if (given is not null)
        {
            // a given output folder is checked, creating nothing, before the study is read
            OutputLocation.CheckDirectory(given);
        }

        var study = StudySpecReader.ReadFile(parse.GetRequiredValue(Study).FullName);
        ShardSpec shard;
        try
        {
            shard = ShardSpec.Parse(parse.GetValue(Shard) ?? "1/1");
        }
        catch (UserInputException ex)
        {
            throw new UserInputException($"--shard: {ex.Diagnostic.Message}", ex.Diagnostic.Hint);
        }

        var jobs = parse.GetValue(Jobs);
        if (jobs < StudyRequest.MinJobs)
        {
            throw new UserInputException($"--jobs must be at least {StudyRequest.MinJobs}, got {jobs}");
        }

        var slurm = parse.GetValue(Slurm);
        if (parse.GetResult(Slurm) is { Implicit: false } && slurm < 1)
        {
            throw new UserInputException($"--slurm takes the number of shards (array tasks), at least 1; got {slurm}", "e.g. --slurm 16");
        }

        if (slurm > 0 && parse.GetResult(Shard) is { Implicit: false })
        {
            throw new UserInputException("--shard and --slurm do not go together: --slurm gives every array task its own shard", "drop --shard");
        }

        if (slurm > 0 && parse.GetValue(Fresh))
        {
            throw new UserInputException("--fresh does not apply to --slurm: a resubmitted task must resume its shard", "submit into a new folder with -o instead");
        }

        if (slurm == 0 && parse.GetValue(SlurmOptions) is { Length: > 0 })
        {
            throw new UserInputException("--slurm-opt passes options to sbatch, but --slurm is not given", "add --slurm N");
        }

        return new SweepRequest(new StudyRequest(study, shard, jobs, Resume: !parse.GetValue(Fresh)), given, Backend.Named(parse), PlotFormat.Formats(parse))
        {
            SlurmShards = slurm,
            SlurmOptions = parse.GetValue(SlurmOptions) ?? [],
            ShardArguments = ShardArguments(parse),
            TableFormat = TableFormat.Format(parse),
        };
    }

    /// <summary>The flags a Slurm shard passes on: backend, precision and plot format, as given.</summary>
    private List<string> ShardArguments(ParseResult parse)
    {
        var args = new List<string>();
        if (parse.GetValue(Backend.Backend) is { } backend)
        {
            args.AddRange(["--backend", backend]);
        }

        if (parse.GetValue(Backend.PrecisionOption) is { } precision)
        {
            args.AddRange(["--precision", precision]);
        }

        if (parse.GetResult(PlotFormat.Option) is { Implicit: false })
        {
            args.AddRange(["--plot-format", parse.GetValue(PlotFormat.Option)!]);
        }

        return args;
    }

    /// <summary>
    /// Parses <paramref name="argv"/> (the arguments after <c>sweep</c>) into a request, running nothing (the study file
    /// is read): the request, or null and the errors (the parser's, or the first refusal).
    /// </summary>
    public static (SweepRequest? Request, IReadOnlyList<Diagnostic> Errors) Parse(params string[] argv)
    {
        var options = new SweepOptions();
        return ParsedOptions.Parse(options.Command(), argv, options.Request);
    }
}
