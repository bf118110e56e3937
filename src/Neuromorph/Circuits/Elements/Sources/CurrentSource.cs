using Neuromorph.Circuits.Engine;
using Neuromorph.Circuits.NetlistModel;

namespace Neuromorph.Circuits.Elements.Sources;

/// <summary>An independent current source: the current flows from n+ through the source to n- (SPICE's sign), amperes.</summary>
public sealed class CurrentSource(string name, int a, int b, double dc, WaveformSpec? waveform, double acMagnitude = 0, double acPhaseDegrees = 0)
    : ElementBehavior(name, [a, b]), IAcSourceBehavior
{
    /// <summary>DC value used by operating points and overridden by DC sweeps, amperes.</summary>
    public double Dc { get; set; } = dc;

    /// <inheritdoc />
    public override bool IsLinear => true;

    /// <inheritdoc />
    public override void Setup(SetupContext context)
    {
    }

    /// <inheritdoc />
    public override void Bind(MnaSystem system)
    {
    }

    /// <inheritdoc />
    public override void Load(MnaSystem system, LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(system);
        var i = Current(ctx);
        system.AddResidual(Nodes[0], i);
        system.AddResidual(Nodes[1], -i);
    }

    /// <inheritdoc />
    public override double Current(LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        return ctx.SourceFactor * (ctx.UseDcValues ? Dc : Waveform.Value(waveform, Dc, ctx.Time));
    }

    /// <inheritdoc />
    public override IEnumerable<double> Breakpoints(double start, double stop) => Waveform.Breakpoints(waveform, start, stop);

    /// <inheritdoc />
    public void LoadExcitation(Span<double> real, Span<double> imaginary)
    {
        // the residual has +i at n+; the small-signal right-hand side is its negative
        var phase = acPhaseDegrees * Math.PI / 180;
        if (Nodes[0] >= 0)
        {
            real[Nodes[0]] -= acMagnitude * Math.Cos(phase);
            imaginary[Nodes[0]] -= acMagnitude * Math.Sin(phase);
        }

        if (Nodes[1] >= 0)
        {
            real[Nodes[1]] += acMagnitude * Math.Cos(phase);
            imaginary[Nodes[1]] += acMagnitude * Math.Sin(phase);
        }
    }
}
