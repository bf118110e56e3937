using System.CommandLine;
using System.Diagnostics;
using Neuromorph.Diagnostics;
using Neuromorph.Io;
using Neuromorph.Units;
using Neuromorph.Studies;
using Neuromorph.Studies.Subjects;
using Neuromorph.Studies.Reporting;
using Spectre.Console;

namespace Neuromorph.Cli.Commands;

/// <summary>
/// <c>neuromorph sweep STUDY.yaml [-o DIR] [--jobs N] [--shard i/n] [--fresh]</c> runs a device-parameter study,
/// resumably; <c>neuromorph sweep merge DIR... -o DIR</c> combines the shards of one study.
/// </summary>
public static class SweepCommand
{
    /// <summary>Creates the command and its <c>merge</c> sub-command.</summary>
    public static Command Create()
    {
        var file = new Argument<FileInfo>("study") { Description = "study YAML file" };
        var output = new Option<DirectoryInfo?>("--output", "-o") { Description = "output directory (default: named after the study file); an existing one is resumed" };
        var jobs = new Option<int>("--jobs", "-j") { Description = "runs in parallel (default: number of cores)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var shard = new Option<string>("--shard") { Description = "run only shard i of n (e.g. 2/8), for cluster job arrays", DefaultValueFactory = _ => "1/1" };
        var fresh = new Option<bool>("--fresh") { Description = "discard earlier results in the output directory instead of resuming" };
        var command = new Command("sweep", "Run a parameter study: grid/random/LHS points with replicates, resumable and shardable.") { file, output, jobs, shard, fresh };
        var backend = new BackendOptions();
        backend.AddTo(command);
        var plotFormat = new PlotFormatOption();
        plotFormat.AddTo(command);
        command.SetAction(parse => Run(parse, file, output, jobs, shard, fresh, backend, plotFormat, Interruption.Requested));
        command.Subcommands.Add(CreateMerge());
        return command;
    }

    private static int Run(ParseResult parse, Argument<FileInfo> file, Option<DirectoryInfo?> output, Option<int> jobs, Option<string> shardOption, Option<bool> fresh, BackendOptions backend, PlotFormatOption plotFormat, CancellationToken ct)
    {
        var log = parse.InvocationConfiguration.Output;
        var given = parse.GetValue(output)?.FullName;
        if (given is not null)
        {
            // a given output folder is checked, creating nothing, before the study is read
            OutputLocation.CheckDirectory(given);
        }

        var studyFile = parse.GetRequiredValue(file).FullName;
        var spec = StudySpecReader.ReadFile(studyFile);
        ShardSpec shard;
        try
        {
            shard = ShardSpec.Parse(parse.GetValue(shardOption) ?? "1/1");
        }
        catch (UserInputException ex)
        {
            throw new UserInputException($"--shard: {ex.Diagnostic.Message}", ex.Diagnostic.Hint);
        }

        var jobCount = parse.GetValue(jobs);
        if (jobCount < 1)
        {
            throw new UserInputException($"--jobs must be at least 1, got {jobCount}");
        }

        // the accelerator lives until the study is done (RunStudy runs inside this using)
        using var accelerator = backend.Open(parse, log);
        var subject = StudySubjects.Create(spec, accelerator);
        subject.Validate(spec);
        var folder = RunFolder.Resumable(parse, given, Path.Combine(Environment.CurrentDirectory, spec.Name), [studyFile, .. subject.InputFiles]);
        return folder.Guard(() => RunStudy(parse, folder, spec, shard, jobCount, subject, !parse.GetValue(fresh), plotFormat, ct));
    }

    private static int RunStudy(ParseResult parse, RunFolder folder, StudySpec spec, ShardSpec shard, int jobCount, IStudySubject subject, bool resume, PlotFormatOption plotFormat, CancellationToken ct)
    {
        var log = parse.InvocationConfiguration.Output;
        var dir = folder.Directory;
        // the manifest lists what this session writes (study.json included) besides the files of earlier sessions
        folder.Snapshot();
        OutputLocation.PrepareDirectory(dir);
        using var store = OpenStore(dir, spec, shard, resume, StudyInputs.Of(subject.InputFiles));
        folder.Begin();
        var total = StudyPlan.Runs(spec).Count(r => shard.Contains(r.PointId));
        log.WriteLine($"study '{spec.Name}': {total} runs in shard {shard} ({store.Existing.Count(r => r.Status == RunStatus.Ok)} already done), {jobCount} jobs -> {dir}");
        StudyOutcome report;
        var printed = 0;
        try
        {
            var interactive = !ConsoleProgress.Quiet && ReferenceEquals(log, Console.Out) && !Console.IsOutputRedirected && Spectre.Console.AnsiConsole.Profile.Capabilities.Interactive;
            if (interactive)
            {
                // a live bar (runs done, rate, ETA) in a terminal; failures are printed above it as they happen
                report = null!;
                Spectre.Console.AnsiConsole.Progress()
                    .Columns(new Spectre.Console.TaskDescriptionColumn(), new Spectre.Console.ProgressBarColumn(), new Spectre.Console.PercentageColumn(), new Spectre.Console.RemainingTimeColumn(), new Spectre.Console.SpinnerColumn())
                    .Start(ctx =>
                    {
                        var task = ctx.AddTask(spec.Name, maxValue: total);
                        var progress = new SyncProgress<StudyProgress>(p =>
                        {
                            task.Value = p.Done;
                            task.Description = $"{spec.Name}: {p.Done}/{p.Total}, {p.Failed} failed";
                            foreach (var failure in Shown(p.NewFailures, ref printed))
                            {
                                Spectre.Console.AnsiConsole.MarkupLineInterpolated($"[red]failed:[/] {failure}");
                            }
                        });
                        report = subject is IBatchStudySubject batched
                    ? StudyRunner.RunBatched(spec, store, shard, batched, progress, ct)
                    : StudyRunner.Run(spec, store, shard, (run, token) => subject.Evaluate(spec, run, token), jobCount, progress, ct);
                    });
            }
            else
            {
                var clock = Stopwatch.StartNew();
                var lastPrint = TimeSpan.Zero;
                var gate = new object();
                var progress = new SyncProgress<StudyProgress>(p =>
                {
                    lock (gate)
                    {
                        foreach (var failure in Shown(p.NewFailures, ref printed))
                        {
                            log.WriteLine($"  failed: {failure}");
                        }

                        if (!ConsoleProgress.Quiet && (clock.Elapsed - lastPrint > TimeSpan.FromSeconds(2) || p.Done == p.Total))
                        {
                            lastPrint = clock.Elapsed;
                            var rate = p.Done / Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
                            var eta = rate > 0 ? TimeSpan.FromSeconds((p.Total - p.Done) / rate) : TimeSpan.Zero;
                            log.WriteLine($"  {p.Done}/{p.Total} runs, {p.Failed} failed, {rate:0.0} runs/s, ETA {eta:hh\\:mm\\:ss}");
                        }
                    }
                });
                report = subject is IBatchStudySubject batched
                    ? StudyRunner.RunBatched(spec, store, shard, batched, progress, ct)
                    : StudyRunner.Run(spec, store, shard, (run, token) => subject.Evaluate(spec, run, token), jobCount, progress, ct);
            }

        }
        catch (OperationCanceledException)
        {
            // every finished run is already in results.csv; the report covers them
            var kept = StudyOutputs.WriteFromResults(spec, dir);
            parse.InvocationConfiguration.Error.WriteLine($"neuromorph: interrupted; finished runs are kept in {Path.Combine(dir, ResultsStore.ResultsFile)} (report: {kept.Count} files); run the same command again to resume");
            return Interruption.ExitCode;
        }

        var files = StudyOutputs.WriteFromResults(spec, dir, plotFormat.Writer(parse));
        log.WriteLine($"done: {report.Executed} run now, {report.Skipped} skipped as finished, {report.Failed} failed, {DurationText.Format(report.Wall.TotalSeconds)}");
        log.WriteLine($"  wrote {Path.Combine(dir, ResultsStore.ResultsFile)} summary.csv, index.html and {files.Count - 2} plot file(s)");
        if (report.Failed > 0)
        {
            if (report.Failed > printed)
            {
                log.WriteLine($"  ... and {report.Failed - printed} more failed run(s), not printed: every failure is in results.csv (status, message) and index.html");
            }

            parse.InvocationConfiguration.Error.WriteLine($"neuromorph: {report.Failed} of {report.Total} runs failed (status and message in results.csv); they are retried when the study is resumed");
            return CommandRunner.NumericalFailure;
        }

        return CommandRunner.Success;
    }

    /// <summary>How many failed runs a sweep prints as they happen; the rest are counted at the end (all are in results.csv).</summary>
    private const int PrintedFailures = 20;

    /// <summary>The failures of a progress report that still fit under <see cref="PrintedFailures"/>.</summary>
    private static List<string> Shown(IReadOnlyList<string>? failures, ref int printed)
    {
        var shown = (failures ?? []).Take(Math.Max(0, PrintedFailures - printed)).ToList();
        printed += shown.Count;
        return shown;
    }

    /// <summary>Opens the results store; a refusal to resume gets the flags that start over or go elsewhere as its hint.</summary>
    private static ResultsStore OpenStore(string dir, StudySpec spec, ShardSpec shard, bool resume, IReadOnlyList<StudyInput> inputs)
    {
        try
        {
            return ResultsStore.Open(dir, spec, shard, resume, inputs);
        }
        catch (UserInputException ex) when (ex.Diagnostic.Hint == ResultsStore.StartOver)
        {
            throw new UserInputException(ex.Diagnostic with
            {
                Hint = $"start over with --fresh (discards the old results in {dir}), or write to another directory with -o DIR",
            });
        }
    }

    private static Command CreateMerge()
    {
        var dirs = new Argument<DirectoryInfo[]>("directories") { Description = "shard output directories of one study", Arity = ArgumentArity.OneOrMore };
        var output = new Option<DirectoryInfo>("--output", "-o") { Description = "directory for the merged results", Required = true };
        var command = new Command("merge", "Combine the shard directories of one study, checking nothing is missing or duplicated.") { dirs, output };
        var plotFormat = new PlotFormatOption();
        plotFormat.AddTo(command);
        var overwrite = new OverwriteOption();
        overwrite.AddTo(command);
        command.SetAction(parse =>
        {
            var shardDirs = parse.GetRequiredValue(dirs).Select(d => d.FullName).ToList();
            // the output folder is checked, creating nothing, before the shards are read
            var folder = RunFolder.Claim(parse, parse.GetRequiredValue(output).FullName, "", overwrite.Given(parse), [.. shardDirs.Select(d => Path.Combine(d, ResultsStore.ResultsFile))]);
            return folder.Guard(() =>
            {
                var manifest = ResultsStore.ReadManifest(shardDirs[0]);
                if (!File.Exists(manifest.StudyFile))
                {
                    throw new UserInputException(new SourceLocation(manifest.StudyFile, 0, 0), "the study file these shards came from is gone", "merge on a machine where the study file is at the same path");
                }

                var spec = StudySpecReader.ReadFile(manifest.StudyFile);
                folder.Begin();
                var outDir = folder.Directory;
                var rows = ShardMerger.Merge(spec, shardDirs, outDir);
                var files = StudyOutputs.Write(spec, rows, outDir, plotFormat.Writer(parse));
                parse.InvocationConfiguration.Output.WriteLine($"merged {shardDirs.Count} shards: {rows.Count} runs -> {outDir} (results.csv, summary.csv, index.html and {files.Count - 2} plot file(s))");
                return CommandRunner.Success;
            });
        });
        return command;
    }

    /// <summary>An IProgress that reports on the calling thread (no synchronisation context hop).</summary>
    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
