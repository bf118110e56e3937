using Neuromorph.Circuits.Elements.Behavioral;
using Neuromorph.Circuits.Engine;
using Neuromorph.Circuits.Expressions;
using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Circuits.Syntax;
using Neuromorph.Diagnostics;
using Neuromorph.Numerics;

namespace Neuromorph.Circuits.Elements.Controlled;

/// <summary>
/// E and G: voltage-controlled sources, linear (<c>nc+ nc- gain</c>) or behavioural (<c>VALUE={expr}</c>, ngspice's
/// <c>vol=</c>/<c>cur=</c>, and <c>TABLE {expr} = (x1,y1) (x2,y2) ...</c>).
/// </summary>
public abstract class VoltageControlledKind(string prefix, BehavioralOutput output, string valueKey) : IElementKind
{
    /// <inheritdoc />
    public Type CardType => typeof(ControlledSourceCard);

    /// <inheritdoc />
    public string Prefix => prefix;

    /// <inheritdoc />
    public string Syntax => $"{prefix.ToUpperInvariant()}name n+ n- nc+ nc- gain | {prefix.ToUpperInvariant()}name n+ n- VALUE={{expression}} | {prefix.ToUpperInvariant()}name n+ n- {valueKey}={{expression}} | {prefix.ToUpperInvariant()}name n+ n- TABLE {{expression}} = (x1,y1) (x2,y2) ... | {prefix.ToUpperInvariant()}name n+ n- POLY(nd) nc1+ nc1- ... p0 p1 ...";

    /// <inheritdoc />
    public abstract string Description { get; }

    /// <inheritdoc />
    public ElementCard Parse(NetlistLine line, InstanceContext ctx)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(ctx);
        var r = new LineReader(line, Syntax);
        var nodes = new[] { ctx.Node(r.Word("node n+")), ctx.Node(r.Word("node n-")) };
        var next = r.Peek ?? throw new UserInputException(r.Here, "missing controlling nodes or VALUE", $"expected: {Syntax}");
        if (next.Kind == TokenKind.Word && (next.Text == "value" || next.Text == valueKey))
        {
            r.Next("VALUE");
            r.Accept(TokenKind.Equals);
            return BehavioralKind.Card(ctx.Name(line.Head), nodes, output, r.Expression("expression"), ctx, line);
        }

        if (next.Kind == TokenKind.Word && next.Text == "table")
        {
            r.Next("TABLE");
            var input = r.Next("table input");
            var source = input.Kind == TokenKind.Expression
                ? new ExpressionSource(input.Text, input.Location with { Column = input.Location.Column + 1 })
                : new ExpressionSource(input.Text, input.Location);
            var x = ctx.Bind(source, $"the TABLE input of {line.Tokens[0].Original}");
            r.Accept(TokenKind.Equals);
            var values = new List<double>();
            while (!r.AtEnd)
            {
                if (r.Accept(TokenKind.Open) || r.Accept(TokenKind.Close) || r.Accept(TokenKind.Comma))
                {
                    continue;
                }

                values.Add(ctx.Scope.Evaluate(r.Next("table point")));
            }

            if (values.Count < 2 || values.Count % 2 != 0)
            {
                throw new UserInputException(line.Location, $"TABLE of {line.Tokens[0].Original} needs (x, y) pairs, got {values.Count} numbers", "e.g. TABLE {V(in)} = (0,0) (1,2) (2,3)");
            }

            var xs = values.Where((_, k) => k % 2 == 0).ToArray();
            var ys = values.Where((_, k) => k % 2 == 1).ToArray();
            Table.Check(xs, source, 0);
            var table = x is NumberExpression c ? (Expression)new NumberExpression(PiecewiseLinearTable.Evaluate(xs, ys, c.Value, out _), 0) : new TableExpression(x, xs, ys, 0);
            return new BehavioralCard(ctx.Name(line.Head), nodes, output, table, $"table({source.Text})", line.Location) { ConductsDc = output == BehavioralOutput.Current && ReadsOwn(x, nodes) };
        }

        if (next.Kind == TokenKind.Word && next.Text == "poly")
        {
            return PolynomialSource.Read(r, line, ctx, nodes, output, currents: false);
        }

        var control = new[] { ctx.Node(r.Word("node nc+")), ctx.Node(r.Word("node nc-")) };
        var gain = ctx.Scope.Evaluate(r.Next("gain"));
        r.End();
        return new ControlledSourceCard(ctx.Name(line.Head), [.. nodes, .. control], output == BehavioralOutput.Voltage ? ControlledSourceKind.Vcvs : ControlledSourceKind.Vccs, gain, line.Location);
    }

    /// <inheritdoc />
    public ElementBehavior Build(ElementCard card, BuildContext ctx)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(ctx);
        if (card is BehavioralCard b)
        {
            return BehavioralKind.Build(b, ctx);
        }

        var e = (ControlledSourceCard)card;
        var n = ctx.Nodes(e);
        return e.Kind == ControlledSourceKind.Vcvs ? new Vcvs(e.Name, n, e.Gain) : new Vccs(e.Name, n, e.Gain);
    }

    private static bool ReadsOwn(Expression e, string[] nodes) => e is ProbeExpression p ? nodes.Contains(p.Target)
        : e is BinaryExpression b && (ReadsOwn(b.Left, nodes) || ReadsOwn(b.Right, nodes));
}

/// <summary><c>E</c>: voltage-controlled voltage source.</summary>
public sealed class VcvsKind() : VoltageControlledKind("e", BehavioralOutput.Voltage, "vol")
{
    /// <inheritdoc />
    public override string Description => "voltage-controlled voltage source; VALUE/vol= and TABLE make it behavioural";
}

/// <summary><c>G</c>: voltage-controlled current source.</summary>
public sealed class VccsKind() : VoltageControlledKind("g", BehavioralOutput.Current, "cur")
{
    /// <inheritdoc />
    public override string Description => "voltage-controlled current source, siemens; VALUE/cur= and TABLE make it behavioural";
}

/// <summary>
/// F and H: current-controlled sources, <c>Fname n+ n- vcontrol gain</c> (current gain × I(vcontrol)) and
/// <c>Hname n+ n- vcontrol transresistance</c> (voltage, ohms × I(vcontrol)); built as behavioural sources.
/// </summary>
public abstract class CurrentControlledKind(string prefix, BehavioralOutput output) : IElementKind
{
    /// <inheritdoc />
    public Type CardType => typeof(BehavioralCard);

    /// <inheritdoc />
    public string Prefix => prefix;

    /// <inheritdoc />
    public string Syntax => $"{prefix.ToUpperInvariant()}name n+ n- vcontrol {(output == BehavioralOutput.Current ? "gain" : "transresistance")} | {prefix.ToUpperInvariant()}name n+ n- POLY(nd) v1 v2 ... p0 p1 ...";

    /// <inheritdoc />
    public abstract string Description { get; }

    /// <inheritdoc />
    public ElementCard Parse(NetlistLine line, InstanceContext ctx)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(ctx);
        var r = new LineReader(line, Syntax);
        var nodes = new[] { ctx.Node(r.Word("node n+")), ctx.Node(r.Word("node n-")) };
        if (r.Peek is { Kind: TokenKind.Word, Text: "poly" })
        {
            return PolynomialSource.Read(r, line, ctx, nodes, output, currents: true);
        }

        var control = ctx.Name(r.Word("controlling element"));
        var gain = ctx.Scope.Evaluate(r.Next(output == BehavioralOutput.Current ? "gain" : "transresistance"));
        r.End();
        var e = new BinaryExpression(BinaryOperator.Multiply, new NumberExpression(gain, 0), new ProbeExpression(ProbedQuantity.Current, control, 0), 0);
        return new BehavioralCard(ctx.Name(line.Head), nodes, output, e, $"{gain}*I({control})", line.Location);
    }

    /// <inheritdoc />
    public ElementBehavior Build(ElementCard card, BuildContext ctx) => BehavioralKind.Build((BehavioralCard)card, ctx);
}

/// <summary><c>F</c>: current-controlled current source.</summary>
public sealed class CccsKind() : CurrentControlledKind("f", BehavioralOutput.Current)
{
    /// <inheritdoc />
    public override string Description => "current-controlled current source: gain × I(vcontrol)";
}

/// <summary><c>H</c>: current-controlled voltage source.</summary>
public sealed class CcvsKind() : CurrentControlledKind("h", BehavioralOutput.Voltage)
{
    /// <inheritdoc />
    public override string Description => "current-controlled voltage source: transresistance × I(vcontrol), ohms";
}
