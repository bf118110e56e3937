using System.CommandLine;
using Neuromorph.Diagnostics;
using Neuromorph.Experiments.Netlist;
using Neuromorph.Kernels.Backends;

namespace Neuromorph.Cli.Commands;

/// <summary>
/// The flags of <c>neuromorph simulate</c> and how they become a <see cref="NetlistSpec"/>: the spec's checks with the
/// command line's names for what they check (<c>--max-points</c>, <c>--plot</c>).
/// </summary>
internal sealed class SimulateOptions
{
    public Argument<FileInfo> Netlist { get; } = new("netlist") { Description = "SPICE netlist (.cir); Xyce and ngspice syntax both work" };

    public Option<DirectoryInfo?> Output { get; } = new("--output", "-o") { Description = "output directory (default: named after the netlist)" };

    public Option<string> Engine { get; } = new("--engine") { Description = NetlistEngines.Description, DefaultValueFactory = _ => "mna" };

    public Option<string[]> Plots { get; } = new("--plot") { Description = "extra plot \"Y vs X\" from .print columns, e.g. \"i(rs) vs v(in,mid)\" for an I-V loop (repeatable; one series per .step)", AllowMultipleArgumentsPerToken = false };

    public Option<int> MaxPoints { get; } = new("--max-points") { Description = "write at most N rows per analysis CSV, evenly spaced (0: every point)", DefaultValueFactory = _ => 0 };

    public Option<FileInfo?> Raw { get; } = new("--raw", "-r") { Description = "also write every analysis into one binary SPICE raw file (ngspice's layout: ngspice 'load', spicelib, waveform viewers)" };

    public PlotFormatOption PlotFormat { get; } = new();

    public TableFormatOption TableFormat { get; } = new();

    public BackendOptions Backend { get; } = new();

    public OverwriteOption Overwrite { get; } = new();

    /// <summary>The command with every option (its action is the caller's).</summary>
    public Command Command()
    {
        Engine.AcceptOnlyFromAmong([.. NetlistEngines.Names]);
        var command = new Command("simulate", "Simulate a SPICE netlist (.op, .dc, .tran, .ac, .measure, .step) and write CSV tables and plots.") { Netlist, Output, Raw, Plots, Engine, MaxPoints };
        PlotFormat.AddTo(command);
        TableFormat.AddTo(command);
        Backend.AddTo(command);
        Overwrite.AddTo(command);
        return command;
    }

    /// <summary>The spec <paramref name="argv"/> asks for, or the parser's errors or the spec's (one), as messages.</summary>
    public (NetlistSpec? Spec, IReadOnlyList<string> Errors) Parse(IReadOnlyList<string> argv)
    {
        var (spec, errors) = ParsedOptions.Parse(Command(), [.. argv], Spec);
        return (spec, [.. errors.Select(e => e.Message)]);
    }

    /// <summary>The spec the flags ask for; a row limit or plot the spec refuses is an input error naming its flag.</summary>
    public NetlistSpec Spec(ParseResult parse)
    {
        var rowLimit = parse.GetValue(MaxPoints);
        if (NetlistSpec.MaxPointsError(rowLimit) is not null)
        {
            throw new UserInputException($"--max-points must be 0 (every point) or at least 2, got {rowLimit}", "e.g. --max-points 10000");
        }

        var plots = (parse.GetValue(Plots) ?? []).Select(text => PlotRequest.TryParse(text, $"--plot \"{text}\"")
            ?? throw new UserInputException($"--plot \"{text}\" is not of the form \"Y vs X\"", "e.g. --plot \"i(rs) vs v(in,mid)\"")).ToList();
        return new NetlistSpec(parse.GetRequiredValue(Netlist).FullName, NetlistEngines.Parse(parse.GetValue(Engine) ?? "mna") ?? NetlistEngineKind.Mna, plots, rowLimit);
    }

    /// <summary>Refuses an accelerator backend (the circuit engines run on the CPU); says so for <c>auto</c>.</summary>
    public void CheckBackend(ParseResult parse, TextWriter log)
    {
        if (Backend.Named(parse) is { } named && AcceleratorCatalog.Parse(named).Name is not ("cpu" or "auto"))
        {
            throw new UserInputException(
                $"--backend {named}: the circuit engines (MNA with sparse LU, CTD on sparse graphs) run on the CPU",
                "drop --backend; accelerators serve 'run' (recall, dense CTD), 'sweep' and 'minimize --solver hopfield'");
        }

        if (Backend.Named(parse) == "auto")
        {
            log.WriteLine("backend: auto: the circuit engines run on the CPU");
        }
    }
}
