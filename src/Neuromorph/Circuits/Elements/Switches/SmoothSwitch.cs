using Neuromorph.Circuits.Elements.Behavioral;
using Neuromorph.Circuits.Engine;
using Neuromorph.Circuits.Expressions;

namespace Neuromorph.Circuits.Elements.Switches;

/// <summary>
/// Xyce's switch (<c>VSWITCH</c>/<c>ISWITCH</c> models): no hysteresis; the resistance is ROFF at or beyond the
/// off control value, RON at or beyond the on value, and in between ln R = Lm + Lr·s·(3 − s²)/4 with
/// s = 2(c − cm)/(con − coff), cm the midpoint, Lm = ln √(RON·ROFF), Lr = ln(RON/ROFF) — Xyce's cubic in log R,
/// smooth (zero slope) at both ends.
/// </summary>
public sealed class SmoothSwitch(string name, int[] nodes, CompiledExpression control, Func<string, int> node, double on, double off, double rOn, double rOff)
    : BehavioralElement(name, nodes, control, node)
{
    private (MatrixSlot, MatrixSlot, MatrixSlot, MatrixSlot) _slots;
    private (int Aa, int Ab, int Ba, int Bb) _k;
    private MatrixSlot[][] _controlSlots = [];
    private int[][] _kc = [];

    /// <inheritdoc />
    public override bool IsLinear => false;

    /// <summary>The conductance, siemens, and its derivative by the control, at control value <paramref name="c"/>.</summary>
    public (double G, double DgDc) Conductance(double c)
    {
        var s = 2 * (c - ((on + off) / 2)) / (on - off);
        if (s >= 1)
        {
            return (1 / rOn, 0);
        }

        if (s <= -1 || !double.IsFinite(s))
        {
            return (1 / rOff, 0);
        }

        var lm = Math.Log(Math.Sqrt(rOn * rOff));
        var lr = Math.Log(rOn / rOff);
        var g = Math.Exp(-(lm + (lr * s * (0.75 - (0.25 * s * s)))));
        var dLnRdC = lr * 0.75 * (1 - (s * s)) * 2 / (on - off);
        return (g, -g * dLnRdC);
    }

    /// <inheritdoc />
    public override void Setup(SetupContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ResolveCurrents(context);
        _slots = Reserve(context.System, Nodes[0], Nodes[1]);
        _controlSlots = ReserveColumns(context.System, [Nodes[0], Nodes[1]], Unknowns);
    }

    /// <inheritdoc />
    public override void Bind(MnaSystem system)
    {
        _k = Resolve(system, _slots);
        _kc = ResolveColumns(system, _controlSlots);
    }

    /// <inheritdoc />
    public override void Load(MnaSystem system, LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(ctx);
        var (g, dg) = Conductance(Evaluate(ctx));
        var v = ctx.V(Nodes[0]) - ctx.V(Nodes[1]);
        StampConductance(system, _k, g);
        for (var k = 0; k < Gradient.Length; k++)
        {
            var d = dg * v * Gradient[k];
            system.Add(_kc[0][k], d);
            system.Add(_kc[1][k], -d);
        }

        var i = g * v;
        system.AddResidual(Nodes[0], i);
        system.AddResidual(Nodes[1], -i);
    }

    /// <inheritdoc />
    public override double Current(LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        return Conductance(Evaluate(ctx)).G * (ctx.V(Nodes[0]) - ctx.V(Nodes[1]));
    }
}
