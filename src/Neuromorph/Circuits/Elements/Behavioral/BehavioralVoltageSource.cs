using Neuromorph.Circuits.Engine;
using Neuromorph.Circuits.Expressions;

namespace Neuromorph.Circuits.Elements.Behavioral;

/// <summary>A voltage v(n+, n-) = f(V, I, time) with a branch-current unknown (B V=, E VALUE, H).</summary>
public sealed class BehavioralVoltageSource(string name, int[] nodes, CompiledExpression program, Func<string, int> node)
    : BehavioralElement(name, nodes, program, node)
{
    private int _branch;
    private MatrixSlot[] _slots = [];
    private MatrixSlot[][] _columns = [];
    private int[] _k = [];
    private int[][] _kc = [];

    /// <inheritdoc />
    public override int Branch => _branch;

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
        ResolveCurrents(context);
        var s = context.System;
        _slots = [s.Slot(Nodes[0], _branch), s.Slot(Nodes[1], _branch), s.Slot(_branch, Nodes[0]), s.Slot(_branch, Nodes[1])];
        _columns = ReserveColumns(s, [_branch], Unknowns);
    }

    /// <inheritdoc />
    public override void Bind(MnaSystem system)
    {
        _k = [.. _slots.Select(system.Resolve)];
        _kc = ResolveColumns(system, _columns);
    }

    /// <inheritdoc />
    public override void Load(MnaSystem system, LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(ctx);
        var v = Evaluate(ctx);
        StampBranch(system, _k, Nodes[0], Nodes[1], ctx.Solution[_branch]);
        for (var k = 0; k < Gradient.Length; k++)
        {
            system.Add(_kc[0][k], -Gradient[k]);
        }

        system.AddResidual(_branch, ctx.V(Nodes[0]) - ctx.V(Nodes[1]) - v);
    }

    /// <inheritdoc />
    public override double Current(LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        return ctx.Solution[_branch];
    }
}
