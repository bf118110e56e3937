using Neuromorph.Circuits.Netlist;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Parsing;

/// <summary>Reads one element line (R, C, L, V, I, E, G, YMEMRISTOR, A) into an <see cref="ElementCard"/>.</summary>
public static class ElementParser
{
    /// <summary>Element letters this parser reads (X lines are expanded by <see cref="NetlistParser"/>).</summary>
    public const string Letters = "R C L V I E G X YMEMRISTOR A";

    /// <summary>Parses <paramref name="line"/> in <paramref name="ctx"/>; waveforms whose defaults need .tran are completed later.</summary>
    public static ElementCard Parse(NetlistLine line, InstanceContext ctx)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(ctx);
        var head = line.Head;
        return head[0] switch
        {
            'r' => TwoTerminal(line, ctx, "Rname n+ n- resistance", (n, nodes, v, _) => new ResistorCard(n, nodes, Positive(v, line, "resistance"), line.Location), "r"),
            'c' => TwoTerminal(line, ctx, "Cname n+ n- capacitance [IC=v]", (n, nodes, v, ic) => new CapacitorCard(n, nodes, NonNegative(v, line, "capacitance"), ic, line.Location), "c"),
            'l' => TwoTerminal(line, ctx, "Lname n+ n- inductance [IC=i]", (n, nodes, v, ic) => new InductorCard(n, nodes, Positive(v, line, "inductance"), ic, line.Location), "l"),
            'v' or 'i' => SourceParser.Parse(line, ctx),
            'e' or 'g' => Controlled(line, ctx),
            'y' => XyceMemristor(line, ctx),
            'a' => XSpiceMemristor(line, ctx),
            _ => throw new UserInputException(line.Location, $"unknown element '{line.Tokens[0].Original}'",
                $"supported element letters: {Letters}; comment lines start with *"),
        };
    }

    private static ElementCard TwoTerminal(NetlistLine line, InstanceContext ctx, string usage, Func<string, IReadOnlyList<string>, double, double?, ElementCard> make, string valueKey)
    {
        var r = new LineReader(line, usage);
        var nodes = new[] { ctx.Node(r.Word("node n+")), ctx.Node(r.Word("node n-")) };
        double? value = null;
        double? ic = null;
        if (!r.AtEnd && !r.AtAssignment)
        {
            value = ctx.Scope.Evaluate(r.Next("value"));
        }

        foreach (var (name, token, at) in r.Assignments())
        {
            var v = ctx.Scope.Evaluate(token);
            if (name == "ic")
            {
                ic = v;
            }
            else if (name == valueKey || (valueKey == "r" && name == "resistance"))
            {
                value = v;
            }
            else if (name is "tc1" or "tc2" or "temp" or "m")
            {
                // Temperature coefficients and multiplicity are accepted for compatibility; the simulation runs at nominal temperature.
            }
            else
            {
                throw new UserInputException(at, $"unknown parameter '{name}' on {line.Tokens[0].Original}", $"expected: {usage}");
            }
        }

        if (value is null)
        {
            throw new UserInputException(r.Here, "missing value", $"expected: {usage}");
        }

        return make(ctx.Name(line.Head), nodes, value.Value, ic);
    }

    private static double Positive(double v, NetlistLine line, string what) => v > 0
        ? v
        : throw new UserInputException(line.Location, $"{what} of {line.Tokens[0].Original} must be positive, got {v}", "a zero or negative value is not a physical element");

    private static double NonNegative(double v, NetlistLine line, string what) => v >= 0
        ? v
        : throw new UserInputException(line.Location, $"{what} of {line.Tokens[0].Original} must not be negative, got {v}");

    private static ElementCard Controlled(NetlistLine line, InstanceContext ctx)
    {
        var isE = line.Head[0] == 'e';
        var usage = isE ? "Ename n+ n- nc+ nc- gain" : "Gname n+ n- nc+ nc- transconductance";
        var r = new LineReader(line, usage);
        var nodes = new[] { r.Word("node n+"), r.Word("node n-"), r.Word("controlling node nc+"), r.Word("controlling node nc-") }.Select(ctx.Node).ToArray();
        var gain = ctx.Scope.Evaluate(r.Next("gain"));
        r.End();
        return new ControlledSourceCard(ctx.Name(line.Head), nodes, isE ? ControlledSourceKind.Vcvs : ControlledSourceKind.Vccs, gain, line.Location);
    }

    private static ElementCard XyceMemristor(NetlistLine line, InstanceContext ctx)
    {
        const string usage = "YMEMRISTOR name n+ n- model [XO=x0]";
        if (line.Head != "ymemristor")
        {
            throw new UserInputException(line.Location, $"unknown Y device '{line.Tokens[0].Original}'", $"the Y device Neuromorph knows is the Xyce memristor: {usage}");
        }

        var r = new LineReader(line, usage);
        var name = r.Word("instance name");
        var nodes = new[] { ctx.Node(r.Word("node n+")), ctx.Node(r.Word("node n-")) };
        var model = r.Word("model name");
        var parameters = r.Assignments().ToDictionary(a => a.Name, a => ctx.Scope.Evaluate(a.Value), StringComparer.OrdinalIgnoreCase);
        return new MemristorCard(ctx.Name(name), nodes, model, parameters, MemristorSyntax.Xyce, line.Location);
    }

    private static ElementCard XSpiceMemristor(NetlistLine line, InstanceContext ctx)
    {
        const string usage = "Aname n+ n- model   or   Aname %gd(n+ n-) model";
        var words = new List<Token>();
        for (var i = 1; i < line.Tokens.Count; i++)
        {
            var t = line.Tokens[i];
            if (t.Kind is TokenKind.Open or TokenKind.Close || (t.Kind == TokenKind.Word && t.Text.StartsWith('%')))
            {
                continue;
            }

            if (t.Kind != TokenKind.Word)
            {
                throw new UserInputException(t.Location, $"unexpected '{t}'", $"expected: {usage}");
            }

            words.Add(t);
        }

        if (words.Count != 3)
        {
            throw new UserInputException(line.Location, $"{line.Tokens[0].Original} needs two nodes and a model, got {words.Count} words", $"expected: {usage}");
        }

        return new MemristorCard(ctx.Name(line.Head), [ctx.Node(words[0].Text), ctx.Node(words[1].Text)], words[2].Text,
            new Dictionary<string, double>(), MemristorSyntax.XSpice, line.Location);
    }
}
