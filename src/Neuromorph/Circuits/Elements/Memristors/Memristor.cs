using Neuromorph.Circuits.Engine;
using Neuromorph.Devices;

namespace Neuromorph.Circuits.Elements.Memristors;

/// <summary>
/// A memristor: i = I(v, x) between its terminals and its state x as an unknown with the equation
/// dx/dt = F(v, x), discretised by the analysis's rule and solved in the same Newton iteration as the circuit.
/// At DC the state is held at its value. A state at a bound with F pointing outwards is held at the bound.
/// </summary>
public sealed class Memristor(string name, int a, int b, IMemristorModel model) : ElementBehavior(name, [a, b]), IInitialStateBehavior, IMemristiveBehavior
{
    private int _state;
    private MatrixSlot[] _slots = [];
    private int[] _k = [];
    private StateDerivative _x = new();

    /// <summary>The device model.</summary>
    public IMemristorModel Model { get; } = model;

    /// <summary>Index of the state unknown.</summary>
    public int State => _state;

    /// <summary>Value the state takes at t = 0 (the model's, or overridden by the caller).</summary>
    public double InitialState { get; set; } = model.InitialState;

    /// <inheritdoc />
    public override IEnumerable<int> OwnUnknowns => [_state];

    /// <inheritdoc />
    public override void CreateUnknowns(MnaSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        var span = Model.MaxState - Model.MinState;
        var scale = double.IsFinite(span) ? span : Math.Max(1, Math.Abs(Model.InitialState));
        _state = system.AddUnknown($"x({Name})", UnknownKind.State, 1e-6 * scale);
        _x = system.CreateDerivative();
    }

    /// <inheritdoc />
    public override void Setup(SetupContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var system = context.System;
        int na = Nodes[0], nb = Nodes[1];
        _slots = [system.Slot(na, na), system.Slot(na, nb), system.Slot(nb, na), system.Slot(nb, nb), system.Slot(na, _state), system.Slot(nb, _state), system.Slot(_state, na), system.Slot(_state, nb), system.Slot(_state, _state)];
    }

    /// <inheritdoc />
    public override void Bind(MnaSystem system) => _k = [.. _slots.Select(system.Resolve)];

    /// <inheritdoc />
    public override void Load(MnaSystem system, LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(ctx);
        var v = ctx.V(Nodes[0]) - ctx.V(Nodes[1]);
        var x = ctx.Solution[_state];
        _x.Value = x;
        var e = Model.Evaluate(v, x);
        system.Add(_k[0], e.DCurrentDVoltage);
        system.Add(_k[1], -e.DCurrentDVoltage);
        system.Add(_k[2], -e.DCurrentDVoltage);
        system.Add(_k[3], e.DCurrentDVoltage);
        system.Add(_k[4], e.DCurrentDState);
        system.Add(_k[5], -e.DCurrentDState);
        system.AddResidual(Nodes[0], e.Current);
        system.AddResidual(Nodes[1], -e.Current);
        if (ctx.IsDc)
        {
            system.Add(_k[8], 1);
            system.AddResidual(_state, x - (Model is IOperatingPointState op ? op.OperatingPointState(v) : InitialState));
            return;
        }

        var atMax = x >= Model.MaxState && e.StateRate > 0;
        var atMin = x <= Model.MinState && e.StateRate < 0;
        if (atMax || atMin)
        {
            system.Add(_k[8], 1);
            system.AddResidual(_state, x - (atMax ? Model.MaxState : Model.MinState));
            return;
        }

        system.Add(_k[6], -e.DRateDVoltage);
        system.Add(_k[7], e.DRateDVoltage);
        system.Add(_k[8], StateDerivative.Slope(ctx) - e.DRateDState);
        system.AddResidual(_state, _x.Rate(ctx) - e.StateRate);
    }

    /// <inheritdoc />
    public override double Current(LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        return Model.Evaluate(ctx.V(Nodes[0]) - ctx.V(Nodes[1]), ctx.Solution[_state]).Current;
    }

    /// <inheritdoc />
    public double Resistance(LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        return Model.Resistance(ctx.V(Nodes[0]) - ctx.V(Nodes[1]), ctx.Solution[_state]);
    }

    /// <inheritdoc />
    public override void Accept(LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var x = ctx.Solution[_state];
        var rate = Model.Evaluate(ctx.V(Nodes[0]) - ctx.V(Nodes[1]), x).StateRate;
        _x.Value = x;
        _x.OverrideRate(ctx.IsDc || (x >= Model.MaxState && rate > 0) || (x <= Model.MinState && rate < 0) ? 0 : rate);
    }

    /// <inheritdoc />
    public void Initialise(double[] solution)
    {
        ArgumentNullException.ThrowIfNull(solution);
        solution[_state] = InitialState;
    }

    /// <inheritdoc />
    public void Clamp(double[] solution)
    {
        ArgumentNullException.ThrowIfNull(solution);
        solution[_state] = Math.Clamp(solution[_state], Model.MinState, Model.MaxState);
    }
}
