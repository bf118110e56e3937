using Neuromorph.Circuits.Engine;

namespace Neuromorph.Circuits.Elements.Passive;

/// <summary>
/// A linear capacitor, farads: its charge q = C v is an integration state, so i = dq/dt by the analysis's rule.
/// Open at DC. With <c>uic</c> an <c>IC=</c> value is the voltage the first step starts from; without it the
/// operating point (<c>.op</c>, and the transient's) holds the capacitor at its <c>IC=</c> voltage, as Xyce does
/// (ngspice ignores device ICs without <c>uic</c>).
/// </summary>
public sealed class Capacitor(string name, int a, int b, double capacitance, double? initialVoltage = null) : ElementBehavior(name, [a, b]), IReactiveBehavior, IInitialConditionBehavior
{
    private (MatrixSlot, MatrixSlot, MatrixSlot, MatrixSlot) _slots;
    private (int Aa, int Ab, int Ba, int Bb) _k;
    private StateDerivative _q = new();

    /// <summary>Capacitance, farads.</summary>
    public double Capacitance => capacitance;

    /// <summary>The <c>IC=</c> voltage, volts, if given.</summary>
    public double? InitialVoltage => initialVoltage;

    /// <inheritdoc />
    public override bool IsLinear => true;

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
        _slots = Reserve(context.System, Nodes[0], Nodes[1]);
    }

    /// <inheritdoc />
    public override void Bind(MnaSystem system) => _k = Resolve(system, _slots);

    /// <summary>Starts the charge from the <c>IC=</c> voltage (transient with <c>uic</c>).</summary>
    public void UseInitialCondition()
    {
        if (initialVoltage is double v)
        {
            _q.Reset(capacitance * v);
        }
    }

    /// <inheritdoc />
    public override void Load(MnaSystem system, LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(ctx);
        _q.Value = capacitance * (ctx.V(Nodes[0]) - ctx.V(Nodes[1]));
        if (ctx.IsDc)
        {
            if (ctx.HoldCapacitorVoltages && initialVoltage is double ic)
            {
                // held as SPICE holds .ic nodes: a 1e10 S conductance towards the IC voltage across the terminals
                const double hold = 1e10;
                StampConductance(system, _k, hold);
                var ih = hold * (ctx.V(Nodes[0]) - ctx.V(Nodes[1]) - ic);
                system.AddResidual(Nodes[0], ih);
                system.AddResidual(Nodes[1], -ih);
            }

            return;
        }

        StampConductance(system, _k, capacitance * StateDerivative.Slope(ctx));
        var i = _q.Rate(ctx);
        system.AddResidual(Nodes[0], i);
        system.AddResidual(Nodes[1], -i);
    }

    /// <inheritdoc />
    public override void Accept(LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        _q.Value = capacitance * (ctx.V(Nodes[0]) - ctx.V(Nodes[1]));
    }

    /// <inheritdoc />
    public override double Current(LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        if (ctx.IsDc)
        {
            return 0;
        }

        _q.Value = capacitance * (ctx.V(Nodes[0]) - ctx.V(Nodes[1]));
        return _q.Rate(ctx);
    }

    /// <inheritdoc />
    public void LoadReactance(MnaSystem system, LoadContext op) => StampReactance(system, _k, capacitance);

    /// <inheritdoc />
    public void ApplyInitialCondition(double[] solution) => UseInitialCondition();
}
