using Neuromorph.Circuits.Elements.Behavioral;
using Neuromorph.Circuits.Engine;
using Neuromorph.Circuits.Expressions;

namespace Neuromorph.Circuits.Elements.Switches;

/// <summary>
/// An ideal switch with hysteresis (ngspice's S and W): conductance 1/RON when the control exceeds threshold +
/// hysteresis, 1/ROFF below threshold − hysteresis, otherwise its state at the last accepted point (for the first
/// operating point, the instance's ON/OFF flag, OFF by default). A state change within a Newton iteration forces
/// another iteration.
/// </summary>
public sealed class Switch(string name, int[] nodes, CompiledExpression control, Func<string, int> node, double threshold, double hysteresis, double gOn, double gOff, bool initiallyOn)
    : BehavioralElement(name, nodes, control, node), ITimestepLimiter
{
    private double _controlNow;
    private double _controlBefore;
    private (MatrixSlot, MatrixSlot, MatrixSlot, MatrixSlot) _slots;
    private (int Aa, int Ab, int Ba, int Bb) _k;
    private bool _accepted = initiallyOn;
    private bool _on = initiallyOn;

    /// <inheritdoc />
    public override bool IsLinear => false;

    /// <summary>True while the switch conducts with RON.</summary>
    public bool IsOn => _on;

    /// <inheritdoc />
    public override void Setup(SetupContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ResolveCurrents(context);
        _slots = Reserve(context.System, Nodes[0], Nodes[1]);
    }

    /// <inheritdoc />
    public override void Bind(MnaSystem system) => _k = Resolve(system, _slots);

    /// <inheritdoc />
    public override void Load(MnaSystem system, LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(ctx);
        var c = Evaluate(ctx);
        var h = Math.Abs(hysteresis);
        // inside the band a DC solution keeps the state of the last accepted point (at the first operating point, the
        // instance's ON/OFF flag, as ngspice's MODEINITFIX does), not whatever an early iterate passed through
        var state = c > threshold + h ? true : c < threshold - h ? false : (ctx.InitialIteration || ctx.IsDc ? _accepted : _on);
        if (state != _on && !ctx.InitialIteration)
        {
            ctx.NonConvergence++;
        }

        _on = state;
        var g = _on ? gOn : gOff;
        StampConductance(system, _k, g);
        var i = g * (ctx.V(Nodes[0]) - ctx.V(Nodes[1]));
        system.AddResidual(Nodes[0], i);
        system.AddResidual(Nodes[1], -i);
    }

    /// <inheritdoc />
    public override void Accept(LoadContext ctx)
    {
        _accepted = _on;
        _controlBefore = _controlNow;
        _controlNow = Evaluate(ctx);
    }

    /// <summary>ngspice's SWtrunc: as the control approaches the threshold it would cross, steps shrink so the change is found closely.</summary>
    public double MaxStep(double lastStep)
    {
        var change = _controlNow - _controlBefore;
        var h = Math.Abs(hysteresis);
        if (!_on && _controlNow < threshold + h && change > 0)
        {
            return ((((threshold + h) - _controlNow) * 0.75) + 0.05) / change * lastStep;
        }

        if (_on && _controlNow > threshold - h && change < 0)
        {
            return ((((threshold - h) - _controlNow) * 0.75) - 0.05) / change * lastStep;
        }

        return double.PositiveInfinity;
    }

    /// <inheritdoc />
    public override double Current(LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        return (_on ? gOn : gOff) * (ctx.V(Nodes[0]) - ctx.V(Nodes[1]));
    }
}
