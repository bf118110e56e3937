using System.Globalization;
using System.Text.RegularExpressions;
using Neuromorph.Circuits.Elements.Passive;
using Neuromorph.Circuits.Elements.Sources;
using Neuromorph.Circuits.Expressions;
using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Circuits.Syntax;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Parsing;

/// <summary>
/// Reads an ngspice <c>.control</c> block as far as a batch run needs it: the analyses it runs (<c>op</c>, <c>tran</c>,
/// <c>dc</c>, <c>ac</c>, and <c>run</c> for the dot-command analyses) in order, <c>alter</c>/<c>altermod</c> between
/// them, and the commands run on their vectors afterwards (<c>let</c> vector expressions, <c>meas</c>, <c>print</c>,
/// <c>echo</c>, <c>wrdata</c>); <c>option</c>, <c>set wr_singlescale|wr_vecnames</c> and <c>$&amp;name</c> substitution.
/// Other commands (plot, foreach ...) are named with their line in one warning.
/// </summary>
public static partial class ControlBlock
{
    private static readonly HashSet<string> Silent = new(StringComparer.Ordinal) { "quit", "exit", "destroy", "reset", "listing", "version", "shell", "setplot", "rusage", "display" };

    /// <summary>Reads <paramref name="lines"/> into the netlist in <paramref name="state"/>.</summary>
    public static void Read(IReadOnlyList<NetlistLine> lines, ReadState state)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(state);
        var netlist = state.Netlist;
        var dotAnalyses = netlist.Analyses.ToList();
        var analyses = new List<AnalysisCard>();
        var script = new ControlScript();
        IReadOnlyList<Alteration> altered = [];
        var variables = new ParameterScope(state.Globals);
        var vectors = new HashSet<string>(StringComparer.OrdinalIgnoreCase); // let names computed from results
        var ignored = new List<(string Command, SourceLocation At)>();
        bool singleScale = false, vectorNames = false;
        var nodes = new HashSet<string>(netlist.Elements.SelectMany(e => e.Nodes), StringComparer.OrdinalIgnoreCase);
        void Ran()
        {
            while (script.Alterations.Count < analyses.Count)
            {
                script.Alterations.Add(altered);
            }
        }

        foreach (var raw in lines)
        {
            var deferred = raw.Head is "echo";
            var line = deferred ? raw : Substitute(raw, variables, vectors);
            var at = analyses.Count - 1;
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
                case "alter" or "altermod":
                    altered = [.. altered, .. Alter(line, variables, netlist)];
                    break;
                case "wrdata":
                {
                    var r = new LineReader(line, "wrdata file vector ...");
                    var t = r.Next("file name");
                    var file = t.Kind == TokenKind.String ? t.Text : t.Original;
                    var items = Items(line, r, "wrdata");
                    Record(netlist, analyses, at, items, variables, vectors, nodes, line);
                    script.Commands.Add(new WrdataCommand(file, items, singleScale, vectorNames, at, line.Location));
                    break;
                }

                case "print":
                {
                    var r = new LineReader(line, "print vector|expression ... | print all");
                    r.AcceptWord("col");
                    r.AcceptWord("line");
                    var all = r.AcceptWord("all");
                    var items = all ? [] : Items(line, r, "print");
                    r.End();
                    Record(netlist, analyses, at, items, variables, vectors, nodes, line);
                    script.Commands.Add(new PrintCommand(items, at, line.Location));
                    break;
                }

                case "echo":
                    script.Commands.Add(new EchoCommand(EchoText(line), at, line.Location));
                    break;
                case "meas" or "measure":
                {
                    var card = MeasureParser.Parse(line, variables);
                    if (card.Function != MeasureFunction.Param)
                    {
                        if (at < 0)
                        {
                            throw new UserInputException(line.Location, "meas comes before any analysis in the .control block", "put tran, dc, ac, op or run before it");
                        }

                        card = card with { AnalysisIndex = at };
                    }

                    netlist.Measures.Add(card);
                    vectors.Add(card.Name);
                    script.Commands.Add(new MeasCommand(card, at, line.Location));
                    break;
                }

                case "option" or "options" or "opt":
                    DotCommandParser.Options(line, variables, netlist, netlist.Warnings);
                    break;
                case "let":
                {
                    var (name, source) = Let(line);
                    try
                    {
                        variables.Set(name, variables.Evaluate(source, "a let value"));
                        vectors.Remove(name);
                    }
                    catch (UserInputException)
                    {
                        // a vector expression of the analysis results: computed after the runs
                        if (at < 0)
                        {
                            throw;
                        }

                        vectors.Add(name);
                        Record(netlist, analyses, at, [source], variables, vectors, nodes, line);
                    }

                    script.Commands.Add(new LetCommand(name, source, at, line.Location));
                    break;
                }

                case "set" or "unset":
                {
                    var on = line.Head == "set";
                    foreach (var t in line.Tokens.Skip(1).Where(t => t.Kind == TokenKind.Word))
                    {
                        if (t.Text == "wr_singlescale")
                        {
                            singleScale = on;
                        }
                        else if (t.Text == "wr_vecnames")
                        {
                            vectorNames = on;
                        }
                    }

                    break;
                }

                default:
                    if (!Silent.Contains(line.Head))
                    {
                        ignored.Add((line.Head, line.Location));
                    }

                    break;
            }

            Ran();
        }

        if (ignored.Count > 0)
        {
            netlist.Warnings.Add(Diagnostic.Warning(ignored[0].At, $".control commands ignored: {string.Join(", ", ignored.Select(i => $"{i.Command} (line {i.At.Line})").Distinct())}",
                "a batch run reads op, tran, dc, ac, run, alter, altermod, let, meas, print, echo, wrdata, set and option; plots come from --plot"));
        }

        netlist.Analyses.Clear();
        if (analyses.Count == 0)
        {
            netlist.Warnings.Add(Diagnostic.Warning(lines[0].Location, "the .control block runs no analysis; running the dot-command analyses", "add run (or op, tran, dc, ac) to the block"));
            analyses.AddRange(dotAnalyses);
            script.Alterations.Clear();
            script.Alterations.AddRange(analyses.Select(_ => (IReadOnlyList<Alteration>)[]));
        }

        netlist.Analyses.AddRange(analyses);
        foreach (var name in variables.Names)
        {
            if (variables.Lookup(name) is double v)
            {
                script.Constants[name] = v;
            }
        }

        netlist.Control = script;
    }

    /// <summary>Splits the rest of a print/wrdata line into expressions at spaces outside parentheses (ngspice's rule).</summary>
    private static List<ExpressionSource> Items(NetlistLine line, LineReader r, string command)
    {
        var items = new List<ExpressionSource>();
        var tokens = new List<Token>();
        while (!r.AtEnd)
        {
            tokens.Add(r.Next("vector"));
        }

        var depth = 0;
        var current = new System.Text.StringBuilder();
        SourceLocation? start = null;
        Token? last = null;
        foreach (var t in tokens)
        {
            var adjacent = last is { } l && t.Location.Line == l.Location.Line && t.Location.Column == l.Location.Column + TokenText(l).Length;
            var operatorJoin = last is { } p && (EndsWithOperator(TokenText(p)) || StartsWithOperator(TokenText(t)));
            if (start is not null && depth == 0 && !adjacent && !operatorJoin)
            {
                items.Add(new ExpressionSource(current.ToString(), start.Value));
                current.Clear();
                start = null;
            }

            start ??= t.Location;
            current.Append(current.Length > 0 && !adjacent ? " " : "").Append(TokenText(t));
            depth += t.Kind == TokenKind.Open ? 1 : t.Kind == TokenKind.Close ? -1 : 0;
            last = t;
        }

        if (start is not null)
        {
            items.Add(new ExpressionSource(current.ToString(), start.Value));
        }

        if (items.Count == 0)
        {
            throw new UserInputException(line.Location, $"{command} names no vectors", command == "print" ? "e.g. print v(out) i(v1), or print all" : "e.g. wrdata out.txt v(out)");
        }

        return items;
    }

    private static bool EndsWithOperator(string s) => s.Length > 0 && "+-*/^,".Contains(s[^1], StringComparison.Ordinal);

    private static bool StartsWithOperator(string s) => s.Length > 0 && "+-*/^,".Contains(s[0], StringComparison.Ordinal);

    private static string TokenText(Token t) => t.Kind switch
    {
        TokenKind.Expression => "{" + t.Text + "}",
        TokenKind.String => "\"" + t.Text + "\"",
        TokenKind.Open => "(",
        TokenKind.Close => ")",
        TokenKind.Comma => ",",
        TokenKind.Equals => "=",
        _ => t.Original.ToLowerInvariant(),
    };

    /// <summary>Asks the analysis before a command to record the circuit vectors its expressions read.</summary>
    private static void Record(Netlist netlist, List<AnalysisCard> analyses, int at, IReadOnlyList<ExpressionSource> items, ParameterScope variables, HashSet<string> vectors, HashSet<string> nodes, NetlistLine line)
    {
        if (at < 0)
        {
            throw new UserInputException(line.Location, $"{line.Head} comes before any analysis in the .control block", "put tran, dc, ac, op or run before it");
        }

        var ac = analyses[at] is AcCard;
        var wanted = new List<OutputVariable>();
        foreach (var item in items)
        {
            var e = variables.Parse(item);
            Collect(e, item, ac, wanted, name => vectors.Contains(name) || variables.Lookup(name) is not null, nodes);
        }

        if (wanted.Count > 0)
        {
            netlist.ControlOutputs.Add(new ControlOutput(ControlOutputKind.Record, null, wanted, at, line.Location));
        }
    }

    private static void Collect(Expression e, ExpressionSource source, bool ac, List<OutputVariable> wanted, Func<string, bool> isVariable, HashSet<string> nodes)
    {
        var at = source.At(e.Position);
        switch (e)
        {
            case ProbeExpression p:
                wanted.AddRange(VectorNames.Circuit(p.Kind == ProbedQuantity.Voltage ? OutputKind.Voltage : OutputKind.Current, p.Target.Replace('.', ':'), null, ac, at));
                break;
            case DifferenceProbe d:
                wanted.AddRange(VectorNames.Circuit(OutputKind.Voltage, d.Target.Replace('.', ':'), d.Reference.Replace('.', ':'), ac, at));
                break;
            case NameExpression n when !isVariable(n.Name) && nodes.Contains(n.Name.Replace('.', ':')):
                wanted.AddRange(VectorNames.Circuit(OutputKind.Voltage, n.Name.Replace('.', ':'), null, ac, at));
                break;
            case CallExpression c when VectorNames.AcPart(c.Name) is not null && c.Arguments is [NameExpression arg]:
                var kind = c.Name[0] == 'v' ? OutputKind.Voltage : OutputKind.Current;
                wanted.AddRange(VectorNames.Circuit(kind, kind == OutputKind.Voltage ? arg.Name.Replace('.', ':') : arg.Name, null, ac, at));
                break;
            case CallExpression c:
                foreach (var a in c.Arguments)
                {
                    Collect(a, source, ac, wanted, isVariable, nodes);
                }

                break;
            case UnaryExpression u:
                Collect(u.Operand, source, ac, wanted, isVariable, nodes);
                break;
            case BinaryExpression b:
                Collect(b.Left, source, ac, wanted, isVariable, nodes);
                Collect(b.Right, source, ac, wanted, isVariable, nodes);
                break;
            case ConditionalExpression q:
                Collect(q.Condition, source, ac, wanted, isVariable, nodes);
                Collect(q.WhenTrue, source, ac, wanted, isVariable, nodes);
                Collect(q.WhenFalse, source, ac, wanted, isVariable, nodes);
                break;
        }
    }

    private static List<Alteration> Alter(NetlistLine line, ParameterScope variables, Netlist netlist)
    {
        const string usage = "alter r1 2k | alter r1 resistance=2k | alter @r1[resistance]=2k | altermod mod param=value";
        var model = line.Head == "altermod";
        var r = new LineReader(line, usage);
        var first = r.Next(model ? "model name" : "element name");
        string target;
        var list = new List<Alteration>();
        if (first.Text.StartsWith('@'))
        {
            var m = AtForm().Match(first.Text);
            if (!m.Success)
            {
                throw new UserInputException(first.Location, $"cannot read '{first.Original}'", "write @name[parameter]=value, e.g. alter @r1[resistance]=2k");
            }

            r.Accept(TokenKind.Equals);
            target = m.Groups[1].Value;
            list.Add(new Alteration(target, m.Groups[2].Value, variables.Evaluate(r.Next("value")), model, line.Location));
            r.End();
        }
        else
        {
            target = first.Text;
            if (!model && !r.AtAssignment)
            {
                // alter r1 2k, alter r1 = 2k: the element's principal value
                r.Accept(TokenKind.Equals);
                list.Add(new Alteration(target, "", variables.Evaluate(r.Next("value")), model, line.Location));
                r.End();
            }
            else
            {
                foreach (var (key, value, _) in r.Assignments())
                {
                    list.Add(new Alteration(target, key, variables.Evaluate(value), model, line.Location));
                }

                if (list.Count == 0)
                {
                    throw new UserInputException(r.Here, $"{line.Head} {target}: missing parameter=value", $"expected: {usage}");
                }
            }
        }

        foreach (var a in list)
        {
            Check(a, netlist, first.Location);
        }

        return list;
    }

    private static void Check(Alteration a, Netlist netlist, SourceLocation at)
    {
        if (a.Model)
        {
            if (!netlist.Models.ContainsKey(a.Target))
            {
                throw new UserInputException(at, $"altermod: there is no model '{a.Target}'", Suggestions.Closest(a.Target, netlist.Models.Keys) is { } close ? $"did you mean '{close}'?" : "name a .model card of the deck");
            }

            return;
        }

        var element = netlist.Elements.FirstOrDefault(e => e.Name == a.Target.Replace('.', ':'))
            ?? throw new UserInputException(at, $"alter: there is no element '{a.Target}'", Suggestions.Closest(a.Target, netlist.Elements.Select(e => e.Name)) is { } c ? $"did you mean '{c}'?" : "name an element of the deck");
        var ok = (element, a.Parameter) switch
        {
            (ResistorCard, "" or "resistance" or "r") => true,
            (CapacitorCard, "" or "capacitance" or "c") => true,
            (InductorCard, "" or "inductance" or "l") => true,
            (SourceCard, "" or "dc") => true,
            _ => false,
        };
        if (!ok)
        {
            throw new UserInputException(at, $"alter cannot change {(a.Parameter.Length == 0 ? "the value" : $"'{a.Parameter}'")} of {a.Target}",
                "alter changes resistance (R), capacitance (C), inductance (L) and dc (V, I sources); altermod changes model parameters");
        }
    }

    /// <summary>Applies <paramref name="alterations"/> to a copy of <paramref name="element"/>.</summary>
    public static ElementCard Apply(ElementCard element, IEnumerable<Alteration> alterations)
    {
        ArgumentNullException.ThrowIfNull(element);
        ArgumentNullException.ThrowIfNull(alterations);
        foreach (var a in alterations.Where(a => !a.Model && a.Target.Replace('.', ':') == element.Name))
        {
            element = element switch
            {
                ResistorCard r => r with { Resistance = a.Value },
                CapacitorCard c => c with { Capacitance = a.Value },
                InductorCard l => l with { Inductance = a.Value },
                SourceCard s => s with { Dc = a.Value },
                _ => element,
            };
        }

        return element;
    }

    private static (string Name, ExpressionSource Source) Let(NetlistLine line)
    {
        var r = new LineReader(line, "let name = expression");
        var name = r.Word("variable name");
        if (!r.Accept(TokenKind.Equals))
        {
            throw new UserInputException(r.Here, "expected '=' in let", "e.g. let tstep = stime/100, or let gain = v(out)/v(in)");
        }

        return (name, r.Expression("expression"));
    }

    private static string EchoText(NetlistLine line)
    {
        var text = line.Text.TrimStart();
        return text.Length > 4 ? text[4..].Trim() : "";
    }

    private static NetlistLine Substitute(NetlistLine line, ParameterScope variables, HashSet<string> vectors)
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
            var value = variables.Lookup(name) ?? throw new UserInputException(t.Location, vectors.Contains(name) ? $"'{name}' is computed from simulation results, after the analyses run" : $"unknown control variable '{name}'",
                vectors.Contains(name) ? "only echo can show it; set analysis values with a let of constants" : Suggestions.Closest(name, variables.Names) is { } c ? $"did you mean '{c}'?" : "define it with let or .csparam");
            var text = value.ToString("R", CultureInfo.InvariantCulture);
            return new Token(TokenKind.Word, text, t.Location, text);
        }).ToList();
        return line with { Tokens = tokens };
    }

    [GeneratedRegex(@"^@([^\[\]]+)\[([^\[\]]+)\]$")]
    private static partial Regex AtForm();
}
