using Neuromorph.Circuits.Expressions;
using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Circuits.Syntax;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Parsing;

/// <summary>Reads analysis and output dot-commands: .op, .dc, .tran, .print, .ic, .options, .step, .model.</summary>
public static class DotCommandParser
{
    private static readonly HashSet<string> KnownOptions = new(StringComparer.OrdinalIgnoreCase)
    {
        "reltol", "abstol", "vntol", "chgtol", "trtol", "gmin", "method", "maxstep", "itl1", "itl4", "numdgt", "temp", "tnom", "maxord", "itl2", "itl5", "pivtol", "pivrel", "keepopinfo", "noopiter", "gminsteps", "srcsteps",
    };

    private static readonly HashSet<string> OptionPackages = new(StringComparer.OrdinalIgnoreCase) { "timeint", "device", "nonlin", "nonlin-tran", "linsol", "output" };

    /// <summary>.tran tstep tstop [tstart [tmax]] [uic].</summary>
    public static TranCard Tran(NetlistLine line, ParameterScope scope)
    {
        var r = new LineReader(line, ".tran tstep tstop [tstart [tmax]] [uic]");
        var values = new List<double>();
        var uic = false;
        while (!r.AtEnd)
        {
            if (r.AcceptWord("uic"))
            {
                uic = true;
                continue;
            }

            values.Add(scope.Evaluate(r.Next("time")));
        }

        if (values.Count is < 2 or > 4)
        {
            throw new UserInputException(line.Location, $".tran takes 2 to 4 times, got {values.Count}", "expected: .tran tstep tstop [tstart [tmax]] [uic]");
        }

        double step = values[0], stop = values[1], start = values.Count > 2 ? values[2] : 0;
        double? max = values.Count > 3 ? values[3] : null;
        if (stop <= 0 || step < 0 || start < 0 || start >= stop || max <= 0)
        {
            throw new UserInputException(line.Location, $".tran needs 0 <= tstep, 0 <= tstart < tstop and tmax > 0 (got tstep={step}, tstop={stop}, tstart={start})", "e.g. .tran 1u 1m");
        }

        return new TranCard(step, stop, start, max, uic, line.Location);
    }

    /// <summary>.dc src start stop step [src2 start2 stop2 step2].</summary>
    public static DcCard Dc(NetlistLine line, ParameterScope scope)
    {
        const string usage = ".dc source start stop step [source2 start2 stop2 step2]";
        var r = new LineReader(line, usage);
        var sweeps = new List<DcSweep>();
        while (!r.AtEnd)
        {
            var src = r.Word("source name");
            double start = scope.Evaluate(r.Next("start")), stop = scope.Evaluate(r.Next("stop"));
            var stepToken = r.Next("step");
            var step = scope.Evaluate(stepToken);
            SweepRange.Check($".dc sweep of {src}", start, stop, step, stepToken);

            sweeps.Add(new DcSweep(src, start, stop, step));
        }

        if (sweeps.Count is < 1 or > 2)
        {
            throw new UserInputException(line.Location, ".dc sweeps one or two sources", $"expected: {usage}");
        }

        return new DcCard(sweeps, line.Location);
    }

    /// <summary>The header of a <c>.print ... all</c> item before <see cref="ExpandAll"/>.</summary>
    internal const string AllItems = "all";

    /// <summary>Replaces each <c>all</c> item of <paramref name="netlist"/>'s .print cards by v(node) for every node and i(source) for every voltage source.</summary>
    internal static void ExpandAll(Netlist netlist)
    {
        for (var k = 0; k < netlist.Prints.Count; k++)
        {
            var card = netlist.Prints[k];
            if (card.Items.All(i => i.Header != AllItems))
            {
                continue;
            }

            var items = new List<OutputVariable>();
            foreach (var item in card.Items)
            {
                if (item.Header != AllItems)
                {
                    items.Add(item);
                    continue;
                }

                items.AddRange(netlist.Elements.SelectMany(e => e.Nodes).Where(n => n != "0").Distinct(StringComparer.Ordinal)
                    .Select(n => new OutputVariable($"v({n})", OutputKind.Voltage, n, null, item.Location)));
                items.AddRange(netlist.Elements.OfType<Elements.Sources.SourceCard>().Where(s => s.Kind == Elements.Sources.SourceKind.Voltage)
                    .Select(s => new OutputVariable($"i({s.Name})", OutputKind.Current, s.Name, null, item.Location)));
            }

            netlist.Prints[k] = card with { Items = items };
        }
    }

    /// <summary>.print tran|dc|op item... (Xyce's <c>{expression}</c> items bound in <paramref name="scope"/>).</summary>
    public static PrintCard Print(NetlistLine line, ParameterScope scope)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(scope);
        const string usage = ".print tran|dc|op v(n) v(a,b) i(element) x(memristor) r(memristor) n(ymemristor!name_x) n(ymemristor!name:r) {expression}";
        var r = new LineReader(line, usage);
        var analysis = r.Word("analysis type") switch
        {
            "tran" => PrintAnalysis.Tran,
            "dc" => PrintAnalysis.Dc,
            "op" => PrintAnalysis.Op,
            "ac" => PrintAnalysis.Ac,
            var a => throw new UserInputException(line.Tokens[1].Location, $"unknown analysis '{a}' in .print", "use .print tran, .print dc, .print ac or .print op"),
        };
        var items = new List<OutputVariable>();
        while (!r.AtEnd)
        {
            if (r.Peek is { Kind: TokenKind.Word, Text: "all" } all)
            {
                // every node voltage and source current: expanded once the elements are read (NetlistParser)
                r.Next("all");
                items.Add(new OutputVariable(AllItems, OutputKind.Voltage, AllItems, null, all.Location));
                continue;
            }

            // ngspice also separates the items with commas: .print tran i(vr1), i(vr2)
            if (r.Accept(TokenKind.Comma))
            {
                continue;
            }

            // Xyce's layout options of its own output file (PRECISION=8 WIDTH=18 FORMAT=STD DELIMITER=COMMA): the columns are
            // the same, and Neuromorph writes them as CSV at full precision
            if (r.AtAssignment && r.Peek is { Kind: TokenKind.Word, Text: "precision" or "width" or "format" or "delimiter" })
            {
                r.Next("option");
                r.Accept(TokenKind.Equals);
                r.Next("option value");
                continue;
            }

            items.Add(r.Peek is { Kind: TokenKind.Expression } ? PrintedExpression(r.Next("expression"), scope) : ReadItem(r, usage));
        }

        if (items.Count == 0)
        {
            throw new UserInputException(line.Location, ".print lists nothing to print", $"expected: {usage}");
        }

        return new PrintCard(analysis, items, line.Location);
    }

    /// <summary>A <c>{expression}</c> column: headed by its text as written (lower-cased), bound now, probed when the circuit is built.</summary>
    public static OutputVariable PrintedExpression(Token token, ParameterScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var source = new ExpressionSource(token.Text, token.Location with { Column = token.Location.Column + 1 });
        var bound = InstanceContext.Top(scope).Bind(source, ".print expression");
        return new OutputVariable("{" + token.Text.ToLowerInvariant() + "}", OutputKind.Expression, token.Text, null, token.Location) { Value = bound };
    }

    /// <summary>Reads output items (<c>v(a) i(v1) vm(out)</c> ..., and ngspice's bare node names) to the end of the line.</summary>
    public static List<OutputVariable> Items(LineReader r, string usage, bool bareNodes = false)
    {
        ArgumentNullException.ThrowIfNull(r);
        var items = new List<OutputVariable>();
        while (!r.AtEnd)
        {
            items.Add(ReadItem(r, usage, bareNodes));
        }

        return items;
    }

    /// <summary>Reads one output item.</summary>
    public static OutputVariable ReadItem(LineReader r, string usage, bool bareNodes = false)
    {
        ArgumentNullException.ThrowIfNull(r);
        var fn = r.Next("output item");
        if (bareNodes && fn.Kind == TokenKind.Word && r.Peek is not { Kind: TokenKind.Open })
        {
            return new OutputVariable(fn.Text, OutputKind.Voltage, Node(fn.Text.Replace('.', ':')), null, fn.Location);
        }

        if (fn.Kind != TokenKind.Word || !r.Accept(TokenKind.Open))
        {
            throw new UserInputException(fn.Location, $"cannot print '{fn}'", $"expected: {usage}");
        }

        var args = new List<string> { r.Word("node or element name") };
        while (r.Accept(TokenKind.Comma))
        {
            args.Add(r.Word("node name"));
        }

        if (!r.Accept(TokenKind.Close))
        {
            throw new UserInputException(r.Here, "missing ')' in output item", $"expected: {usage}");
        }

        // ngspice names subcircuit internals x1.n3; the flattened names are Xyce's x1:n3
        var item = Item(fn, [.. args.Select(a => a.Replace('.', ':'))], usage);
        return item with { Header = $"{fn.Text}({string.Join(",", args)})" };
    }

    private static OutputVariable Item(Token fn, List<string> args, string usage)
    {
        var header = $"{fn.Text}({string.Join(",", args)})";
        var at = fn.Location;
        var part = fn.Text.Length == 2 && fn.Text[0] is 'v' or 'i' ? fn.Text[1] switch
        {
            'm' => ComplexPart.Magnitude,
            'p' => ComplexPart.Phase,
            'r' => ComplexPart.Real,
            'i' => ComplexPart.Imaginary,
            _ => (ComplexPart?)null,
        } : fn.Text is "vdb" or "idb" ? ComplexPart.Decibel : null;
        var function = part is null ? fn.Text : fn.Text[..1];
        switch (function)
        {
            case "v" when args.Count is 1 or 2:
                return new OutputVariable(header, OutputKind.Voltage, Node(args[0]), args.Count == 2 ? Node(args[1]) : null, at, part ?? ComplexPart.Magnitude);
            case "i" when args.Count == 1:
                return new OutputVariable(header, OutputKind.Current, args[0], null, at, part ?? ComplexPart.Magnitude);
            case "x" when args.Count == 1:
                return new OutputVariable(header, OutputKind.MemristorState, args[0], null, at);
            case "r" when args.Count == 1:
                return new OutputVariable(header, OutputKind.MemristorResistance, args[0], null, at);
            case "n" when args.Count == 1 && args[0].StartsWith("ymemristor!", StringComparison.Ordinal):
            {
                var rest = args[0]["ymemristor!".Length..];
                if (rest.EndsWith(":r", StringComparison.Ordinal))
                {
                    return new OutputVariable(header, OutputKind.MemristorResistance, rest[..^2], null, at);
                }

                if (rest.EndsWith("_x", StringComparison.Ordinal))
                {
                    return new OutputVariable(header, OutputKind.MemristorState, rest[..^2], null, at);
                }

                break;
            }
        }

        throw new UserInputException(at, $"cannot print '{header}'", $"expected: {usage}");
    }

    private static string Node(string n) => n is "gnd" or "gnd!" ? "0" : n;

    /// <summary>.ic v(node)=value ... (also .nodeset); <paramref name="node"/> maps a node name as written (subcircuit instances).</summary>
    public static void InitialConditions(NetlistLine line, ParameterScope scope, Dictionary<string, double> into, Func<string, string>? node = null)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(into);
        node ??= n => n;
        var r = new LineReader(line, $"{line.Head} v(node)=value ...");
        while (!r.AtEnd)
        {
            var v = r.Word("v(node)");
            if (v != "v" || !r.Accept(TokenKind.Open))
            {
                throw new UserInputException(line.Location, $"{line.Head} sets node voltages", $"expected: {line.Head} v(node)=value ...");
            }

            var name = Node(node(r.Word("node")));
            if (!r.Accept(TokenKind.Close) || !r.Accept(TokenKind.Equals))
            {
                throw new UserInputException(r.Here, $"expected ')=' in {line.Head}", $"expected: {line.Head} v(node)=value ...");
            }

            into[name] = scope.Evaluate(r.Next("value"));
        }
    }

    /// <summary>.options key=value ... (Xyce package words such as timeint are skipped).</summary>
    public static void Options(NetlistLine line, ParameterScope scope, Netlist netlist, List<Diagnostic> warnings)
    {
        var r = new LineReader(line, ".options name=value ...");
        while (!r.AtEnd)
        {
            if (!r.AtAssignment)
            {
                var flag = r.Next("option");
                if (!OptionPackages.Contains(flag.Text))
                {
                    warnings.Add(Diagnostic.Warning(flag.Location, $"option '{flag.Text}' ignored"));
                }

                continue;
            }

            var at = r.Here;
            var name = r.Next("name").Text;
            r.Accept(TokenKind.Equals);
            var token = r.Next($"value of {name}");
            if (!KnownOptions.Contains(name))
            {
                warnings.Add(Diagnostic.Warning(at, $"option '{name}' ignored", Suggestions.Closest(name, KnownOptions) is { } c ? $"did you mean '{c}'?" : null));
                continue;
            }

            if (name == "method")
            {
                var m = token.Text;
                if (m is not ("trap" or "trapezoidal" or "gear" or "bdf2"))
                {
                    throw new UserInputException(token.Location, $"unknown integration method '{m}'", "use method=trap or method=gear");
                }

                netlist.TextOptions["method"] = m is "gear" or "bdf2" ? "gear" : "trap";
            }
            else
            {
                var value = scope.Evaluate(token);
                CheckOption(name, value, token.Location);
                netlist.Options[name] = value;
                if (name == "temp")
                {
                    netlist.Temperature = value;
                }
            }
        }
    }

    private static void CheckOption(string name, double value, SourceLocation at)
    {
        var (ok, need) = name switch
        {
            "reltol" => (value > 0 && value < 1, "0 < reltol < 1 (SPICE's default is 1e-3)"),
            "abstol" or "vntol" or "chgtol" => (value > 0, $"{name} > 0"),
            "trtol" => (value >= 1, "trtol >= 1 (default 7)"),
            "gmin" => (value >= 0 && value < 1, "0 <= gmin < 1 S (default 1e-12)"),
            "maxstep" => (value > 0, "maxstep > 0 s"),
            "itl1" or "itl2" or "itl4" or "itl5" or "maxord" or "numdgt" or "gminsteps" or "srcsteps" => (value >= 0 && value == Math.Floor(value), $"{name} is a whole number >= 0"),
            "temp" or "tnom" => (value > -273.15, $"{name} above absolute zero (-273.15 C)"),
            _ => (double.IsFinite(value), "a finite number"),
        };
        if (!ok)
        {
            throw new UserInputException(at, $"impossible option value {name}={value}", $"need {need}");
        }
    }

    /// <summary>.step [param] NAME list v1 v2 ... | .step [param] NAME start stop step.</summary>
    public static StepCard Step(NetlistLine line, ParameterScope scope)
    {
        const string usage = ".step param NAME list v1 v2 ...  or  .step param NAME start stop step";
        var r = new LineReader(line, usage);
        r.AcceptWord("param");
        var name = r.Word("parameter name");
        var values = new List<double>();
        if (r.AcceptWord("list"))
        {
            while (!r.AtEnd)
            {
                values.Add(scope.Evaluate(r.Next("value")));
            }
        }
        else
        {
            double start = scope.Evaluate(r.Next("start")), stop = scope.Evaluate(r.Next("stop"));
            var stepToken = r.Next("step");
            var step = scope.Evaluate(stepToken);
            r.End();
            SweepRange.Check($".step {name}", start, stop, step, stepToken);

            for (var k = 0; ; k++)
            {
                var v = start + (k * step);
                if ((step > 0 && v > stop + (Math.Abs(step) * 1e-9)) || (step < 0 && v < stop - (Math.Abs(step) * 1e-9)))
                {
                    break;
                }

                values.Add(v);
            }
        }

        if (values.Count == 0)
        {
            throw new UserInputException(line.Location, $".step {name} has no values", usage);
        }

        return new StepCard(name, values, line.Location);
    }

    /// <summary>Model-card keys whose values may be text.</summary>
    private static readonly HashSet<string> TextKeys = new(["version", "fxpdata", "fxmdata"], StringComparer.OrdinalIgnoreCase);

    /// <summary>.model name type [(] name=value ... [)].</summary>
    public static ModelCard Model(NetlistLine line, ParameterScope scope)
    {
        var r = new LineReader(line, ".model name type (param=value ...)");
        var name = r.Word("model name");
        var type = r.Word("model type");
        var values = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        var locations = new Dictionary<string, SourceLocation>(StringComparer.OrdinalIgnoreCase);
        var text = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, token, at) in r.Assignments())
        {
            locations[key] = at;
            if (TextKeys.Contains(key) && token.Kind is TokenKind.Word or TokenKind.String && !SpiceNumber.TryParse(token.Text, out _, out _))
            {
                // text, not a number: ngspice's BSIM version strings (version=4.5.0) and the file names of Xyce's
                // piecewise-empirical memristor tables (fxpdata=fxp_table.csv)
                text[key] = token.Text;
                continue;
            }

            values[key] = scope.Evaluate(token);
        }

        return new ModelCard(name, type, values, line.Location, locations) { TextParameters = text };
    }
}
