using Neuromorph.Circuits.Engine;
using Neuromorph.Circuits.Expressions;

namespace Neuromorph.Circuits.Elements.Behavioral;

/// <summary>
/// A capacitance that depends on the circuit: i = C(V, I, time) dV(n+, n-)/dt, as ngspice's <c>C=</c> expression.
/// The terminal voltage is an integration state, so the derivative follows the analysis's rule. Open at DC.
/// </summary>
public sealed class BehavioralCapacitor(string name, int[] nodes, CompiledExpression program, Func<string, int> node, double? initialVoltage)
    : BehavioralElement(name, nodes, program, node), IReactiveBehavior, IInitialConditionBehavior
{
    private StateDerivative _v = new();
    private (MatrixSlot, MatrixSlot, MatrixSlot, MatrixSlot) _slots;
    private (int Aa, int Ab, int Ba, int Bb) _k;
    private MatrixSlot[][] _columns = [];
    private int[][] _kc = [];

    /// <inheritdoc />
    public override void CreateUnknowns(MnaSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        _v = system.CreateDerivative();
    }

    /// <inheritdoc />
    public override void Setup(SetupContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ResolveCurrents(context);
        _slots = Reserve(context.System, Nodes[0], Nodes[1]);
        _columns = ReserveColumns(context.System, [Nodes[0], Nodes[1]], Unknowns);
    }

    /// <inheritdoc />
    public override void Bind(MnaSystem system)
    {
        _k = Resolve(system, _slots);
        _kc = ResolveColumns(system, _columns);
    }

    /// <summary>Starts from the <c>IC=</c> voltage (transient with <c>uic</c>).</summary>
    public void UseInitialCondition()
    {
        if (initialVoltage is double v)
        {
            _v.Reset(v);
        }
    }

    /// <inheritdoc />
    public override void Load(MnaSystem system, LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(ctx);
        _v.Value = ctx.V(Nodes[0]) - ctx.V(Nodes[1]);
        if (ctx.IsDc)
        {
            return;
        }

        var c = Evaluate(ctx);
        var dvdt = _v.Rate(ctx);
        StampConductance(system, _k, c * StateDerivative.Slope(ctx));
        for (var k = 0; k < Gradient.Length; k++)
        {
            system.Add(_kc[0][k], dvdt * Gradient[k]);
            system.Add(_kc[1][k], -dvdt * Gradient[k]);
        }

        system.AddResidual(Nodes[0], c * dvdt);
        system.AddResidual(Nodes[1], -c * dvdt);
    }

    /// <inheritdoc />
    public override void Accept(LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        _v.Value = ctx.V(Nodes[0]) - ctx.V(Nodes[1]);
    }

    /// <inheritdoc />
    public override double Current(LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        if (ctx.IsDc)
        {
            return 0;
        }

        _v.Value = ctx.V(Nodes[0]) - ctx.V(Nodes[1]);
        return Evaluate(ctx) * _v.Rate(ctx);
    }

    /// <inheritdoc />
    public void LoadReactance(MnaSystem system, LoadContext op) => StampReactance(system, _k, Evaluate(op));

    /// <inheritdoc />
    public void ApplyInitialCondition(double[] solution) => UseInitialCondition();
}
