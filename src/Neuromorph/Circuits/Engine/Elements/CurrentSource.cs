using Neuromorph.Circuits.Netlist;

namespace Neuromorph.Circuits.Engine.Elements;

/// <summary>An independent current source: the current flows from n+ through the source to n- (SPICE's sign), amperes.</summary>
public sealed class CurrentSource(string name, int a, int b, double dc, WaveformSpec? waveform) : ElementBehavior(name, [a, b])
{
    /// <summary>DC value used by operating points and overridden by DC sweeps, amperes.</summary>
    public double Dc { get; set; } = dc;

    /// <inheritdoc />
    public override void Setup(MnaSystem system)
    {
    }

    /// <inheritdoc />
    public override void Bind(MnaSystem system)
    {
    }

    /// <inheritdoc />
    public override void Load(MnaSystem system, LoadContext ctx)
    {
        var i = Current(ctx);
        system.AddResidual(Nodes[0], i);
        system.AddResidual(Nodes[1], -i);
    }

    /// <inheritdoc />
    public override double Current(LoadContext ctx) => ctx.SourceFactor * (ctx.UseDcValues ? Dc : Waveform.Value(waveform, Dc, ctx.Time));

    /// <inheritdoc />
    public override IEnumerable<double> Breakpoints(double start, double stop) => Waveform.Breakpoints(waveform, start, stop);
}
