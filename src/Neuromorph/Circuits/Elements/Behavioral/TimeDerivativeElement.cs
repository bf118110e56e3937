using Neuromorph.Circuits.Engine;
using Neuromorph.Circuits.Expressions;

namespace Neuromorph.Circuits.Elements.Behavioral;

/// <summary>
/// The auxiliary unknown d of a <c>ddt(x)</c> in an element expression, with the equation d = dx/dt: in a transient the
/// backward difference of x over the last accepted points (second order, BDF2 with variable steps; first order on the
/// first step), which, unlike the trapezoidal derivative, does not ring (ngspice's ddt is a backward difference too);
/// 0 at DC and jω·x in .ac. The element that reads it sees d as the current <c>I(name)</c> of this one.
/// </summary>
public sealed class TimeDerivativeElement(string name, CompiledExpression program, Func<string, int> node)
    : BehavioralElement(name, [], program, node), IReactiveBehavior
{
    private int _d;
    private readonly List<(double T, double X)> _history = [];
    private MatrixSlot _diagonal;
    private MatrixSlot[][] _columns = [];
    private int _kd;
    private int[][] _kc = [];

    /// <inheritdoc />
    public override int Branch => _d;

    /// <inheritdoc />
    public override bool IsLinear => false;

    /// <inheritdoc />
    public override bool FirstStepIsFirstOrder => true;

    /// <inheritdoc />
    public override void CreateUnknowns(MnaSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        // like a source's branch current, d is left out of the step control: the step is controlled by what it drives
        _d = system.AddUnknown($"ddt({Name})", UnknownKind.SourceCurrent);
    }

    /// <inheritdoc />
    public override void Setup(SetupContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ResolveCurrents(context);
        _diagonal = context.System.Slot(_d, _d);
        _columns = ReserveColumns(context.System, [_d], Unknowns);
    }

    /// <inheritdoc />
    public override void Bind(MnaSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        _kd = system.Resolve(_diagonal);
        _kc = ResolveColumns(system, _columns);
    }

    /// <inheritdoc />
    public override void Load(MnaSystem system, LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(ctx);
        var x = Evaluate(ctx);
        system.Add(_kd, 1);
        var (slope, rate) = ctx.IsDc || _history.Count == 0 ? (0.0, 0.0) : Difference(ctx.Time, x, ctx.Rule.Order == 1);
        if (slope != 0)
        {
            for (var k = 0; k < Gradient.Length; k++)
            {
                system.Add(_kc[0][k], -slope * Gradient[k]);
            }
        }

        system.AddResidual(_d, ctx.Solution[_d] - rate);
    }

    /// <summary>
    /// dx/dt at <paramref name="t"/> from x there and the accepted history, and its coefficient of x; first order when
    /// the analysis takes a first-order step (its first, and the first after a corner, where the history before it is
    /// no guide).
    /// </summary>
    private (double Slope, double Rate) Difference(double t, double x, bool firstOrder)
    {
        var (t1, x1) = _history[^1];
        var h = t - t1;
        if (h <= 0)
        {
            return (0, 0);
        }

        if (_history.Count < 2 || firstOrder)
        {
            return (1 / h, (x - x1) / h);
        }

        var (t2, x2) = _history[^2];
        var hp = t1 - t2;
        // BDF2 with variable steps: c0 x + c1 x1 + c2 x2 with c1 = -(c0 + c2), written as differences so that a constant
        // x gives exactly 0 (an if(ddt(x) > 0, ...) must not flip on round-off)
        double c0 = ((2 * h) + hp) / (h * (h + hp)), c2 = h / (hp * (h + hp));
        return (c0, (c0 * (x - x1)) + (c2 * (x2 - x1)));
    }

    /// <inheritdoc />
    public override void Accept(LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var x = Evaluate(ctx);
        if (ctx.IsDc || (_history.Count > 0 && ctx.Time <= _history[^1].T))
        {
            // the operating point (or a repeated time): the history starts again here
            _history.Clear();
        }

        _history.Add((ctx.Time, x));
        if (_history.Count > 2)
        {
            _history.RemoveAt(0);
        }
    }

    /// <inheritdoc />
    public override double Current(LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        return ctx.Solution[_d];
    }

    /// <inheritdoc />
    public void LoadReactance(MnaSystem system, LoadContext op)
    {
        ArgumentNullException.ThrowIfNull(system);
        Evaluate(op);
        for (var k = 0; k < Gradient.Length; k++)
        {
            system.AddReactance(_kc[0][k], -Gradient[k]);
        }
    }
}
