using System.CommandLine;
using System.Diagnostics;
using Neuromorph.Experiments;
using Neuromorph.Experiments.Netlist;
using Neuromorph.Experiments.Results;
using Neuromorph.Io;
using Neuromorph.Units;

namespace Neuromorph.Cli.Commands;

/// <summary>
/// <c>neuromorph simulate FILE.cir [-o DIR] [-r FILE.raw] [--plot "Y vs X"] [--engine mna|ctd]</c>: runs a SPICE netlist through
/// <see cref="NetlistExperiment"/> and writes one CSV per analysis (tran.csv, tran2.csv ...), measure.csv, the
/// control block's wrdata files, plots, and with <c>-r</c> an ngspice binary raw file (PNG and/or SVG, <c>--plot-format</c>).
/// </summary>
public static class SimulateCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var options = new SimulateOptions();
        var command = options.Command();
        command.SetAction(parse => Run(parse, options));
        return command;
    }

    /// <summary>The spec that <paramref name="argv"/> (the arguments after <c>simulate</c>) asks for, or the errors that stop it.</summary>
    public static (NetlistSpec? Spec, IReadOnlyList<string> Errors) Parse(params string[] argv) => new SimulateOptions().Parse(argv);

    private static int Run(ParseResult parse, SimulateOptions options)
    {
        var (log, err) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        var spec = options.Spec(parse);
        options.CheckBackend(parse, log);
        // the raw file's place is checked, creating nothing, before the netlist is simulated (as -o and --export-netlist)
        var rawPath = parse.GetValue(options.Raw) is { } raw ? OutputLocation.CheckFile(raw.FullName, "--raw") : null;
        var clock = Stopwatch.StartNew();
        var writer = new ResultWriter(options.PlotFormat.Writer(parse), options.TableFormat.Format(parse));
        // the output folder is checked now and created only once the netlist has been read and simulated
        var folder = RunFolder.Claim(parse, parse.GetValue(options.Output)?.FullName, Path.Combine(Environment.CurrentDirectory, Path.GetFileNameWithoutExtension(spec.NetlistPath)), options.Overwrite.Given(parse), spec.NetlistPath);
        return folder.Guard(() =>
        {
            var context = new ExperimentContext(folder.Directory, log, Interruption.Requested) { Progress = new ConsoleProgress(err, "transient") };
            var result = NetlistExperiment.Run(spec, context, table => err.WriteLine(SimulateOutput.Warning(table)));
            folder.Begin();
            SimulateOutput.Write(result, writer, folder.Directory, log, err);
            if (rawPath is not null)
            {
                log.WriteLine($"  wrote {Path.GetRelativePath(Environment.CurrentDirectory, ResultWriter.Write(RawPlots.File(result, rawPath, DateTime.Now), folder.Directory))}");
            }

            log.WriteLine($"  total {DurationText.Format(clock.Elapsed.TotalSeconds)}");
            // a .control block's `quit n` (ngspice's self-checking decks: quit 1 on a failed check) sets the exit status
            return result.ExitCode ?? CommandRunner.Success;
        });
    }
}
