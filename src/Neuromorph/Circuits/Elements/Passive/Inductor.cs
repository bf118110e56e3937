using Neuromorph.Circuits.Engine;

namespace Neuromorph.Circuits.Elements.Passive;

/// <summary>A linear inductor, henries, with its current as an unknown; its flux L i is an integration state. A short at DC.</summary>
public sealed class Inductor(string name, int a, int b, double inductance, double? initialCurrent = null) : ElementBehavior(name, [a, b]), IReactiveBehavior, IInitialConditionBehavior
{
    private int _branch;
    private MatrixSlot[] _slots = [];
    private int[] _k = [];
    private StateDerivative _flux = new();

    /// <inheritdoc />
    public override int Branch => _branch;

    /// <inheritdoc />
    public override bool IsLinear => true;

    /// <summary>The <c>IC=</c> current, amperes, if given.</summary>
    public double? InitialCurrent => initialCurrent;

    /// <inheritdoc />
    public override void CreateUnknowns(MnaSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        _branch = system.AddUnknown($"i({Name})", UnknownKind.Current);
        _flux = system.CreateDerivative();
    }

    /// <inheritdoc />
    public override void Setup(SetupContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var s = context.System;
        _slots = [s.Slot(Nodes[0], _branch), s.Slot(Nodes[1], _branch), s.Slot(_branch, Nodes[0]), s.Slot(_branch, Nodes[1]), s.Slot(_branch, _branch)];
    }

    /// <inheritdoc />
    public override void Bind(MnaSystem system) => _k = [.. _slots.Select(system.Resolve)];

    /// <summary>Starts the flux from the <c>IC=</c> current (transient with <c>uic</c>), writing it into <paramref name="u"/>.</summary>
    public void UseInitialCondition(double[] u)
    {
        ArgumentNullException.ThrowIfNull(u);
        if (initialCurrent is double i)
        {
            u[_branch] = i;
            _flux.Reset(inductance * i);
        }
    }

    /// <inheritdoc />
    public override void Load(MnaSystem system, LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(ctx);
        var i = ctx.Solution[_branch];
        _flux.Value = inductance * i;
        StampBranch(system, _k, Nodes[0], Nodes[1], i);
        var v = ctx.V(Nodes[0]) - ctx.V(Nodes[1]);
        system.Add(_k[4], -inductance * StateDerivative.Slope(ctx));
        system.AddResidual(_branch, v - _flux.Rate(ctx));
    }

    /// <inheritdoc />
    public override void Accept(LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        _flux.Value = inductance * ctx.Solution[_branch];
    }

    /// <inheritdoc />
    public override double Current(LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        return ctx.Solution[_branch];
    }

    /// <inheritdoc />
    public void LoadReactance(MnaSystem system, LoadContext op)
    {
        ArgumentNullException.ThrowIfNull(system);
        system.AddReactance(_k[4], -inductance);
    }

    /// <inheritdoc />
    public void ApplyInitialCondition(double[] solution) => UseInitialCondition(solution);
}
