using Neuromorph.Circuits.Engine;
using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Circuits.Syntax;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Elements.Passive;

/// <summary><c>L</c>: an inductor with its current as an unknown.</summary>
public sealed class InductorKind : IElementKind
{
    /// <inheritdoc />
    public Type CardType => typeof(InductorCard);

    /// <inheritdoc />
    public string Prefix => "l";

    /// <inheritdoc />
    public string Syntax => "Lname n+ n- value [IC=i]";

    /// <inheritdoc />
    public string Description => "inductor, henries (> 0); short at DC; IC= is the initial current with uic";

    /// <inheritdoc />
    public ElementCard Parse(NetlistLine line, InstanceContext ctx)
    {
        var l = TwoTerminalLine.Read(line, ctx, Syntax, "l", "inductance");
        if (l.IsBehavioral)
        {
            throw new UserInputException(line.Location, $"{line.Tokens[0].Original}: an inductance that depends on the circuit is not supported", "use a constant inductance");
        }

        return l.Constant > 0
            ? new InductorCard(l.Name, l.Nodes, l.Constant, l.InitialCondition, line.Location)
            : throw new UserInputException(line.Location, $"inductance of {line.Tokens[0].Original} must be positive, got {l.Constant}", "a zero or negative value is not a physical element");
    }

    /// <inheritdoc />
    public ElementBehavior Build(ElementCard card, BuildContext ctx)
    {
        var l = (InductorCard)card;
        var n = ctx.Nodes(l);
        return new Inductor(l.Name, n[0], n[1], l.Inductance, l.InitialCurrent);
    }
}
