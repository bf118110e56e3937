using Neuromorph.Circuits.Engine;
using Neuromorph.Circuits.Expressions;
using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Circuits.Syntax;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Elements.Behavioral;

/// <summary>
/// <c>B</c>: an arbitrary behavioural source (ngspice and Xyce): <c>Bname n+ n- V={expr}</c> or <c>I={expr}</c>, the
/// expression any function of node voltages <c>V(a)</c>, <c>V(a,b)</c>, branch currents <c>I(vname)</c>, <c>time</c>,
/// <c>temper</c>, parameters and <c>.func</c> functions.
/// </summary>
public sealed class BehavioralKind : IElementKind
{
    /// <inheritdoc />
    public Type CardType => typeof(BehavioralCard);

    /// <inheritdoc />
    public string Prefix => "b";

    /// <inheritdoc />
    public string Syntax => "Bname n+ n- V={expression} | Bname n+ n- I={expression} [tc1= tc2= temp= dtemp= reciproctc=]";

    /// <inheritdoc />
    public string Description => "behavioural voltage (V=) or current (I=) source";

    /// <inheritdoc />
    public ElementCard Parse(NetlistLine line, InstanceContext ctx)
    {
        var (options, bare) = TemperatureOptions(line, ctx);
        var r = new LineReader(bare, Syntax);
        var nodes = new[] { ctx.Node(r.Word("node n+")), ctx.Node(r.Word("node n-")) };
        var kind = r.Next("V= or I=");
        if (kind.Kind != TokenKind.Word || kind.Text is not ("v" or "i") || !r.Accept(TokenKind.Equals))
        {
            throw new UserInputException(kind.Location, $"expected V= or I= after the nodes of {line.Tokens[0].Original}, found '{kind}'", $"expected: {Syntax}");
        }

        var output = kind.Text == "v" ? BehavioralOutput.Voltage : BehavioralOutput.Current;
        return Card(ctx.Name(line.Head), nodes, output, r.Expression("expression"), ctx, line) with
        {
            Tc1 = options.GetValueOrDefault("tc1"),
            Tc2 = options.GetValueOrDefault("tc2"),
            Temperature = options.TryGetValue("temp", out var t) ? t : null,
            TemperatureOffset = options.GetValueOrDefault("dtemp"),
            ReciprocalTc = options.GetValueOrDefault("reciproctc") != 0,
        };
    }

    /// <summary>ngspice's instance parameters after a B source's expression (<c>tc1= tc2= temp= dtemp= reciproctc=</c>), and the line without them.</summary>
    private static (Dictionary<string, double> Options, NetlistLine Line) TemperatureOptions(NetlistLine line, InstanceContext ctx)
    {
        var options = new Dictionary<string, double>(StringComparer.Ordinal);
        var count = line.Tokens.Count;
        while (count >= 6 && line.Tokens[count - 2].Kind == TokenKind.Equals
            && line.Tokens[count - 3] is { Kind: TokenKind.Word, Text: "tc1" or "tc2" or "temp" or "dtemp" or "reciproctc" } name)
        {
            options.TryAdd(name.Text, ctx.Scope.Evaluate(line.Tokens[count - 1]));
            count -= 3;
        }

        return (options, count == line.Tokens.Count ? line : line with { Tokens = [.. line.Tokens.Take(count)] });
    }

    /// <summary>Binds <paramref name="source"/> in <paramref name="ctx"/> into a behavioural card.</summary>
    public static BehavioralCard Card(string name, string[] nodes, BehavioralOutput output, ExpressionSource source, InstanceContext ctx, NetlistLine line)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(line);
        source = PolynomialText.Expanded(source);
        var bound = ctx.Bind(source, $"{line.Tokens[0].Original}");
        return new BehavioralCard(name, nodes, output, bound, source.Text, line.Location) { ConductsDc = output == BehavioralOutput.Current && ReadsOwnTerminals(bound, nodes) };
    }

    /// <inheritdoc />
    public ElementBehavior Build(ElementCard card, BuildContext ctx) => Build((BehavioralCard)card, ctx);

    /// <summary>Builds any behavioural card (B, E/G VALUE and TABLE, F, H, R= and C= expressions).</summary>
    public static ElementBehavior Build(BehavioralCard card, BuildContext ctx)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(ctx);
        var n = ctx.Nodes(card);
        var difference = (card.Temperature ?? ctx.Temperature) + card.TemperatureOffset - ctx.Option("tnom", 27);
        var factor = 1 + (card.Tc1 * difference) + (card.Tc2 * difference * difference);
        var value = factor == 1 ? card.Value
            : new BinaryExpression(card.ReciprocalTc ? BinaryOperator.Divide : BinaryOperator.Multiply, card.Value, new NumberExpression(factor, card.Value.Position), card.Value.Position);
        var (direct, derivatives) = TimeDerivatives.Extract(value, card.Name);
        CompiledExpression Compile(Expression e)
        {
            var program = ExpressionCompiler.Compile(e, card.Text);
            foreach (var p in program.Variables.Where(p => p.Kind == ProbedQuantity.Voltage))
            {
                ctx.ProbeNode(p.Target, card);
            }

            return program;
        }

        var main = Compile(direct);
        List<ElementBehavior> auxiliaries = [.. derivatives.Select(d => new TimeDerivativeElement(d.Name, Compile(d.Argument), ctx.Node))];
        return card.Output switch
        {
            BehavioralOutput.Voltage => new BehavioralVoltageSource(card.Name, n, main, ctx.Node) { Location = card.Location, Auxiliaries = auxiliaries },
            BehavioralOutput.Current => new BehavioralCurrentSource(card.Name, n, main, ctx.Node) { Location = card.Location, Auxiliaries = auxiliaries },
            BehavioralOutput.Capacitance => new BehavioralCapacitor(card.Name, n, main, ctx.Node, card.InitialCondition) { Location = card.Location, Auxiliaries = auxiliaries },
            _ => new BehavioralCharge(card.Name, n, main, ctx.Node) { Location = card.Location, Auxiliaries = auxiliaries },
        };
    }

    private static bool ReadsOwnTerminals(Expression e, string[] nodes) => e switch
    {
        ProbeExpression { Kind: ProbedQuantity.Voltage } p => nodes.Contains(p.Target),
        UnaryExpression u => ReadsOwnTerminals(u.Operand, nodes),
        BinaryExpression b => ReadsOwnTerminals(b.Left, nodes) || ReadsOwnTerminals(b.Right, nodes),
        ConditionalExpression c => ReadsOwnTerminals(c.Condition, nodes) || ReadsOwnTerminals(c.WhenTrue, nodes) || ReadsOwnTerminals(c.WhenFalse, nodes),
        FunctionCall f => f.Arguments.Any(a => ReadsOwnTerminals(a, nodes)),
        TableExpression t => ReadsOwnTerminals(t.Input, nodes),
        _ => false,
    };
}
