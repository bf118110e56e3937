using Neuromorph.Circuits.Elements.Behavioral;
using Neuromorph.Circuits.Engine;
using Neuromorph.Circuits.Expressions;
using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Circuits.Syntax;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Elements.Passive;

/// <summary>
/// <c>R</c>: a resistor. A value that depends on node voltages, currents or time (<c>r={V(x)}</c>) makes a behavioural
/// resistor, i = V(n+, n-) / R(...), exactly as ngspice rewrites it. ngspice's resistor model (<c>.model name r|res</c>)
/// and instance parameters (<c>ac= tc1= tc2= tce= temp= dtemp= m= scale= l= w=</c>) follow its RESupdate_conduct.
/// </summary>
public sealed class ResistorKind : IElementKind
{
    private static readonly (string, double)[] Known =
    [
        ("r", double.NaN), ("rsh", 0), ("tc1", 0), ("tc2", 0), ("tce", double.NaN), ("tnom", double.NaN), ("defw", 10e-6), ("defl", 10e-6), ("narrow", 0), ("short", 0),
    ];

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal) { ["res"] = "r", ["resistance"] = "r", ["tc1r"] = "tc1", ["tc2r"] = "tc2", ["dw"] = "narrow", ["dlr"] = "short", ["w"] = "defw", ["l"] = "defl" };

    private static readonly string[] Ignored = ["kf", "af", "lf", "wf", "ef", "bv_max", "noise"];

    private static readonly string[] InstanceKeys = ["ac", "l", "w", "tc", "tc1", "tc2", "tce", "temp", "dtemp", "m", "scale", "noisy", "noise"];

    /// <inheritdoc />
    public Type CardType => typeof(ResistorCard);

    /// <inheritdoc />
    public string Prefix => "r";

    /// <inheritdoc />
    public string Syntax => "Rname n+ n- value [model] [ac=r] [tc1= tc2= tce=] [temp=|dtemp=] [m=] [scale=] | Rname n+ n- model [l= w=] ... | Rname n+ n- r={expression}";

    /// <inheritdoc />
    public string Description => "resistor, ohms (non-zero; negative for negative-impedance circuits); an expression of V(), I() or time makes it behavioural; "
        + ".model NAME r|res (r rsh defw defl narrow short tc1 tc2 tce tnom): ngspice's resistor model, temperature coefficients and ac= small-signal value";

    /// <inheritdoc />
    public ElementCard Parse(NetlistLine line, InstanceContext ctx)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(ctx);

        // ngspice's own instance parameters and model name are taken out first; what is left is the common R/C/L form
        var tokens = line.Tokens;
        var kept = tokens.Take(3).ToList();
        var given = new Dictionary<string, double>(StringComparer.Ordinal);
        string? model = null;
        for (var i = 3; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Kind == TokenKind.Word && i + 2 < tokens.Count && tokens[i + 1].Kind == TokenKind.Equals && InstanceKeys.Contains(t.Text))
            {
                given[t.Text == "tc" ? "tc1" : t.Text] = ctx.Scope.Evaluate(tokens[i + 2]);
                i += 2;
                if (t.Text == "tc" && i + 2 < tokens.Count && tokens[i + 1].Kind == TokenKind.Comma)
                {
                    // TC=tc1,tc2 (ngspice, PSpice)
                    given["tc2"] = ctx.Scope.Evaluate(tokens[i + 2]);
                    i += 2;
                }
            }
            else if (model is null && IsModelName(t, tokens, i, ctx))
            {
                model = t.Text;
            }
            else
            {
                kept.Add(t);
            }
        }

        var hasValue = kept.Count > 3;
        if (!hasValue && model is null)
        {
            TwoTerminalLine.Read(line, ctx, Syntax, "r", "resistance"); // throws the missing-value error
        }

        double? Get(string key) => given.TryGetValue(key, out var v) ? v : null;
        var resistance = double.NaN;
        if (hasValue)
        {
            var l = TwoTerminalLine.Read(new NetlistLine(kept, line.Text, line.Location), ctx, Syntax, "r", "resistance");
            if (l.IsBehavioral)
            {
                var current = new BinaryExpression(BinaryOperator.Divide,
                    new BinaryExpression(BinaryOperator.Subtract, Probe(l.Nodes[0]), Probe(l.Nodes[1]), 0), l.BoundValue, 0);
                return new BehavioralCard(l.Name, l.Nodes, BehavioralOutput.Current, current, $"V({l.Nodes[0]},{l.Nodes[1]})/({l.Value.Text})", line.Location)
                {
                    // ngspice turns R={expr} tc1= tc2= into a B source with reciproctc=1: the current divided by the factor
                    ConductsDc = true,
                    Tc1 = Get("tc1") ?? 0,
                    Tc2 = Get("tc2") ?? 0,
                    Temperature = Get("temp"),
                    TemperatureOffset = Get("dtemp") ?? 0,
                    ReciprocalTc = true,
                };
            }

            // a negative resistance is a valid element (negative-impedance converters, tunnel-diode models), as in ngspice
            resistance = l.Constant != 0 && double.IsFinite(l.Constant)
                ? l.Constant
                : throw new UserInputException(line.Location, $"resistance of {line.Tokens[0].Original} must be non-zero and finite, got {l.Constant}", "a zero resistance is a short: join the nodes with a 0 V source (Vname n+ n- 0) to read its current");
        }

        var reader = new LineReader(line, Syntax);
        var nodes = new[] { ctx.Node(reader.Word("node n+")), ctx.Node(reader.Word("node n-")) };
        if (given.ContainsKey("temp") && given.ContainsKey("dtemp"))
        {
            ctx.Scope.Sink.WarnOnce("rtemp", Diagnostic.Warning(line.Location, $"{line.Tokens[0].Original}: instance temperature given, dtemp ignored", "as ngspice does"));
            given.Remove("dtemp");
        }

        if (given.TryGetValue("ac", out var ac) && (ac == 0 || !double.IsFinite(ac)))
        {
            throw new UserInputException(line.Location, $"ac resistance of {line.Tokens[0].Original} must be non-zero and finite, got {ac}", "ac= gives the resistance in AC analysis");
        }

        return new ResistorCard(ctx.Name(line.Head), nodes, resistance, line.Location)
        {
            Model = model,
            AcResistance = Get("ac"),
            Tc1 = Get("tc1"),
            Tc2 = Get("tc2"),
            Tce = Get("tce"),
            Temperature = Get("temp"),
            TemperatureOffset = Get("dtemp") ?? 0,
            Multiplier = Get("m") ?? 1,
            Scale = Get("scale") ?? 1,
            Geometry = (Get("l"), Get("w")),
        };
    }

    /// <inheritdoc />
    public ElementBehavior Build(ElementCard card, BuildContext ctx)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(ctx);
        var r = (ResistorCard)card;
        var n = ctx.Nodes(r);
        if (r.IsPlain)
        {
            return new Resistor(r.Name, n[0], n[1], r.Resistance);
        }

        var (resistance, factor) = Nominal(r, ctx);
        var ac = r.AcResistance ?? resistance;
        return new Resistor(r.Name, n[0], n[1], resistance * factor * r.Scale / r.Multiplier, ac * factor * r.Scale / r.Multiplier);
    }

    /// <summary>ngspice's RESupdate_conduct: the resistance before temperature scaling, and the temperature factor.</summary>
    private static (double Resistance, double Factor) Nominal(ResistorCard r, BuildContext ctx)
    {
        var p = r.Model is null ? null : ModelParameters.Read(ctx.Model(r.Model, r, "r", "res"), Known, ctx, Aliases, Ignored);
        double P(string name, double fallback) => p is null ? fallback : p[name];
        var resistance = r.Resistance;
        if (double.IsNaN(resistance))
        {
            double length = r.Geometry.L ?? P("defl", 10e-6), width = r.Geometry.W ?? P("defw", 10e-6), sheet = P("rsh", 0);
            if (length * width * sheet > 0)
            {
                resistance = (length - (2 * P("short", 0))) / (width - (2 * P("narrow", 0))) * sheet;
            }
            else if (p is not null && p.Given("r"))
            {
                resistance = p["r"];
            }
            else
            {
                ctx.Warn(Diagnostic.Warning(r.Location, $"{r.Name}: resistance too low, set to 1 mOhm", "as ngspice does: give a value, the model's r or rsh with l and w"));
                resistance = 1e-3;
            }
        }

        var tnom = p is not null && p.Given("tnom") ? p["tnom"] : ctx.Option("tnom", 27);
        var difference = (r.Temperature ?? ctx.Temperature) + r.TemperatureOffset - tnom;
        var tce = r.Tce ?? (p is not null && p.Given("tce") ? p["tce"] : double.NaN);
        var factor = double.IsNaN(tce)
            ? ((((r.Tc2 ?? P("tc2", 0)) * difference) + (r.Tc1 ?? P("tc1", 0))) * difference) + 1.0
            : Math.Pow(1.01, tce * difference);
        return (resistance, factor);
    }

    /// <summary>
    /// A word that is not a number, a parameter or an expression, standing where ngspice takes a model name
    /// (<c>R1 a b rmod</c>, <c>R1 a b 1k rmod</c>).
    /// </summary>
    private static bool IsModelName(Token t, IReadOnlyList<Token> tokens, int i, InstanceContext ctx) =>
        t.Kind == TokenKind.Word && (i + 1 >= tokens.Count || tokens[i + 1].Kind != TokenKind.Equals)
        && char.IsAsciiLetter(t.Text[0]) && t.Text.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '$' or '#' or '@' or ':')
        && ctx.Scope.Lookup(t.Text) is null && t.Text is not ("r" or "resistance") && ctx.Scope.ModelNames?.Contains(t.Text) != false;

    private static Expression Probe(string node) => node == "0" ? new NumberExpression(0, 0) : new ProbeExpression(ProbedQuantity.Voltage, node, 0);
}
