using Neuromorph.Circuits.Engine;
using Neuromorph.Circuits.NetlistModel;

namespace Neuromorph.Circuits.Elements.Sources;

/// <summary>An independent voltage source with a branch-current unknown (current from n+ through the source to n-, SPICE's sign).</summary>
public sealed class VoltageSource(string name, int a, int b, double dc, WaveformSpec? waveform, double acMagnitude = 0, double acPhaseDegrees = 0)
    : ElementBehavior(name, [a, b]), IAcSourceBehavior
{
    private int _branch;
    private MatrixSlot[] _slots = [];
    private int[] _k = [];

    /// <summary>DC value used by operating points and overridden by DC sweeps, volts.</summary>
    public double Dc { get; set; } = dc;

    /// <inheritdoc />
    public override int Branch => _branch;

    /// <inheritdoc />
    public override bool IsLinear => true;

    /// <summary>Source value at the context's time, volts.</summary>
    public double Value(LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        return ctx.SourceFactor * (ctx.UseDcValues ? Dc : Waveform.Value(waveform, Dc, ctx.Time));
    }

    /// <inheritdoc />
    public override void CreateUnknowns(MnaSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        _branch = system.AddUnknown($"i({Name})", UnknownKind.SourceCurrent);
    }

    /// <inheritdoc />
    public override void Setup(SetupContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var s = context.System;
        _slots = [s.Slot(Nodes[0], _branch), s.Slot(Nodes[1], _branch), s.Slot(_branch, Nodes[0]), s.Slot(_branch, Nodes[1])];
    }

    /// <inheritdoc />
    public override void Bind(MnaSystem system) => _k = [.. _slots.Select(system.Resolve)];

    /// <inheritdoc />
    public override void Load(MnaSystem system, LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(ctx);
        StampBranch(system, _k, Nodes[0], Nodes[1], ctx.Solution[_branch]);
        system.AddResidual(_branch, ctx.V(Nodes[0]) - ctx.V(Nodes[1]) - Value(ctx));
    }

    /// <inheritdoc />
    public override double Current(LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        return ctx.Solution[_branch];
    }

    /// <inheritdoc />
    public override IEnumerable<double> Breakpoints(double start, double stop) => Waveform.Breakpoints(waveform, start, stop);

    /// <inheritdoc />
    public void LoadExcitation(Span<double> real, Span<double> imaginary)
    {
        var phase = acPhaseDegrees * Math.PI / 180;
        real[_branch] += acMagnitude * Math.Cos(phase);
        imaginary[_branch] += acMagnitude * Math.Sin(phase);
    }
}
