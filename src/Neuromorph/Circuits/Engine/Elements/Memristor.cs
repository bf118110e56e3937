using Neuromorph.Devices;

namespace Neuromorph.Circuits.Engine.Elements;

/// <summary>
/// A memristor: i = I(v, x) between its terminals and its state x as an unknown with the equation
/// dx/dt = F(v, x), discretised by the analysis's rule and solved in the same Newton iteration as the circuit.
/// At DC the state is held at its value. A state at a bound with F pointing outwards is held at the bound.
/// </summary>
public sealed class Memristor(string name, int a, int b, IMemristorModel model) : ElementBehavior(name, [a, b])
{
    private int _state;
    private MatrixSlot[] _slots = [];
    private int[] _k = [];
    private double _xn;
    private double _xn1;
    private double _dxn;

    /// <summary>The device model.</summary>
    public IMemristorModel Model { get; } = model;

    /// <summary>Index of the state unknown.</summary>
    public int State => _state;

    /// <summary>Value the state takes at t = 0 (the model's, or overridden by the caller).</summary>
    public double InitialState { get; set; } = model.InitialState;

    /// <inheritdoc />
    public override void Setup(MnaSystem system)
    {
        var span = Model.MaxState - Model.MinState;
        var scale = double.IsFinite(span) ? span : Math.Max(1, Math.Abs(Model.InitialState));
        _state = system.AddUnknown($"x({Name})", UnknownKind.State, 1e-6 * scale);
        int na = Nodes[0], nb = Nodes[1];
        _slots = [system.Slot(na, na), system.Slot(na, nb), system.Slot(nb, na), system.Slot(nb, nb), system.Slot(na, _state), system.Slot(nb, _state), system.Slot(_state, na), system.Slot(_state, nb), system.Slot(_state, _state)];
    }

    /// <inheritdoc />
    public override void Bind(MnaSystem system) => _k = [.. _slots.Select(system.Resolve)];

    /// <inheritdoc />
    public override void Load(MnaSystem system, LoadContext ctx)
    {
        var v = ctx.V(Nodes[0]) - ctx.V(Nodes[1]);
        var x = ctx.Solution[_state];
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
            system.AddResidual(_state, x - InitialState);
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

        var c0 = ctx.Rule.C0;
        system.Add(_k[6], -e.DRateDVoltage);
        system.Add(_k[7], e.DRateDVoltage);
        system.Add(_k[8], c0 - e.DRateDState);
        system.AddResidual(_state, (c0 * x) + ctx.Rule.History(_xn, _xn1, _dxn) - e.StateRate);
    }

    /// <inheritdoc />
    public override double Current(LoadContext ctx) => Model.Evaluate(ctx.V(Nodes[0]) - ctx.V(Nodes[1]), ctx.Solution[_state]).Current;

    /// <summary>Resistance v/i as the peers report it, ohms.</summary>
    public double Resistance(LoadContext ctx) => Model.Resistance(ctx.V(Nodes[0]) - ctx.V(Nodes[1]), ctx.Solution[_state]);

    /// <inheritdoc />
    public override void Accept(LoadContext ctx)
    {
        var x = ctx.Solution[_state];
        var rate = Model.Evaluate(ctx.V(Nodes[0]) - ctx.V(Nodes[1]), x).StateRate;
        if ((x >= Model.MaxState && rate > 0) || (x <= Model.MinState && rate < 0))
        {
            rate = 0;
        }

        _xn1 = _xn;
        _xn = x;
        _dxn = ctx.IsDc ? 0 : rate;
    }
}
