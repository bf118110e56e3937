using Neuromorph.Circuits.Engine;

namespace Neuromorph.Circuits.Elements.Passive;

/// <summary>A linear resistor, ohms; <paramref name="acResistance"/> (ngspice's <c>ac=</c>) is its value in AC analysis.</summary>
public sealed class Resistor(string name, int a, int b, double resistance, double? acResistance = null) : ElementBehavior(name, [a, b]), ISmallSignalBehavior
{
    private readonly double _g = 1 / resistance;
    private readonly double _gAc = 1 / (acResistance ?? resistance);
    private (MatrixSlot, MatrixSlot, MatrixSlot, MatrixSlot) _slots;
    private (int Aa, int Ab, int Ba, int Bb) _k;

    /// <inheritdoc />
    public override bool IsLinear => true;

    /// <summary>The DC conductance (temperature, <c>m</c> and <c>scale</c> applied), siemens.</summary>
    public double Conductance => _g;

    /// <summary>The conductance in AC analysis (1/<c>ac=</c> when given), siemens.</summary>
    public double AcConductance => _gAc;

    /// <inheritdoc />
    public override void Setup(SetupContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _slots = Reserve(context.System, Nodes[0], Nodes[1]);
    }

    /// <inheritdoc />
    public override void Bind(MnaSystem system) => _k = Resolve(system, _slots);

    /// <inheritdoc />
    public override void Load(MnaSystem system, LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(system);
        StampConductance(system, _k, _g);
        var i = Current(ctx);
        system.AddResidual(Nodes[0], i);
        system.AddResidual(Nodes[1], -i);
    }

    /// <inheritdoc />
    public void LoadSmallSignal(MnaSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        if (_gAc != _g)
        {
            StampConductance(system, _k, _gAc - _g);
        }
    }

    /// <inheritdoc />
    public override double Current(LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        return _g * (ctx.V(Nodes[0]) - ctx.V(Nodes[1]));
    }
}
