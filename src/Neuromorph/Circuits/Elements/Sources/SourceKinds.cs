using Neuromorph.Circuits.Engine;
using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Circuits.Syntax;

namespace Neuromorph.Circuits.Elements.Sources;

/// <summary><c>V</c>: an independent voltage source with a branch-current unknown.</summary>
public sealed class VoltageSourceKind : IElementKind
{
    /// <inheritdoc />
    public Type CardType => typeof(SourceCard);

    /// <inheritdoc />
    public string Prefix => "v";

    /// <inheritdoc />
    public string Syntax => "Vname n+ n- [DC] v [AC mag [phase]] [PULSE(...)|SIN(...)|PWL(...)|EXP(...)]";

    /// <inheritdoc />
    public string Description => "voltage source; i(vname) flows from n+ through the source to n-";

    /// <inheritdoc />
    public ElementCard Parse(NetlistLine line, InstanceContext ctx) => SourceParser.Parse(line, ctx);

    /// <inheritdoc />
    public ElementBehavior Build(ElementCard card, BuildContext ctx)
    {
        var v = (SourceCard)card;
        var n = ctx.Nodes(v);
        return v.Kind == SourceKind.Voltage
            ? new VoltageSource(v.Name, n[0], n[1], v.Dc, v.Waveform, v.AcMagnitude, v.AcPhaseDegrees) { Location = v.Location }
            : new CurrentSource(v.Name, n[0], n[1], v.Dc, v.Waveform, v.AcMagnitude, v.AcPhaseDegrees) { Location = v.Location };
    }
}

/// <summary><c>I</c>: an independent current source.</summary>
public sealed class CurrentSourceKind : IElementKind
{
    /// <inheritdoc />
    public Type CardType => typeof(SourceCard);

    /// <inheritdoc />
    public string Prefix => "i";

    /// <inheritdoc />
    public string Syntax => "Iname n+ n- [DC] i [AC mag [phase]] [PULSE(...)|SIN(...)|PWL(...)|EXP(...)]";

    /// <inheritdoc />
    public string Description => "current source; the current flows from n+ through the source to n-";

    /// <inheritdoc />
    public ElementCard Parse(NetlistLine line, InstanceContext ctx) => SourceParser.Parse(line, ctx);

    /// <inheritdoc />
    public ElementBehavior Build(ElementCard card, BuildContext ctx)
    {
        return new VoltageSourceKind().Build(card, ctx);
    }
}
