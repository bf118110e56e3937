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
    public string Description => "inductor, henries (nonzero; negative as in ngspice for equivalent circuits); short at DC; IC= is the initial current with uic";

    /// <inheritdoc />
    public ElementCard Parse(NetlistLine line, InstanceContext ctx)
    {
        var l = TwoTerminalLine.Read(line, ctx, Syntax, "l", "inductance");
        if (l.IsBehavioral)
        {
            throw new UserInputException(line.Location, $"{line.Tokens[0].Original}: an inductance that depends on the circuit is not supported", "use a constant inductance");
        }

        // a negative inductance is read as ngspice reads it (equivalent circuits such as a transformer's T model use one)
        return l.Constant != 0 && double.IsFinite(l.Constant)
            ? new InductorCard(l.Name, l.Nodes, l.Constant, l.InitialCondition, line.Location)
            : throw new UserInputException(line.Location, $"inductance of {line.Tokens[0].Original} must be a nonzero number, got {l.Constant}", "a zero inductance is a short: use a 0 V source to measure a current");
    }

    /// <inheritdoc />
    public ElementBehavior Build(ElementCard card, BuildContext ctx)
    {
        var l = (InductorCard)card;
        var n = ctx.Nodes(l);
        return new Inductor(l.Name, n[0], n[1], l.Inductance, l.InitialCurrent);
    }
}
