using Neuromorph.Circuits.Elements.Behavioral;
using Neuromorph.Circuits.Engine;
using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Circuits.Syntax;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Elements.Passive;

/// <summary>
/// <c>C</c>: a capacitor. <c>c={expression}</c> of node voltages makes i = C(...) dV/dt (ngspice's capacitance form);
/// <c>q={expression}</c> makes i = dQ/dt (charge form).
/// </summary>
public sealed class CapacitorKind : IElementKind
{
    /// <inheritdoc />
    public Type CardType => typeof(CapacitorCard);

    /// <inheritdoc />
    public string Prefix => "c";

    /// <inheritdoc />
    public string Syntax => "Cname n+ n- value [IC=v] | Cname n+ n- c={expression} | Cname n+ n- q={expression}";

    /// <inheritdoc />
    public string Description => "capacitor, farads; open at DC; IC= is the initial voltage with uic";

    /// <inheritdoc />
    public ElementCard Parse(NetlistLine line, InstanceContext ctx)
    {
        var l = TwoTerminalLine.Read(line, ctx, Syntax, "c", "capacitance");
        if (l.IsBehavioral || l.IsCharge)
        {
            return new BehavioralCard(l.Name, l.Nodes, l.IsCharge ? BehavioralOutput.Charge : BehavioralOutput.Capacitance, l.BoundValue, l.Value.Text, line.Location)
            {
                InitialCondition = l.InitialCondition,
            };
        }

        return l.Constant >= 0
            ? new CapacitorCard(l.Name, l.Nodes, l.Constant, l.InitialCondition, line.Location)
            : throw new UserInputException(line.Location, $"capacitance of {line.Tokens[0].Original} must not be negative, got {l.Constant}", "a negative capacitor is not a physical element");
    }

    /// <inheritdoc />
    public ElementBehavior Build(ElementCard card, BuildContext ctx)
    {
        var c = (CapacitorCard)card;
        var n = ctx.Nodes(c);
        return new Capacitor(c.Name, n[0], n[1], c.Capacitance, c.InitialVoltage);
    }
}
