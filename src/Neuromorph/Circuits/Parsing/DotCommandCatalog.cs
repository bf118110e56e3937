using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Circuits.Syntax;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Parsing;

/// <summary>What a top-level dot-command handler may change: the netlist being built and the global parameters.</summary>
public sealed record ReadState(Netlist Netlist, ParameterScope Globals);

/// <summary>
/// A dot-command: its names, syntax, a line for the docs, and what it does to the netlist. Structural commands
/// (<c>.subckt</c>, <c>.param</c>, <c>.include</c> ...) are handled by the reader's passes and have no handler here.
/// </summary>
public sealed record DotCommand(IReadOnlyList<string> Names, string Syntax, string Description, Action<NetlistLine, ReadState>? Read = null);

/// <summary>Every dot-command Neuromorph reads, one line each; the reader dispatches on it and the docs are checked against it.</summary>
public static class DotCommandCatalog
{
    /// <summary>The registered dot-commands.</summary>
    public static IReadOnlyList<DotCommand> All { get; } =
    [
        new([".param"], ".param name=value ... | .param f(a,b)={expr}", "parameters (evaluated in order) and HSPICE-style functions"),
        new([".func"], ".func name(a, b) {expression}", "user function, inlined where called; continuation lines and any arity"),
        new([".subckt", ".ends"], ".subckt name ports... [params:] name=value ... / .ends [name]", "subcircuit definition"),
        new([".model"], ".model name type (param=value ...)", "device model card (memristor, d, nmos, pmos, npn, pnp, sw, csw)"),
        new([".global"], ".global node ...", "nodes that keep their name inside subcircuit instances"),
        new([".include", ".inc"], ".include \"file\"", "splices in a file (relative to the including file)"),
        new([".lib", ".endl"], ".lib \"file\" section", "reads one section (.lib name ... .endl) of a library file"),
        new([".end"], ".end", "end of the netlist"),
        new([".control", ".endc"], ".control ... .endc", "ngspice control block: its op/tran/dc/ac/run lines run, wrdata/print write vectors"),
        new([".op"], ".op", "operating point", (l, s) =>
        {
            new LineReader(l, ".op").End();
            s.Netlist.Analyses.Add(new OpCard(l.Location));
        }),
        new([".dc"], ".dc src start stop step [src2 start2 stop2 step2]", "DC sweep of one or two sources", (l, s) => s.Netlist.Analyses.Add(DotCommandParser.Dc(l, s.Globals))),
        new([".tran"], ".tran tstep tstop [tstart [tmax]] [uic]", "transient", (l, s) => s.Netlist.Analyses.Add(DotCommandParser.Tran(l, s.Globals))),
        new([".ac"], AcParser.Usage, "small-signal frequency sweep at the operating point", (l, s) => s.Netlist.Analyses.Add(AcParser.Parse(l, s.Globals))),
        new([".print"], ".print tran|dc|op|ac item ...", "output columns", (l, s) =>
        {
            if (UnimplementedConstructs.IgnoredPrint(l) is { } ignored)
            {
                s.Netlist.Warnings.Add(ignored);
                return;
            }

            if (l.Tokens.Count > 1 && l.Tokens[1].Text is "tf" or "sens")
            {
                s.Netlist.Warnings.Add(Diagnostic.Warning(l.Tokens[1].Location, $".print {l.Tokens[1].Text} ignored: the .{l.Tokens[1].Text} results are always printed and written to {l.Tokens[1].Text}.csv", "drop the line"));
                return;
            }

            s.Netlist.Prints.Add(DotCommandParser.Print(l, s.Globals));
        }),
        new([".tf"], SmallSignalParser.TfUsage, "DC small-signal transfer function, input and output resistance (ngspice's names)", (l, s) => s.Netlist.Analyses.Add(SmallSignalParser.Tf(l))),
        new([".sens"], SmallSignalParser.SensUsage, "DC sensitivity of the output to resistors and independent sources (ngspice's names)", (l, s) => s.Netlist.Analyses.Add(SmallSignalParser.Sens(l))),
        new([".measure", ".meas"], MeasureParser.Usage, "measurements written to measure.csv and printed", (l, s) =>
            s.Netlist.Measures.Add(MeasureParser.Parse(l, s.Globals, name => s.Netlist.Measures.Any(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase))))),
        new([".ic"], ".ic v(node)=value ...", "initial node voltages (held during the operating point; the start values with uic)", (l, s) => DotCommandParser.InitialConditions(l, s.Globals, s.Netlist.InitialConditions)),
        new([".nodeset"], ".nodeset v(node)=value ...", "starting guesses for the operating point", (l, s) => DotCommandParser.InitialConditions(l, s.Globals, s.Netlist.NodeSets)),
        new([".options", ".option", ".opt"], ".options name=value ...", "solver options (reltol abstol vntol trtol gmin method maxstep temp ...)", (l, s) => DotCommandParser.Options(l, s.Globals, s.Netlist, s.Netlist.Warnings)),
        new([".temp"], ".temp celsius", "circuit temperature (diodes, MOSFETs, temper)"),
        new([".step"], ".step param NAME list v1 v2 ... | .step param NAME start stop step", "runs the netlist once per value", (l, s) => s.Netlist.Steps.Add(DotCommandParser.Step(l, s.Globals))),
        new([".csparam"], ".csparam name=value ...", "parameters also visible to the .control block"),
        new([".save", ".probe", ".plot", ".width", .. UnimplementedConstructs.IgnoredAnalyses], ".save ... (and other output or analysis commands)", "ignored with a warning; an analysis of these names its dialect and says nothing is written for it", (l, s) =>
            s.Netlist.Warnings.Add(UnimplementedConstructs.Ignored(l))),
    ];

    private static readonly Dictionary<string, DotCommand> ByName = All.SelectMany(c => c.Names.Select(n => (n, c))).ToDictionary(p => p.n, p => p.c, StringComparer.Ordinal);

    /// <summary>Every name, for hints.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.SelectMany(c => c.Names)];

    /// <summary>The command called <paramref name="name"/> (lower-case, with the dot), or null.</summary>
    public static DotCommand? Find(string name) => ByName.GetValueOrDefault(name);
}
