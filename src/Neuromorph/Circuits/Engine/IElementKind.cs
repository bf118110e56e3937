using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Circuits.Syntax;

namespace Neuromorph.Circuits.Engine;

/// <summary>
/// One kind of netlist element (resistor, diode, behavioural source ...): how its lines are written and read, and how
/// a card becomes a simulation behaviour. The element catalog lists every kind once; the parser, the circuit builder,
/// the topology checks and the documentation all read it, so a new element is one folder plus one catalog line.
/// </summary>
public interface IElementKind
{
    /// <summary>The lower-case name prefix that selects this kind (<c>r</c>, <c>ymemristor</c>).</summary>
    string Prefix { get; }

    /// <summary>The line's syntax, for hints and docs.</summary>
    string Syntax { get; }

    /// <summary>The card type this kind builds (kinds that share a card type build each other's cards).</summary>
    Type CardType { get; }

    /// <summary>One line for the documentation table.</summary>
    string Description { get; }

    /// <summary>Reads a line whose name starts with <see cref="Prefix"/>, in the instance context <paramref name="ctx"/>.</summary>
    ElementCard Parse(NetlistLine line, InstanceContext ctx);

    /// <summary>Builds the behaviour of <paramref name="card"/> (one of this kind's cards).</summary>
    ElementBehavior Build(ElementCard card, BuildContext ctx);

    /// <summary>Checks a card against the whole netlist after reading (models it names ...), adding warnings.</summary>
    void Validate(ElementCard card, Netlist netlist, DiagnosticSink sink)
    {
    }
}
