using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Devices;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Elements.Memristors;

/// <summary>
/// A memristor: Xyce <c>YMEMRISTOR name n+ n- model [XO=...]</c> or ngspice XSPICE <c>Aname n+ n- model</c>.
/// <see cref="ElementCard.Name"/> is the instance name without the <c>ymemristor</c> prefix (e.g. <c>mr1</c>);
/// <see cref="Syntax"/> records which form was used. Instance parameters (e.g. <c>xo</c>) override the model's.
/// </summary>
public sealed record MemristorCard(
    string Name,
    IReadOnlyList<string> Nodes,
    string ModelName,
    IReadOnlyDictionary<string, double> InstanceParameters,
    MemristorSyntax Syntax,
    SourceLocation Location)
    : ElementCard(Name, Nodes, Location);
