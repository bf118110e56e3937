using Neuromorph.Circuits.Engine;
using Neuromorph.Circuits.Expressions;

namespace Neuromorph.Circuits.Elements.Behavioral;

/// <summary>A charge q = Q(V, I, time) on the element; i = dq/dt from n+ through the element to n- (C <c>Q=</c> expression).</summary>
public sealed class BehavioralCharge(string name, int[] nodes, CompiledExpression program, Func<string, int> node)
    : BehavioralElement(name, nodes, program, node), IReactiveBehavior
{
    private StateDerivative _q = new();
    private MatrixSlot[][] _columns = [];
    private int[][] _kc = [];

    /// <inheritdoc />
    public override void CreateUnknowns(MnaSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        _q = system.CreateDerivative();
    }

    /// <inheritdoc />
    public override void Setup(SetupContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ResolveCurrents(context);
        _columns = ReserveColumns(context.System, [Nodes[0], Nodes[1]], Unknowns);
    }

    /// <inheritdoc />
    public override void Bind(MnaSystem system) => _kc = ResolveColumns(system, _columns);

    /// <inheritdoc />
    public override void Load(MnaSystem system, LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(ctx);
        _q.Value = Evaluate(ctx);
        if (ctx.IsDc)
        {
            return;
        }

        var slope = StateDerivative.Slope(ctx);
        for (var k = 0; k < Gradient.Length; k++)
        {
            system.Add(_kc[0][k], slope * Gradient[k]);
            system.Add(_kc[1][k], -slope * Gradient[k]);
        }

        var i = _q.Rate(ctx);
        system.AddResidual(Nodes[0], i);
        system.AddResidual(Nodes[1], -i);
    }

    /// <inheritdoc />
    public override void Accept(LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        _q.Value = Evaluate(ctx);
    }

    /// <inheritdoc />
    public override double Current(LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        _q.Value = Evaluate(ctx);
        return _q.Rate(ctx);
    }

    /// <inheritdoc />
    public void LoadReactance(MnaSystem system, LoadContext op)
    {
        ArgumentNullException.ThrowIfNull(system);
        Evaluate(op);
        for (var k = 0; k < Gradient.Length; k++)
        {
            system.AddReactance(_kc[0][k], Gradient[k]);
            system.AddReactance(_kc[1][k], -Gradient[k]);
        }
    }
}
