using Neuromorph.Circuits.Engine;
using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Circuits.Syntax;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Elements.Passive;

/// <summary>
/// <c>K</c>: mutual inductance between two inductors (ngspice's <c>Kname Lname1 Lname2 k</c>). The inductor names
/// resolve in the K line's subcircuit instance, and the inductors may be written before or after it.
/// </summary>
public sealed class MutualInductanceKind : IElementKind
{
    /// <inheritdoc />
    public Type CardType => typeof(MutualInductanceCard);

    /// <inheritdoc />
    public string Prefix => "k";

    /// <inheritdoc />
    public string Syntax => "Kname Lname1 Lname2 k";

    /// <inheritdoc />
    public string Description => "mutual inductance M = k √(L1 L2) between two inductors, coupling coefficient k (k < 0 reverses the dot; |k| > 1 or an inconsistent set is warned about)";

    /// <inheritdoc />
    public ElementCard Parse(NetlistLine line, InstanceContext ctx)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(ctx);
        var r = new LineReader(line, Syntax);
        var at1 = r.Here;
        var l1 = ctx.Name(r.Word("first inductor name"));
        var at2 = r.Here;
        var l2 = ctx.Name(r.Word("second inductor name"));
        var token = r.Next("coupling coefficient k");
        var k = ctx.Scope.Evaluate(token);
        r.End();
        var name = ctx.Name(line.Tokens[0].Original);
        // |k| > 1 is read, as ngspice reads it, and warned about with its coupled set (InductiveSystems)
        if (!double.IsFinite(k))
        {
            throw new UserInputException(token.Location, $"coupling coefficient of {name} is not a finite number, got {k}",
                "k = M / √(L1 L2), e.g. 0.999 for a tight transformer");
        }

        if (l1 == l2)
        {
            throw new UserInputException(at2, $"{name} couples {l1} with itself", "name two different inductors: Kname Lname1 Lname2 k");
        }

        return new MutualInductanceCard(ctx.Name(line.Head), l1, l2, k, line.Location) { InductorAt = [at1, at2] };
    }

    /// <inheritdoc />
    public ElementBehavior Build(ElementCard card, BuildContext ctx)
    {
        var k = (MutualInductanceCard)card;
        return new MutualInductance(k.Name, k.Inductor1, k.Inductor2, k.Coupling);
    }

    /// <inheritdoc />
    public void Validate(ElementCard card, Netlist netlist, DiagnosticSink sink)
    {
        ArgumentNullException.ThrowIfNull(netlist);
        ArgumentNullException.ThrowIfNull(sink);
        var k = (MutualInductanceCard)card;
        Inductor(k, k.Inductor1, k.InductorAt[0], netlist);
        Inductor(k, k.Inductor2, k.InductorAt[1], netlist);
        if (netlist.Elements.OfType<MutualInductanceCard>().First() == k)
        {
            InductiveSystems.Check(netlist, sink);
        }
    }

    private static void Inductor(MutualInductanceCard k, string name, SourceLocation at, Netlist netlist)
    {
        var element = netlist.Elements.FirstOrDefault(e => e.Name == name);
        if (element is null)
        {
            var inductors = netlist.Elements.OfType<InductorCard>().Select(l => l.Name).ToList();
            throw new UserInputException(at, $"{k.Name} couples '{name}', but there is no inductor '{name}'",
                inductors.Count == 0 ? "K couples two L elements of the same subcircuit (or of the top level); the deck has none" : Suggestions.Hint(name, inductors));
        }

        if (element is not InductorCard)
        {
            throw new UserInputException(at, $"{k.Name} couples '{name}', which is not an inductor", "K couples two L elements: Kname Lname1 Lname2 k");
        }
    }
}
