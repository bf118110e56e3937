using System.Globalization;
using Neuromorph.Circuits.Expressions;
using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Circuits.Syntax;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Parsing;

/// <summary>
/// Reads an ngspice <c>.control</c> block as far as a batch run needs it: the analyses it runs (<c>op</c>, <c>tran</c>,
/// <c>dc</c>, <c>ac</c>, and <c>run</c> for the dot-command analyses) in order, <c>wrdata</c> and <c>print</c> of
/// vectors, <c>meas</c>, <c>option</c>, scalar <c>let</c> variables and their <c>$&amp;name</c> substitution. Other
/// commands (plot, alter, ...) are listed once in a warning.
/// </summary>
public static class ControlBlock
{
    private static readonly HashSet<string> Silent = new(StringComparer.Ordinal) { "set", "unset", "quit", "exit", "destroy", "reset", "listing", "version", "shell", "setplot", "rusage" };

    /// <summary>Reads <paramref name="lines"/> into the netlist in <paramref name="state"/>.</summary>
    public static void Read(IReadOnlyList<NetlistLine> lines, ReadState state)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(state);
        var netlist = state.Netlist;
        var dotAnalyses = netlist.Analyses.ToList();
        var analyses = new List<AnalysisCard>();
        var variables = new ParameterScope(state.Globals);
        var ignored = new List<(string Command, SourceLocation At)>();
        foreach (var raw in lines)
        {
            var line = Substitute(raw, variables);
            switch (line.Head)
            {
                case "op":
                    new LineReader(line, "op").End();
                    analyses.Add(new OpCard(line.Location));
                    break;
                case "tran":
                    analyses.Add(DotCommandParser.Tran(line, variables));
                    break;
                case "dc":
                    analyses.Add(DotCommandParser.Dc(line, variables));
                    break;
                case "ac":
                    analyses.Add(AcParser.Parse(line, variables));
                    break;
                case "run":
                    analyses.AddRange(dotAnalyses);
                    break;
                case "wrdata" or "print":
                    Output(line, analyses.Count - 1, netlist);
                    break;
                case "meas" or "measure":
                    netlist.Measures.Add(MeasureParser.Parse(line, variables));
                    break;
                case "option" or "options" or "opt":
                    DotCommandParser.Options(line, variables, netlist, netlist.Warnings);
                    break;
                case "let":
                    Let(line, variables);
                    break;
                default:
                    if (!Silent.Contains(line.Head))
                    {
                        ignored.Add((line.Head, line.Location));
                    }

                    break;
            }
        }

        if (ignored.Count > 0)
        {
            netlist.Warnings.Add(Diagnostic.Warning(ignored[0].At, $".control commands ignored: {string.Join(", ", ignored.Select(i => i.Command).Distinct())}",
                "a batch run reads op, tran, dc, ac, run, wrdata, print, meas, option and let; plots come from --plot"));
        }

        netlist.Analyses.Clear();
        if (analyses.Count == 0)
        {
            netlist.Warnings.Add(Diagnostic.Warning(lines[0].Location, "the .control block runs no analysis; running the dot-command analyses", "add run (or op, tran, dc, ac) to the block"));
            analyses.AddRange(dotAnalyses);
        }

        netlist.Analyses.AddRange(analyses);
    }

    private static void Output(NetlistLine line, int analysis, Netlist netlist)
    {
        const string usage = "wrdata file vector ... | print vector ...";
        var r = new LineReader(line, usage);
        string? file = null;
        if (line.Head == "wrdata")
        {
            var t = r.Next("file name");
            file = t.Kind == TokenKind.String ? t.Text : t.Original;
        }
        else
        {
            r.AcceptWord("col");
            r.AcceptWord("line");
        }

        var vectors = DotCommandParser.Items(r, usage, bareNodes: true);
        if (vectors.Count == 0)
        {
            throw new UserInputException(line.Location, $"{line.Head} names no vectors", $"expected: {usage}");
        }

        if (analysis < 0)
        {
            throw new UserInputException(line.Location, $"{line.Head} comes before any analysis in the .control block", "put tran, dc, ac, op or run before it");
        }

        netlist.ControlOutputs.Add(new ControlOutput(line.Head == "wrdata" ? ControlOutputKind.Wrdata : ControlOutputKind.Print, file, vectors, analysis, line.Location));
    }

    private static void Let(NetlistLine line, ParameterScope variables)
    {
        var r = new LineReader(line, "let name = expression");
        var name = r.Word("variable name");
        if (!r.Accept(TokenKind.Equals))
        {
            throw new UserInputException(r.Here, "expected '=' in let", "e.g. let tstep = stime/100");
        }

        variables.Set(name, variables.Evaluate(r.Expression("expression"), "a let value"));
    }

    private static NetlistLine Substitute(NetlistLine line, ParameterScope variables)
    {
        if (!line.Tokens.Any(t => t.Text.Contains("$&", StringComparison.Ordinal)))
        {
            return line;
        }

        var tokens = line.Tokens.Select(t =>
        {
            if (!t.Text.StartsWith("$&", StringComparison.Ordinal))
            {
                return t;
            }

            var name = t.Text[2..];
            var value = variables.Lookup(name) ?? throw new UserInputException(t.Location, $"unknown control variable '{name}'",
                Suggestions.Closest(name, variables.Names) is { } c ? $"did you mean '{c}'?" : "define it with let or .csparam");
            var text = value.ToString("R", CultureInfo.InvariantCulture);
            return new Token(TokenKind.Word, text, t.Location, text);
        }).ToList();
        return line with { Tokens = tokens };
    }
}
