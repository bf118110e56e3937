using System.CommandLine;
using Neuromorph.Diagnostics;
using Neuromorph.Experiments;
using Neuromorph.Experiments.Results;
using Neuromorph.Io;
using Neuromorph.Io.Yaml;

namespace Neuromorph.Cli.Commands;

/// <summary>
/// <c>neuromorph run EXPERIMENT.yaml [-o DIR] [--export-netlist [FILE]] [--plot-format png|svg|both|none]</c>: runs a YAML
/// experiment (crossbar, ctd, recall ...) and renders the figures it returns into the output directory.
/// </summary>
public static class RunCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var file = new Argument<FileInfo>("experiment") { Description = "YAML experiment file; its 'kind:' key selects the experiment" };
        var output = new Option<DirectoryInfo?>("--output", "-o") { Description = "output directory (default: named after the file)" };
        var netlist = new Option<string?>("--export-netlist")
        {
            Description = "write the solved circuit as a SPICE netlist to FILE (default: crossbar.cir in the output directory; crossbar experiments)",
            Arity = ArgumentArity.ZeroOrOne,
            HelpName = "FILE",
        };
        var kinds = string.Join(", ", ExperimentCatalog.KindNames);
        var command = new Command("run", $"Run a YAML experiment (kinds: {kinds}).") { file, output, netlist };
        var backend = new BackendOptions();
        backend.AddTo(command);
        var plotFormat = new PlotFormatOption();
        plotFormat.AddTo(command);
        var tableFormat = new TableFormatOption();
        tableFormat.AddTo(command);
        var overwrite = new OverwriteOption();
        overwrite.AddTo(command);
        command.SetAction(parse =>
        {
            var path = parse.GetRequiredValue(file).FullName;
            // every output path is checked, creating nothing, before the experiment is read and run
            var folder = RunFolder.Claim(parse, parse.GetValue(output)?.FullName, Path.Combine(Environment.CurrentDirectory, Path.GetFileNameWithoutExtension(path)), overwrite.Given(parse), path);
            return folder.Guard(() => Run(parse, folder, path, netlist, backend, plotFormat, tableFormat));
        });
        return command;
    }

    private static int Run(ParseResult parse, RunFolder folder, string path, Option<string?> netlist, BackendOptions backend, PlotFormatOption plotFormat, TableFormatOption tableFormat)
    {
        var dir = folder.Directory;
        var exportTo = parse.GetValue(netlist) is { Length: > 0 } chosen ? OutputLocation.CheckFile(chosen, "--export-netlist") : null;
        var root = YamlSection.LoadFile(path);
        var experiment = ExperimentCatalog.Select(root);
        string? netlistPath = null;
        if (parse.GetResult(netlist) is not null)
        {
            if (experiment is not INetlistExporter exporter)
            {
                throw new UserInputException($"--export-netlist: a '{experiment.Kind}' experiment has no netlist to export", "netlists are exported by: " + string.Join(", ", ExperimentCatalog.All.Where(e => e is INetlistExporter).Select(e => e.Kind)));
            }

            netlistPath = exportTo ?? OutputLocation.CheckFile(Path.Combine(dir, exporter.DefaultNetlistName), "--export-netlist");
        }

        var log = parse.InvocationConfiguration.Output;
        using var accelerator = backend.Open(parse, log);
        // a run that fails before writing anything leaves no output folder behind (RunFolder.Finish)
        folder.Begin();
        var report = experiment.Run(root, new ExperimentContext(dir, log, Interruption.Requested) { Accelerator = accelerator, Backend = backend.Named(parse), NetlistPath = netlistPath, Progress = new ConsoleProgress(parse.InvocationConfiguration.Error, experiment.Kind) });
        foreach (var w in report.Warnings)
        {
            parse.InvocationConfiguration.Error.WriteLine(w.ToString());
        }

        log.WriteLine(report.Summary);
        // an interrupted run's finished part is written whole: the interrupt that stopped it does not stop the writing
        var written = new ResultWriter(plotFormat.Writer(parse), tableFormat.Format(parse)).Write(report.Outputs, report.Figures, dir, report.Interrupted is null ? Interruption.Requested : CancellationToken.None);
        foreach (var f in report.Files.Concat(written))
        {
            log.WriteLine($"  wrote {Path.GetRelativePath(Environment.CurrentDirectory, f)}");
        }

        if (report.Interrupted is { } what)
        {
            parse.InvocationConfiguration.Error.WriteLine($"neuromorph: interrupted: {what}; the files above hold it");
            return Interruption.ExitCode;
        }

        return CommandRunner.Success;
    }
}
