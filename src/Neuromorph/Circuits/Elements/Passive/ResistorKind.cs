using Neuromorph.Circuits.Elements.Behavioral;
using Neuromorph.Circuits.Engine;
using Neuromorph.Circuits.Expressions;
using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Circuits.Syntax;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Elements.Passive;

/// <summary>
/// <c>R</c>: a resistor. A value that depends on node voltages, currents or time (<c>r={V(x)}</c>) makes a behavioural
/// resistor, i = V(n+, n-) / R(...), exactly as ngspice rewrites it.
/// </summary>
public sealed class ResistorKind : IElementKind
{
    /// <inheritdoc />
    public Type CardType => typeof(ResistorCard);

    /// <inheritdoc />
    public string Prefix => "r";

    /// <inheritdoc />
    public string Syntax => "Rname n+ n- value | Rname n+ n- r={expression}";

    /// <inheritdoc />
    public string Description => "resistor, ohms (non-zero; negative for negative-impedance circuits); an expression of V(), I() or time makes it behavioural";

    /// <inheritdoc />
    public ElementCard Parse(NetlistLine line, InstanceContext ctx)
    {
        var l = TwoTerminalLine.Read(line, ctx, Syntax, "r", "resistance");
        if (l.IsBehavioral)
        {
            var current = new BinaryExpression(BinaryOperator.Divide,
                new BinaryExpression(BinaryOperator.Subtract, Probe(l.Nodes[0]), Probe(l.Nodes[1]), 0), l.BoundValue, 0);
            return new BehavioralCard(l.Name, l.Nodes, BehavioralOutput.Current, current, $"V({l.Nodes[0]},{l.Nodes[1]})/({l.Value.Text})", line.Location) { ConductsDc = true };
        }

        // a negative resistance is a valid element (negative-impedance converters, tunnel-diode models), as in ngspice
        return l.Constant != 0 && double.IsFinite(l.Constant)
            ? new ResistorCard(l.Name, l.Nodes, l.Constant, line.Location)
            : throw new UserInputException(line.Location, $"resistance of {line.Tokens[0].Original} must be non-zero and finite, got {l.Constant}", "a zero resistance is a short: join the nodes with a 0 V source (Vname n+ n- 0) to read its current");
    }

    /// <inheritdoc />
    public ElementBehavior Build(ElementCard card, BuildContext ctx)
    {
        var r = (ResistorCard)card;
        var n = ctx.Nodes(r);
        return new Resistor(r.Name, n[0], n[1], r.Resistance);
    }

    private static Expression Probe(string node) => node == "0" ? new NumberExpression(0, 0) : new ProbeExpression(ProbedQuantity.Voltage, node, 0);
}
