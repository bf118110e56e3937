using Neuromorph.Circuits.Netlist;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Parsing;

/// <summary>Reads analysis and output dot-commands: .op, .dc, .tran, .print, .ic, .options, .step, .model.</summary>
public static class DotCommandParser
{
    private static readonly HashSet<string> KnownOptions = new(StringComparer.OrdinalIgnoreCase)
    {
        "reltol", "abstol", "vntol", "chgtol", "trtol", "gmin", "method", "maxstep", "itl1", "itl4", "numdgt", "temp", "tnom", "maxord",
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
            double start = scope.Evaluate(r.Next("start")), stop = scope.Evaluate(r.Next("stop")), step = scope.Evaluate(r.Next("step"));
            if (step == 0 || Math.Sign(stop - start) * Math.Sign(step) < 0)
            {
                throw new UserInputException(line.Location, $".dc sweep of {src}: step {step} does not lead from {start} to {stop}", "use a negative step to sweep downwards");
            }

            sweeps.Add(new DcSweep(src, start, stop, step));
        }

        if (sweeps.Count is < 1 or > 2)
        {
            throw new UserInputException(line.Location, ".dc sweeps one or two sources", $"expected: {usage}");
        }

        return new DcCard(sweeps, line.Location);
    }

    /// <summary>.print tran|dc|op item...</summary>
    public static PrintCard Print(NetlistLine line)
    {
        const string usage = ".print tran|dc|op v(n) v(a,b) i(element) x(memristor) r(memristor) n(ymemristor!name_x) n(ymemristor!name:r)";
        var r = new LineReader(line, usage);
        var analysis = r.Word("analysis type") switch
        {
            "tran" => PrintAnalysis.Tran,
            "dc" => PrintAnalysis.Dc,
            "op" => PrintAnalysis.Op,
            var a => throw new UserInputException(line.Tokens[1].Location, $"unknown analysis '{a}' in .print", "use .print tran, .print dc or .print op"),
        };
        var items = new List<OutputVariable>();
        while (!r.AtEnd)
        {
            var fn = r.Next("output item");
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

            items.Add(Item(fn, args, usage));
        }

        if (items.Count == 0)
        {
            throw new UserInputException(line.Location, ".print lists nothing to print", $"expected: {usage}");
        }

        return new PrintCard(analysis, items, line.Location);
    }

    private static OutputVariable Item(Token fn, List<string> args, string usage)
    {
        var header = $"{fn.Text}({string.Join(",", args)})";
        var at = fn.Location;
        switch (fn.Text)
        {
            case "v" when args.Count is 1 or 2:
                return new OutputVariable(header, OutputKind.Voltage, Node(args[0]), args.Count == 2 ? Node(args[1]) : null, at);
            case "i" when args.Count == 1:
                return new OutputVariable(header, OutputKind.Current, args[0], null, at);
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

    private static string Node(string n) => n == "gnd" ? "0" : n;

    /// <summary>.ic v(node)=value ...</summary>
    public static void InitialConditions(NetlistLine line, ParameterScope scope, Dictionary<string, double> into)
    {
        var r = new LineReader(line, ".ic v(node)=value ...");
        while (!r.AtEnd)
        {
            var v = r.Word("v(node)");
            if (v != "v" || !r.Accept(TokenKind.Open))
            {
                throw new UserInputException(line.Location, ".ic sets node voltages", "expected: .ic v(node)=value ...");
            }

            var node = Node(r.Word("node"));
            if (!r.Accept(TokenKind.Close) || !r.Accept(TokenKind.Equals))
            {
                throw new UserInputException(r.Here, "expected ')=' in .ic", "expected: .ic v(node)=value ...");
            }

            into[node] = scope.Evaluate(r.Next("value"));
        }
    }

    /// <summary>.options key=value ... (Xyce package words such as timeint are skipped).</summary>
    public static void Options(NetlistLine line, ParameterScope scope, Netlist.Netlist netlist, List<Diagnostic> warnings)
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
                netlist.Options[name] = scope.Evaluate(token);
            }
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
            double start = scope.Evaluate(r.Next("start")), stop = scope.Evaluate(r.Next("stop")), step = scope.Evaluate(r.Next("step"));
            r.End();
            if (step == 0 || Math.Sign(stop - start) * Math.Sign(step) < 0)
            {
                throw new UserInputException(line.Location, $".step {name}: step {step} does not lead from {start} to {stop}");
            }

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

    /// <summary>.model name type [(] name=value ... [)].</summary>
    public static ModelCard Model(NetlistLine line, ParameterScope scope)
    {
        var r = new LineReader(line, ".model name type (param=value ...)");
        var name = r.Word("model name");
        var type = r.Word("model type");
        var values = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        var locations = new Dictionary<string, SourceLocation>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, token, at) in r.Assignments())
        {
            values[key] = scope.Evaluate(token);
            locations[key] = at;
        }

        return new ModelCard(name, type, values, line.Location, locations);
    }
}
