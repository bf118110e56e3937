using System.Globalization;
using System.Text.RegularExpressions;
using Neuromorph.Circuits.Analyses;
using Neuromorph.Circuits.Elements.Passive;
using Neuromorph.Circuits.Elements.Sources;
using Neuromorph.Circuits.Expressions;
using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Circuits.Simulation;
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
    private static readonly HashSet<string> SimulatorOptions = new(StringComparer.Ordinal) { "temp", "tnom", "gmin", "reltol", "abstol", "vntol", "chgtol", "trtol", "itl1", "itl2", "itl4", "method", "maxord" };

    private const int MaxAnalyses = 1000;

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

        var values = new Dictionary<string, ControlRunner.Vec>(StringComparer.OrdinalIgnoreCase); // let vectors known while reading
        var strings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["batchmode"] = "TRUE" }; // set variables
        var plots = new List<(string Name, int Analysis)>();
        var plotNumber = 1;
        var current = (Name: "const", Analysis: -1);
        var quit = false;
        var macros = new Dictionary<string, (string[] Parameters, string Body)>(StringComparer.OrdinalIgnoreCase); // define name(a,b) body
        ControlRunner.Evaluator Known() => new(null, values, variables.Lookup);
        bool IsVariable(string name) => vectors.Contains(name) || values.ContainsKey(name) || variables.Lookup(name) is not null;
        void NewPlot(string type, int analysis)
        {
            while (plots.Any(p => p.Name == type + plotNumber.ToString(CultureInfo.InvariantCulture)))
            {
                plotNumber++;
            }

            current = (type + plotNumber.ToString(CultureInfo.InvariantCulture), analysis);
            plots.Add(current);
        }

        // the analyses met so far, run for a condition (or a substitution) that reads their results, and the
        // variables the block's commands so far compute from them: ngspice runs the block's flow as it goes
        List<AnalysisResult>? soFar = null;
        var soFarKey = (0, 0, 0);
        (List<AnalysisResult> Results, Dictionary<string, ControlRunner.Vec> Variables) SoFar(SourceLocation at)
        {
            if (analyses.Count > MaxAnalyses)
            {
                throw new UserInputException(at, $"the .control block ran {MaxAnalyses} analyses without ending", "check the loop condition: it reads results that do not change");
            }

            Ran();
            // the results run before are kept unless a command since asked them for more vectors
            var ran = soFar?.Count ?? 0;
            var key = (analyses.Count, netlist.ControlOutputs.Count(o => o.AnalysisIndex < ran), netlist.Measures.Count(m => m.AnalysisIndex < ran));
            if (soFar is null || (soFarKey.Item2, soFarKey.Item3) != (key.Item2, key.Item3))
            {
                soFar = AlteredRuns.RunSoFar(netlist, analyses, script.Alterations, MnaEngine.Instance);
            }
            else if (ran < analyses.Count)
            {
                soFar.AddRange(AlteredRuns.RunSoFar(netlist, analyses, script.Alterations, MnaEngine.Instance, ran));
            }

            soFarKey = (analyses.Count, netlist.ControlOutputs.Count(o => o.AnalysisIndex < analyses.Count), netlist.Measures.Count(m => m.AnalysisIndex < analyses.Count));

            script.Constants.Clear();
            foreach (var name in variables.Names)
            {
                if (variables.Lookup(name) is double v)
                {
                    script.Constants[name] = v;
                }
            }

            var measured = NetlistSimulation.Measure(netlist, soFar, new Dictionary<string, double>(), true);
            return (soFar, ControlRunner.Replay(netlist, script, soFar, measured, null));
        }

        string Late(string name, SourceLocation at) =>
            SoFar(at).Variables.TryGetValue(name, out var late) ? ControlRunner.Format(late)
                : throw new UserInputException(at, $"'{name}' has no value: the measurement or expression that sets it failed", "check the meas or let that computes it");

        string Expand(string text, SourceLocation at, bool deferVectors, bool late = true) => Dollar().Replace(text, m =>
        {
            var name = m.Groups["n"].Value;
            switch (m.Groups["k"].Value)
            {
                case "?":
                    return strings.ContainsKey(name) || name == "curplot" ? "1" : "0";
                case "&":
                    if (values.TryGetValue(name, out var v))
                    {
                        return ControlRunner.Format(v);
                    }

                    if (!vectors.Contains(name) && variables.Lookup(name) is double d)
                    {
                        return ControlRunner.Format(ControlRunner.Vec.Scalar(d));
                    }

                    if (deferVectors)
                    {
                        return m.Value;
                    }

                    return vectors.Contains(name) && late ? Late(name, at)
                        : throw new UserInputException(at, vectors.Contains(name) ? $"'{name}' is computed from simulation results, after the analyses run" : $"unknown control variable '{name}'",
                            vectors.Contains(name) ? "only echo, print and let can read it; a batch run computes it after the analyses" : Suggestions.Closest(name, values.Keys.Concat(variables.Names)) is { } c ? $"did you mean '{c}'?" : "define it with let or .csparam");
                default:
                    var text = name == "curplot" ? current.Name
                        : strings.TryGetValue(name, out var s) ? s
                        : throw new UserInputException(at, $"{name}: no such variable", Suggestions.Closest(name, strings.Keys) is { } c2 ? $"did you mean '{c2}'?" : "define it with set");
                    if (!m.Groups["i"].Success)
                    {
                        return text;
                    }

                    // $list[i]: word i of the list, counted from 1 as ngspice does ([0] is the first word too)
                    var index = Expand(m.Groups["i"].Value, at, deferVectors, late).Trim();
                    var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    return int.TryParse(index, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var k) && k >= 0 && Math.Max(k, 1) <= words.Length
                        ? words[Math.Max(k, 1) - 1]
                        : throw new UserInputException(at, $"${name}[{index}]: the list has {words.Length} word(s)", "index a list variable from 1 (set name = ( a b c ))");
            }
        });

        // @r1[resistance], @v1[pulse], @mod[is]: read from the netlist's cards as altered so far, kept as a variable
        string Devices(string text, SourceLocation location)
        {
            // reads that are vectors of the analysis, not values of the card: @r2[i], @b2[i], @i2[current] the element's
            // current (ngspice's saved device currents); @v1[dc] in the plot of a dc sweep of v1 the swept values
            // (ngspice's scale vector v-sweep, i-sweep)
            text = ControlRunner.DeviceRead().Replace(text, m => (m.Groups[1].Value, m.Groups[2].Value.ToLowerInvariant()) switch
            {
                (var device, "i" or "current") when netlist.Elements.Any(e => string.Equals(e.Name, device.Replace('.', ':'), StringComparison.OrdinalIgnoreCase)) =>
                    $"i({device})",
                (var device, "dc") when current.Analysis >= 0 && current.Analysis < analyses.Count && analyses[current.Analysis] is DcCard dc
                    && string.Equals(dc.Sweeps[0].Source, device, StringComparison.OrdinalIgnoreCase) =>
                    dc.Sweeps[0].Source.StartsWith('i') ? "\"i-sweep\"" : "\"v-sweep\"",
                _ => m.Value,
            });
            foreach (Match m in ControlRunner.DeviceRead().Matches(text))
            {
                var value = DeviceValue(netlist, altered, m.Groups[1].Value, m.Groups[2].Value, location);
                var key = ControlRunner.DeviceKey(m.Groups[1].Value, m.Groups[2].Value);
                values[key] = value;
                script.Commands.Add(new LetCommand(key, new ExpressionSource(m.Value, location), current.Analysis, location) { Value = value.Values });
            }

            return ControlRunner.DeviceKeys(text);
        }

        // `op1.v(n1)`, `{dc2}.v1#branch`: a vector of an earlier plot
        string Qualify(string text, ref int at, SourceLocation location)
        {
            text = Devices(text, location);
            var plot = -2;
            var result = Qualified().Replace(text, m =>
            {
                var found = plots.FirstOrDefault(p => string.Equals(p.Name, m.Groups[1].Value, StringComparison.OrdinalIgnoreCase));
                if (found.Name is null)
                {
                    return m.Value;
                }

                plot = found.Analysis;
                return "";
            });
            at = plot == -2 ? at : plot;
            return Indexed().Replace(result, "_index($1,$2)");
        }

        bool Condition(Step step)
        {
            string text;
            try
            {
                text = Define(Expand(step.Text, step.Line.Location, false).Trim(), macros);
            }
            catch (UserInputException e) when (e.Diagnostic.Message.EndsWith("no such variable", StringComparison.Ordinal))
            {
                netlist.Warnings.Add(Diagnostic.Warning(step.Line.Location, $"{step.Line.Head}: {e.Diagnostic.Message}; the condition is false (as in ngspice)", "define it with set"));
                return false;
            }

            if (text.Length == 0)
            {
                if (step.Text.Trim().Length == 0)
                {
                    netlist.Warnings.Add(Diagnostic.Warning(step.Line.Location, $"{step.Line.Head}: missing condition; it is false (as in ngspice)", $"e.g. {step.Line.Head} index < 5"));
                }

                return false;
            }

            var at = current.Analysis;
            text = Qualify(Operators().Replace(SingleEquals().Replace(text, "=="), m => m.Value.ToLowerInvariant() switch
            {
                "eq" => "==",
                "ne" => "!=",
                "gt" => ">",
                "lt" => "<",
                "ge" => ">=",
                "le" => "<=",
                "and" => "&&",
                "or" => "||",
                _ => "!",
            }), ref at, step.Line.Location);
            var source = new ExpressionSource(text, step.Line.Location);
            var parsed = ExpressionParser.Parse(source);
            try
            {
                return Known().Evaluate(source).Values.Any(c => c != System.Numerics.Complex.Zero);
            }
            catch (UserInputException)
            {
                var reads = new List<OutputVariable>();
                Collect(parsed, source, at >= 0 && analyses[at] is AcCard, reads, IsVariable, nodes);
                var result = ExpressionNames.Of(parsed).FirstOrDefault(vectors.Contains);
                if (reads.Count > 0 || result is not null)
                {
                    // the condition reads simulation results: run the analyses met so far (as ngspice's flow has) and test them
                    if (at < 0)
                    {
                        throw new UserInputException(step.Line.Location, $"{step.Line.Head}: the condition reads simulation results ({result ?? reads[0].Header}) before any analysis has run",
                            "put op, tran, dc, ac or run before it");
                    }

                    if (reads.Count > 0)
                    {
                        netlist.ControlOutputs.Add(new ControlOutput(ControlOutputKind.Record, null, reads, at, step.Line.Location));
                    }

                    var (results, known) = SoFar(step.Line.Location);
                    return new ControlRunner.Evaluator(results[at], known, variables.Lookup).Evaluate(source).Values.Any(c => c != System.Numerics.Complex.Zero);
                }

                netlist.Warnings.Add(Diagnostic.Warning(step.Line.Location, $"{step.Line.Head}: '{text}' names no known vector; the condition is false (as in ngspice)", "define it with let first"));
                return false;
            }
        }

        void Execute(NetlistLine raw)
        {
            var rest = StripComment(Rest(raw.Text));
            if (raw.Head == "echo")
            {
                script.Commands.Add(new EchoCommand(EchoWords(Expand(rest, raw.Location, true)), current.Analysis, raw.Location));
                return;
            }

            var line = raw;
            if (rest.Contains('$', StringComparison.Ordinal))
            {
                var text = raw.Head + " " + Expand(rest, raw.Location, false);
                line = new NetlistLine(Tokenizer.Tokenize(text, _ => raw.Location), text, raw.Location);
                rest = Rest(text);
            }

            var at = current.Analysis;
            switch (line.Head)
            {
                case "op":
                    new LineReader(line, "op").End();
                    analyses.Add(new OpCard(line.Location));
                    NewPlot("op", analyses.Count - 1);
                    break;
                case "tran":
                    analyses.Add(DotCommandParser.Tran(line, variables));
                    NewPlot("tran", analyses.Count - 1);
                    break;
                case "dc":
                    analyses.Add(DotCommandParser.Dc(line, variables));
                    NewPlot("dc", analyses.Count - 1);
                    break;
                case "ac":
                    analyses.Add(AcParser.Parse(line, variables));
                    NewPlot("ac", analyses.Count - 1);
                    break;
                case "tf":
                    analyses.Add(SmallSignalParser.Tf(line));
                    NewPlot("tf", analyses.Count - 1);
                    break;
                case "sens":
                    analyses.Add(SmallSignalParser.Sens(line));
                    NewPlot("sens", analyses.Count - 1);
                    break;
                case "run":
                    foreach (var a in dotAnalyses)
                    {
                        analyses.Add(a);
                        NewPlot(a switch { OpCard => "op", AcCard => "ac", TfCard => "tf", SensCard => "sens", _ => a.GetType().Name.Replace("Card", "", StringComparison.Ordinal).ToLowerInvariant() }, analyses.Count - 1);
                    }

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
                    Devices(rest, line.Location);
                    Record(netlist, analyses, at, items, variables, IsVariable, nodes, line);
                    script.Commands.Add(new WrdataCommand(file, items, singleScale, vectorNames, at, line.Location));
                    break;
                }

                case "print":
                {
                    // ngspice's output redirection: print ... > file (>> appends; here each run writes the file anew)
                    string? redirect = null;
                    var redirectAt = line.Tokens.ToList().FindLastIndex(t => t.Text is ">" or ">>");
                    if (redirectAt > 0)
                    {
                        if (redirectAt != line.Tokens.Count - 2)
                        {
                            throw new UserInputException(line.Tokens[redirectAt].Location, "print: expected one file name after '>'", "e.g. print v(out) > out.txt");
                        }

                        var target = line.Tokens[^1];
                        redirect = target.Kind == TokenKind.String ? target.Text : target.Original;
                        line = line with { Tokens = [.. line.Tokens.Take(redirectAt)] };
                    }

                    var r = new LineReader(line, "print vector|expression ... | print all");
                    r.AcceptWord("col");
                    r.AcceptWord("line");
                    var all = r.AcceptWord("all");
                    var items = all ? [] : Items(line, r, "print");
                    r.End();
                    Devices(rest, line.Location);
                    if (all && at < 0)
                    {
                        throw new UserInputException(line.Location, "print all comes before any analysis in the .control block", "put tran, dc, ac, op or run before it");
                    }

                    Record(netlist, analyses, at, items, variables, IsVariable, nodes, line);
                    script.Commands.Add(new PrintCommand(items, at, line.Location) { File = redirect });
                    break;
                }

                case "meas" or "measure":
                {
                    // ngspice's meas writes a one-valued vector named after '=' into its line (%e): a let computed from
                    // results is known once the analyses so far have run; an earlier meas result is read when measured
                    var tokens = line.Tokens.ToList();
                    for (var i = 2; i < tokens.Count; i++)
                    {
                        var name = tokens[i].Text;
                        if (tokens[i - 1].Kind == TokenKind.Equals && tokens[i].Kind == TokenKind.Word && vectors.Contains(name)
                            && !netlist.Measures.Any(m => m.RoundsReferences && string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase))
                            && SoFar(tokens[i].Location).Variables.TryGetValue(name, out var vector) && vector.Values.Length == 1)
                        {
                            tokens[i] = tokens[i] with { Text = vector.Values[0].Real.ToString("E6", CultureInfo.InvariantCulture), Raw = null };
                        }
                    }

                    line = line with { Tokens = tokens };
                    var card = MeasureParser.Parse(line, variables, name => !values.ContainsKey(name) && netlist.Measures.Any(m => m.RoundsReferences && string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase)))
                        with { RoundsReferences = true };
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
                    values.Remove(card.Name);
                    script.Commands.Add(new MeasCommand(card, at, line.Location));
                    break;
                }

                case "option" or "options" or "opt":
                    DotCommandParser.Options(line, variables, netlist, netlist.Warnings);
                    break;
                case "let":
                    Let(line, rest);
                    break;
                case "set":
                    foreach (var (name, value) in SetWords(rest))
                    {
                        singleScale |= name == "wr_singlescale";
                        vectorNames |= name == "wr_vecnames";
                        if (name == "curplot" && value == "new")
                        {
                            NewPlot("unknown", -1);
                        }
                        else if (SimulatorOptions.Contains(name))
                        {
                            // ngspice passes a set of a simulator option to the circuit
                            if (analyses.Count > 0)
                            {
                                throw new UserInputException(line.Location, $"set {name}: changing a simulator option between analyses is not supported", "set it before the first analysis (or in .options)");
                            }

                            var text = $"option {name}={value}";
                            DotCommandParser.Options(new NetlistLine(Tokenizer.Tokenize(text, _ => line.Location), text, line.Location), variables, netlist, netlist.Warnings);
                        }
                        else
                        {
                            strings[name] = value;
                        }
                    }

                    break;
                case "strcmp":
                {
                    // strcmp var s1 s2: var is <0, 0 or >0 as s1 sorts before, equal to or after s2 (ngspice)
                    var words = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (words.Length != 3)
                    {
                        throw new UserInputException(line.Location, $"strcmp needs a variable and two strings, got {words.Length} words", "e.g. strcmp flag $curplot $gold");
                    }

                    strings[words[0]] = Math.Sign(string.CompareOrdinal(words[1].Trim('"'), words[2].Trim('"'))).ToString(CultureInfo.InvariantCulture);
                    break;
                }

                case "unset":
                    foreach (var name in rest.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    {
                        singleScale &= name != "wr_singlescale";
                        vectorNames &= name != "wr_vecnames";
                        strings.Remove(name);
                    }

                    break;
                case "setplot":
                {
                    var name = rest.Trim();
                    if (name == "new")
                    {
                        NewPlot("unknown", -1);
                    }
                    else if (name.Length > 0)
                    {
                        current = plots.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)) is { Name: not null } found ? found
                            : throw new UserInputException(line.Location, $"setplot: there is no plot '{name}'", plots.Count > 0 ? $"plots: {string.Join(", ", plots.Select(p => p.Name))}" : "run an analysis first");
                    }

                    break;
                }

                case "destroy":
                {
                    var names = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (names.Contains("all", StringComparer.OrdinalIgnoreCase))
                    {
                        plots.Clear();
                        plotNumber = 1;
                    }
                    else
                    {
                        plots.RemoveAll(p => names.Length == 0 ? p == current : names.Contains(p.Name, StringComparer.OrdinalIgnoreCase));
                    }

                    break;
                }

                case "compose":
                    Compose(line, rest);
                    break;
                case "define":
                {
                    var m = DefineForm().Match(rest);
                    if (!m.Success)
                    {
                        throw new UserInputException(line.Location, "define: expected name(arg, ...) expression", "e.g. define mismatch(a,b,err) abs(a-b)>err");
                    }

                    macros[m.Groups[1].Value.ToLowerInvariant()] = ([.. m.Groups[2].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)], m.Groups[3].Value.Trim());
                    break;
                }

                case "alterparam":
                    throw new UserInputException(line.Location, "alterparam is not supported: the netlist's .param values are fixed once it is read",
                        "sweep a parameter with .step param, or change element values with alter");
                case "quit" or "exit":
                    quit = true;
                    if (rest.Length > 0)
                    {
                        script.ExitCode = int.TryParse(rest, NumberStyles.Integer, CultureInfo.InvariantCulture, out var code) ? code
                            : throw new UserInputException(line.Location, $"{line.Head}: '{rest}' is not an exit status", $"e.g. {line.Head} 1");
                    }

                    break;
                default:
                    if (!Silent.Contains(line.Head))
                    {
                        ignored.Add((line.Head, line.Location));
                    }

                    break;
            }
        }

        // compose name values v1 v2 ... | compose name start=a stop=b step=c | ... lin=n
        void Compose(NetlistLine line, string rest)
        {
            var words = rest.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (words.Length < 2)
            {
                throw new UserInputException(line.Location, "compose needs a name and values", "e.g. compose v values 1 2 3, or compose v start=0 stop=1 step=0.1");
            }

            double Number(string text) => variables.Evaluate(new ExpressionSource(text, line.Location), "a compose value");
            double[] result;
            if (words[1].StartsWith("values", StringComparison.OrdinalIgnoreCase))
            {
                var items = words[1][6..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                try
                {
                    result = [.. items.Select(Number)];
                }
                catch (UserInputException) when (current.Analysis >= 0 && items.Length > 0)
                {
                    // values read from the results (compose r values i(vm2)/i(vm1) v(b1)): element by element, after the runs
                    var target = words[0].ToLowerInvariant();
                    for (var k = 0; k < items.Length; k++)
                    {
                        Let(line, k == 0 ? $"{target} = {items[k]}" : $"{target}[{k}] = {items[k]}");
                    }

                    return;
                }
            }
            else
            {
                var p = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
                foreach (var (key, value) in SetWords(words[1]))
                {
                    if (!p.TryAdd(key, Number(value)))
                    {
                        throw new UserInputException(line.Location, $"compose gives {key} twice", "give each of start, stop, step and lin once");
                    }
                }

                var start = p.GetValueOrDefault("start");
                if (p.TryGetValue("lin", out var lin) && p.TryGetValue("stop", out var end))
                {
                    result = [.. Enumerable.Range(0, (int)lin).Select(k => lin <= 1 ? start : start + ((end - start) * k / (lin - 1)))];
                }
                else if (p.TryGetValue("step", out var step) && p.TryGetValue("stop", out var stop) && step != 0 && (stop - start) / step >= 0)
                {
                    var n = (int)Math.Floor(((stop - start) / step) + 1 + 1e-9);
                    result = [.. Enumerable.Range(0, n).Select(k => start + (k * step))];
                }
                else
                {
                    throw new UserInputException(line.Location, "compose: give values ..., or start= stop= with step= or lin=", "e.g. compose v start=0 stop=1 step=0.1");
                }
            }

            var name = words[0].ToLowerInvariant();
            var vec = ControlRunner.Vec.Of(result);
            values[name] = vec;
            vectors.Remove(name);
            if (result.Length == 1)
            {
                variables.Set(name, result[0]);
            }

            script.Commands.Add(new LetCommand(name, new ExpressionSource(rest, line.Location), current.Analysis, line.Location) { Value = vec.Values });
        }

        void Let(NetlistLine line, string rest)
        {
            var m = LetForm().Match(rest);
            if (!m.Success)
            {
                throw new UserInputException(line.Location, "expected '=' in let", "e.g. let tstep = stime/100, or let gain = v(out)/v(in)");
            }

            var name = m.Groups[1].Value.ToLowerInvariant();
            var at = current.Analysis;
            var origin = line.Location with { Column = line.Location.Column + line.Text.IndexOf(m.Groups[3].Value, StringComparison.Ordinal) };
            var source = new ExpressionSource(Qualify(Define(m.Groups[3].Value.Trim(), macros), ref at, line.Location), origin);
            int? index = null;
            if (m.Groups[2].Success)
            {
                var plot = current.Analysis;
                var i = Known().Evaluate(new ExpressionSource(Qualify(m.Groups[2].Value, ref plot, line.Location), line.Location)).Values[0].Real;
                index = i >= 0 && i < 1e8 ? (int)Math.Round(i) : throw new UserInputException(line.Location, $"let {name}[{m.Groups[2].Value}]: index {i} is negative", "indices run from 0");
            }

            ControlRunner.Vec? value = null;
            try
            {
                value = Known().Evaluate(source);
            }
            catch (UserInputException first)
            {
                try
                {
                    value = index is null ? ControlRunner.Vec.Scalar(variables.Evaluate(source, "a let value")) : throw new UserInputException(first.Diagnostic);
                }
                catch (UserInputException)
                {
                    // a vector expression of the analysis results: computed after the runs
                    if (at < 0)
                    {
                        throw new UserInputException(first.Diagnostic);
                    }
                }
            }

            if (value is not null && index is int slot && value.Values.Length != 1)
            {
                throw new UserInputException(line.Location, $"let {name}[{slot}]: {value.Values.Length} values for one element", "assign one value to an indexed element (as ngspice requires)");
            }

            if (value is not null && (index is null || !vectors.Contains(name)))
            {
                var whole = index is int k ? ControlRunner.Vec.Assign(values.GetValueOrDefault(name), k, value) : value;
                values[name] = whole;
                vectors.Remove(name);
                if (whole.Values.Length == 1 && whole.Real)
                {
                    variables.Set(name, whole.Values[0].Real);
                }
            }
            else
            {
                vectors.Add(name);
                values.Remove(name);
                Record(netlist, analyses, at, [source], variables, IsVariable, nodes, line);
            }

            script.Commands.Add(new LetCommand(name, source, at, line.Location) { Index = index, Value = value?.Values });
        }

        var program = Compile(lines);
        var steps = 0;
        var counters = new Dictionary<int, int>();
        var lists = new Dictionary<int, Queue<string>>();
        for (var pc = 0; pc < program.Count && !quit;)
        {
            var step = program[pc++];
            if (++steps > MaxSteps)
            {
                throw new UserInputException(step.Line.Location, $"the .control block ran {MaxSteps} steps without ending", "check the loop condition");
            }

            switch (step.Kind)
            {
                case StepKind.Line:
                    Execute(step.Line);
                    break;
                case StepKind.Jump:
                    pc = step.Target;
                    break;
                case StepKind.JumpUnless:
                    pc = Condition(step) ? pc : step.Target;
                    break;
                case StepKind.JumpIf:
                    pc = Condition(step) ? step.Target : pc;
                    break;
                case StepKind.RepeatStart:
                {
                    var count = Expand(step.Text, step.Line.Location, false).Trim();
                    counters[pc] = count.Length == 0 ? -1
                        : double.TryParse(count, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n >= 0 ? (int)n
                        : throw new UserInputException(step.Line.Location, $"repeat: '{count}' is not a count", "e.g. repeat 5");
                    break;
                }

                case StepKind.RepeatNext:
                    if (counters[pc - 1] == 0)
                    {
                        pc = step.Target;
                    }
                    else if (counters[pc - 1] > 0)
                    {
                        counters[pc - 1]--;
                    }

                    break;
                case StepKind.ForeachStart:
                    lists[pc] = new Queue<string>(Expand(step.Text, step.Line.Location, false).Split(' ', StringSplitOptions.RemoveEmptyEntries));
                    break;
                case StepKind.ForeachNext:
                    if (lists[pc - 1].TryDequeue(out var word))
                    {
                        strings[step.Name] = word;
                    }
                    else
                    {
                        pc = step.Target;
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
        if (analyses.Count == 0 && dotAnalyses.Count > 0)
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
    private static void Record(Netlist netlist, List<AnalysisCard> analyses, int at, IReadOnlyList<ExpressionSource> items, ParameterScope variables, Func<string, bool> isVariable, HashSet<string> nodes, NetlistLine line)
    {
        var ac = at >= 0 && analyses[at] is AcCard;
        var wanted = new List<OutputVariable>();
        foreach (var item in items)
        {
            var e = variables.Parse(item with { Text = ControlRunner.DeviceKeys(item.Text) });
            Collect(e, item, ac, wanted, isVariable, nodes);
        }

        if (wanted.Count > 0 && at < 0)
        {
            throw new UserInputException(line.Location, $"{line.Head} comes before any analysis in the .control block", "put tran, dc, ac, op or run before it");
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
            case NameExpression n when !isVariable(n.Name) && n.Name.EndsWith("#branch", StringComparison.Ordinal):
                wanted.AddRange(VectorNames.Circuit(OutputKind.Current, n.Name[..^7], null, ac, at));
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
            if (!model && r.Peek is { } open && open.Text.StartsWith('['))
            {
                // alter @v1[sin] [ 0 3 1meg ]: the waveform's whole parameter vector, as ngspice takes it
                var kind = m.Groups[2].Value.ToLowerInvariant();
                if (kind is not ("sin" or "pulse" or "exp" or "pwl"))
                {
                    throw new UserInputException(open.Location, $"alter @{target}[{kind}] takes one value, not a vector", "vectors replace a source's sin, pulse, exp or pwl parameters");
                }

                var values = BracketedValues(r, variables);
                list.Add(new Alteration(target, kind, double.NaN, model, line.Location)
                {
                    Waveform = SourceParser.Waveform(new Token(TokenKind.Word, kind, open.Location), values, line),
                });
            }
            else
            {
                list.Add(new Alteration(target, m.Groups[2].Value, variables.Evaluate(r.Next("value")), model, line.Location));
            }

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

    /// <summary><c>[ v1 v2 ... ]</c> (brackets alone or touching the first and last value), each value a constant expression.</summary>
    private static List<double> BracketedValues(LineReader r, ParameterScope variables)
    {
        var values = new List<double>();
        var closed = false;
        var first = true;
        while (!closed && !r.AtEnd)
        {
            var t = r.Next("value");
            var text = t.Text;
            if (first)
            {
                text = text[1..];
                first = false;
            }

            if (text.EndsWith(']'))
            {
                text = text[..^1];
                closed = true;
            }

            if (text.Length > 0)
            {
                values.Add(variables.Evaluate(t with { Text = text, Raw = null }));
            }
        }

        return closed ? values : throw new UserInputException(r.Here, "missing ']' after the alter vector", "write alter @v1[sin] [ 0 1 1k ]");
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
            (MutualInductanceCard, "" or "coefficient" or "k") => true,
            (SourceCard, "" or "dc") => true,
            (SourceCard, _) when a.Waveform is not null => true,
            _ => false,
        };
        if (!ok)
        {
            throw new UserInputException(at, $"alter cannot change {(a.Parameter.Length == 0 ? "the value" : $"'{a.Parameter}'")} of {a.Target}",
                "alter changes resistance (R), capacitance (C), inductance (L), coupling coefficient (K) and dc (V, I sources); altermod changes model parameters");
        }
    }

    /// <summary>
    /// <c>@device[parameter]</c> from the netlist's cards with <paramref name="altered"/> applied: R, C, L values, source
    /// <c>dc</c>, <c>acmag</c>, <c>pulse</c>/<c>sin</c> (the waveform's parameters), and parameters written on a model card.
    /// </summary>
    private static ControlRunner.Vec DeviceValue(Netlist netlist, IReadOnlyList<Alteration> altered, string device, string parameter, SourceLocation at)
    {
        parameter = parameter.ToLowerInvariant();
        if (netlist.Elements.FirstOrDefault(e => string.Equals(e.Name, device.Replace('.', ':'), StringComparison.OrdinalIgnoreCase)) is { } card)
        {
            double[]? v = (Apply(card, altered), parameter) switch
            {
                (ResistorCard r, "resistance" or "r") => [r.Resistance],
                (CapacitorCard cap, "capacitance" or "c") => [cap.Capacitance],
                (InductorCard l, "inductance" or "l") => [l.Inductance],
                (MutualInductanceCard k, "coefficient" or "k") => [k.Coupling],
                (SourceCard s, "dc") => [s.Dc],
                (SourceCard s, "acmag") => [s.AcMagnitude],
                (SourceCard { Waveform: PulseSpec p }, "pulse") => [p.V1, p.V2, p.Delay, p.Rise, p.Fall, p.Width, p.Period],
                (SourceCard { Waveform: SinSpec p }, "sin") => [p.Offset, p.Amplitude, p.Frequency, p.Delay, p.Damping, p.PhaseDegrees],
                _ => null,
            };
            return v is not null ? ControlRunner.Vec.Of(v)
                : throw new UserInputException(at, $"@{device}[{parameter}] cannot be read in a batch run's control block",
                    "readable: resistance, capacitance, inductance of R, C, L; k (coefficient) of K; dc, acmag, pulse, sin of sources; parameters written on .model cards (operating-point values such as @m1[id] are not)");
        }

        if (netlist.Models.TryGetValue(device, out var model))
        {
            var value = altered.LastOrDefault(a => a.Model && string.Equals(a.Target, device, StringComparison.OrdinalIgnoreCase) && a.Parameter == parameter)?.Value
                ?? (model.Parameters.TryGetValue(parameter, out var p) ? p : (double?)null);
            return value is double v ? ControlRunner.Vec.Scalar(v)
                : throw new UserInputException(at, $"@{device}[{parameter}]: the model card does not set '{parameter}'", "only parameters written on the .model card can be read");
        }

        throw new UserInputException(at, $"@{device}[{parameter}]: there is no element or model '{device}'",
            Suggestions.Closest(device, netlist.Elements.Select(e => e.Name).Concat(netlist.Models.Keys)) is { } c ? $"did you mean '{c}'?" : "name an element or a .model card of the deck");
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
                MutualInductanceCard k => k with { Coupling = a.Value },
                SourceCard s when a.Waveform is not null => s with { Waveform = a.Waveform },
                SourceCard s => s with { Dc = a.Value },
                _ => element,
            };
        }

        return element;
    }

    /// <summary><paramref name="text"/> with each call of a <c>define</c>d function replaced by its body (arguments in parentheses).</summary>
    private static string Define(string text, Dictionary<string, (string[] Parameters, string Body)> macros)
    {
        for (var guard = 0; guard < 100 && macros.Count > 0; guard++)
        {
            var call = MacroCall().Matches(text).FirstOrDefault(c => macros.ContainsKey(c.Groups[1].Value));
            if (call is null)
            {
                break;
            }

            var (parameters, body) = macros[call.Groups[1].Value];
            var args = new List<string>();
            var depth = 0;
            var start = call.Index + call.Length;
            var end = start;
            for (; end < text.Length; end++)
            {
                var c = text[end];
                if (c == '(')
                {
                    depth++;
                }
                else if (c == ')' && depth-- == 0)
                {
                    break;
                }
                else if (c == ',' && depth == 0)
                {
                    args.Add(text[start..end]);
                    start = end + 1;
                }
            }

            if (end >= text.Length)
            {
                break;
            }

            args.Add(text[start..end]);
            for (var k = 0; k < parameters.Length && k < args.Count; k++)
            {
                var value = "(" + args[k].Trim() + ")";
                body = Regex.Replace(body, $@"(?<![A-Za-z0-9_]){Regex.Escape(parameters[k])}(?![A-Za-z0-9_])", _ => value);
            }

            text = text[..call.Index] + "(" + body + ")" + text[(end + 1)..];
        }

        return text;
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9_])([A-Za-z_][A-Za-z0-9_]*)\s*\(")]
    private static partial Regex MacroCall();

    [GeneratedRegex(@"^([A-Za-z_][A-Za-z0-9_]*)\s*\(([^()]*)\)\s*(.+)$")]
    private static partial Regex DefineForm();

    [GeneratedRegex(@"^@([^\[\]]+)\[([^\[\]]+)\]$")]
    private static partial Regex AtForm();
}
