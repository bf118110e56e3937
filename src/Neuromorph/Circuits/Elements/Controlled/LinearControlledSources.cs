using Neuromorph.Circuits.Engine;

namespace Neuromorph.Circuits.Elements.Controlled;

/// <summary>E: voltage-controlled voltage source v(n+, n-) = gain v(nc+, nc-), with a branch-current unknown.</summary>
public sealed class Vcvs(string name, int[] nodes, double gain) : ElementBehavior(name, nodes)
{
    private int _branch;
    private MatrixSlot[] _slots = [];
    private int[] _k = [];

    /// <inheritdoc />
    public override int Branch => _branch;

    /// <inheritdoc />
    public override bool IsLinear => true;

    /// <summary>The gain (V/V, or A/V for a VCCS).</summary>
    public double Gain => gain;

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
        _slots = [s.Slot(Nodes[0], _branch), s.Slot(Nodes[1], _branch), s.Slot(_branch, Nodes[0]), s.Slot(_branch, Nodes[1]), s.Slot(_branch, Nodes[2]), s.Slot(_branch, Nodes[3])];
    }

    /// <inheritdoc />
    public override void Bind(MnaSystem system) => _k = [.. _slots.Select(system.Resolve)];

    /// <inheritdoc />
    public override void Load(MnaSystem system, LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(ctx);
        StampBranch(system, _k, Nodes[0], Nodes[1], ctx.Solution[_branch]);
        system.Add(_k[4], -gain);
        system.Add(_k[5], gain);
        system.AddResidual(_branch, ctx.V(Nodes[0]) - ctx.V(Nodes[1]) - (gain * (ctx.V(Nodes[2]) - ctx.V(Nodes[3]))));
    }

    /// <inheritdoc />
    public override double Current(LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        return ctx.Solution[_branch];
    }
}

/// <summary>G: voltage-controlled current source, current gain v(nc+, nc-) from n+ through the source to n-; gain in siemens.</summary>
public sealed class Vccs(string name, int[] nodes, double gain) : ElementBehavior(name, nodes)
{
    private MatrixSlot[] _slots = [];
    private int[] _k = [];

    /// <inheritdoc />
    public override bool IsLinear => true;

    /// <summary>The gain (V/V, or A/V for a VCCS).</summary>
    public double Gain => gain;

    /// <inheritdoc />
    public override void Setup(SetupContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var s = context.System;
        _slots = [s.Slot(Nodes[0], Nodes[2]), s.Slot(Nodes[0], Nodes[3]), s.Slot(Nodes[1], Nodes[2]), s.Slot(Nodes[1], Nodes[3])];
    }

    /// <inheritdoc />
    public override void Bind(MnaSystem system) => _k = [.. _slots.Select(system.Resolve)];

    /// <inheritdoc />
    public override void Load(MnaSystem system, LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(system);
        system.Add(_k[0], gain);
        system.Add(_k[1], -gain);
        system.Add(_k[2], -gain);
        system.Add(_k[3], gain);
        var i = Current(ctx);
        system.AddResidual(Nodes[0], i);
        system.AddResidual(Nodes[1], -i);
    }

    /// <inheritdoc />
    public override double Current(LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        return gain * (ctx.V(Nodes[2]) - ctx.V(Nodes[3]));
    }
}
