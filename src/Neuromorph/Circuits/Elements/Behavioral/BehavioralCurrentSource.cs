using Neuromorph.Circuits.Engine;
using Neuromorph.Circuits.Expressions;

namespace Neuromorph.Circuits.Elements.Behavioral;

/// <summary>A current i = f(V, I, time) from n+ through the element to n- (B I=, G VALUE, F, behavioural R).</summary>
public sealed class BehavioralCurrentSource(string name, int[] nodes, CompiledExpression program, Func<string, int> node)
    : BehavioralElement(name, nodes, program, node)
{
    private MatrixSlot[][] _slots = [];
    private int[][] _k = [];

    /// <inheritdoc />
    public override void Setup(SetupContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ResolveCurrents(context);
        _slots = ReserveColumns(context.System, [Nodes[0], Nodes[1]], Unknowns);
    }

    /// <inheritdoc />
    public override void Bind(MnaSystem system) => _k = ResolveColumns(system, _slots);

    /// <inheritdoc />
    public override void Load(MnaSystem system, LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(system);
        var i = Evaluate(ctx);
        for (var k = 0; k < Gradient.Length; k++)
        {
            system.Add(_k[0][k], Gradient[k]);
            system.Add(_k[1][k], -Gradient[k]);
        }

        system.AddResidual(Nodes[0], i);
        system.AddResidual(Nodes[1], -i);
    }

    /// <inheritdoc />
    public override double Current(LoadContext ctx) => Evaluate(ctx);
}
