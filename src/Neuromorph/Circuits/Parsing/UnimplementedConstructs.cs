using Neuromorph.Circuits.Syntax;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Parsing;

/// <summary>
/// Dot-commands and analyses of the SPICE dialects (SPICE3/ngspice, Xyce) that Neuromorph does not implement: each is
/// named with its dialect and what it does, at its line, so a deck that uses one is never read as a typo or silently
/// given different results.
/// </summary>
public static class UnimplementedConstructs
{
    private static readonly Dictionary<string, (string Dialect, string What)> Commands = new(StringComparer.Ordinal)
    {
        [".pz"] = ("SPICE", "pole-zero analysis"),
        [".noise"] = ("SPICE", "noise analysis"),
        [".disto"] = ("SPICE", "distortion analysis"),
        [".four"] = ("SPICE", "Fourier analysis of a transient"),
        [".pss"] = ("ngspice", "periodic steady-state analysis"),
        [".sp"] = ("ngspice", "S-parameter analysis"),
        [".sndparam"] = ("ngspice", "sound-file output"),
        [".sndprint"] = ("ngspice", "sound-file output"),
        [".hb"] = ("Xyce", "harmonic-balance analysis"),
        [".mpde"] = ("Xyce", "multi-time PDE analysis"),
        [".lin"] = ("Xyce", "linear-network (S-parameter) analysis"),
        [".sampling"] = ("Xyce", "sampling uncertainty quantification"),
        [".embeddedsampling"] = ("Xyce", "embedded-sampling uncertainty quantification"),
        [".pce"] = ("Xyce", "polynomial-chaos uncertainty quantification"),
        [".fft"] = ("Xyce", "FFT of a transient"),
        [".mor"] = ("Xyce", "model-order reduction"),
    };

    /// <summary>The analyses among them that SPICE decks also name in <c>.print KIND</c> (the command without its dot).</summary>
    private static readonly HashSet<string> Printed = new([".pz", ".noise", ".disto", ".four", ".pss", ".sp", ".hb", ".fft"], StringComparer.Ordinal);

    /// <summary>The SPICE analyses a deck may carry that are read and ignored with a warning (<see cref="Ignored"/>), not refused.</summary>
    public static IReadOnlyList<string> IgnoredAnalyses { get; } = [".four", ".noise", ".disto", ".pz"];

    /// <summary>"ngspice's periodic steady-state analysis (.pss)" for a known dot-command, or null.</summary>
    public static string? Describe(string head) =>
        Commands.TryGetValue(head, out var c) ? $"{c.Dialect}'s {c.What} ({head})" : null;

    /// <summary>The located error for a dot-command of another dialect that Neuromorph does not implement, or null.</summary>
    public static UserInputException? Refusal(NetlistLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return Describe(line.Head) is { } what
            ? new UserInputException(line.Location, $"{what} is not implemented", "analyses: .op .dc .tran .ac .tf .sens (with .step and .measure); see docs/netlist-reference.md")
            : null;
    }

    /// <summary>The warning for a command that is read and ignored (its analysis is not run, nothing is written for it).</summary>
    public static Diagnostic Ignored(NetlistLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return Describe(line.Head) is { } what
            ? Diagnostic.Warning(line.Location, $"{what} is not implemented: ignored, nothing is written for it", "analyses: .op .dc .tran .ac .tf .sens; see docs/netlist-reference.md")
            : Diagnostic.Warning(line.Location, $"{line.Head} ignored", "Neuromorph writes .print columns (or every node) to CSV; analyses: .op .dc .tran .ac .tf .sens");
    }

    /// <summary>For <c>.print KIND ...</c> of an analysis Neuromorph does not run: the warning that it is ignored; otherwise null.</summary>
    public static Diagnostic? IgnoredPrint(NetlistLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.Tokens.Count > 1 && Printed.Contains("." + line.Tokens[1].Text) && Describe("." + line.Tokens[1].Text) is { } what
            ? Diagnostic.Warning(line.Tokens[1].Location, $".print {line.Tokens[1].Text}: {what} is not implemented, so there is nothing to print: ignored", "print tran, dc, ac or op results")
            : null;
    }
}
