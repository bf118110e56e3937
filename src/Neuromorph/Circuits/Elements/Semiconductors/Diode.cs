using Neuromorph.Circuits.Engine;

namespace Neuromorph.Circuits.Elements.Semiconductors;

/// <summary>
/// A junction diode: i = IS (exp(v/(N vt)) - 1) + gmin v (with ngspice's reverse and breakdown forms), a series
/// resistance to an internal anode node when RS &gt; 0, and depletion plus diffusion charge as an integration state.
/// Newton updates of the junction voltage are limited with pnjlim; the device is linearised at the limited voltage.
/// </summary>
public sealed class Diode(string name, int anode, int cathode, DiodeOperating p) : ElementBehavior(name, [anode, cathode]), IReactiveBehavior
{
    private int _inner = anode;
    private StateDerivative _q = new();
    private (MatrixSlot, MatrixSlot, MatrixSlot, MatrixSlot) _junctionSlots;
    private (MatrixSlot, MatrixSlot, MatrixSlot, MatrixSlot) _seriesSlots;
    private (int Aa, int Ab, int Ba, int Bb) _kj;
    private (int Aa, int Ab, int Ba, int Bb) _ks;
    private double _vold;

    /// <inheritdoc />
    public override IEnumerable<int> OwnUnknowns => _inner != Nodes[0] ? [_inner] : [];

    /// <inheritdoc />
    public override void CreateUnknowns(MnaSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        if (p.Rs > 0)
        {
            _inner = system.AddUnknown($"v({Name}#anode)", UnknownKind.Voltage);
        }

        _q = system.CreateDerivative();
    }

    /// <inheritdoc />
    public override void Setup(SetupContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _junctionSlots = Reserve(context.System, _inner, Nodes[1]);
        if (p.Rs > 0)
        {
            _seriesSlots = Reserve(context.System, Nodes[0], _inner);
        }
    }

    /// <inheritdoc />
    public override void Bind(MnaSystem system)
    {
        _kj = Resolve(system, _junctionSlots);
        if (p.Rs > 0)
        {
            _ks = Resolve(system, _seriesSlots);
        }
    }

    /// <inheritdoc />
    public override void Load(MnaSystem system, LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(ctx);
        if (p.Rs > 0)
        {
            var g = 1 / p.Rs;
            StampConductance(system, _ks, g);
            var ir = g * (ctx.V(Nodes[0]) - ctx.V(_inner));
            system.AddResidual(Nodes[0], ir);
            system.AddResidual(_inner, -ir);
        }

        var vActual = ctx.V(_inner) - ctx.V(Nodes[1]);
        var vd = LimitedVoltage(vActual, out var limited);
        if (limited)
        {
            ctx.NonConvergence++;
        }

        _vold = vd;
        var (id, gd) = p.Evaluate(vd);
        var (q, c) = p.Charge(vd, id, gd);
        _q.Value = q;
        var i = id + _q.Rate(ctx);
        var geq = gd + (StateDerivative.Slope(ctx) * c);
        if (ctx.IsDc)
        {
            i = id;
            geq = gd;
        }

        StampConductance(system, _kj, geq);
        var residual = i + (geq * (vActual - vd));
        system.AddResidual(_inner, residual);
        system.AddResidual(Nodes[1], -residual);
    }

    private double LimitedVoltage(double v, out bool limited)
    {
        if (double.IsFinite(p.Breakdown) && v < Math.Min(0, -p.Breakdown + (10 * p.VteBreakdown)))
        {
            var vr = Junction.Limit(-(v + p.Breakdown), -(_vold + p.Breakdown), p.VteBreakdown, p.Vcrit, out limited);
            return -(vr + p.Breakdown);
        }

        return Junction.Limit(v, _vold, p.Vte, p.Vcrit, out limited);
    }

    /// <inheritdoc />
    public override void Accept(LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var vd = ctx.V(_inner) - ctx.V(Nodes[1]);
        var (id, gd) = p.Evaluate(vd);
        _q.Value = p.Charge(vd, id, gd).Charge;
        _vold = vd;
    }

    /// <inheritdoc />
    public override double Current(LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var vd = ctx.V(_inner) - ctx.V(Nodes[1]);
        var (id, gd) = p.Evaluate(vd);
        if (ctx.IsDc)
        {
            return id;
        }

        _q.Value = p.Charge(vd, id, gd).Charge;
        return id + _q.Rate(ctx);
    }

    /// <inheritdoc />
    public void LoadReactance(MnaSystem system, LoadContext op)
    {
        ArgumentNullException.ThrowIfNull(op);
        var vd = op.V(_inner) - op.V(Nodes[1]);
        var (id, gd) = p.Evaluate(vd);
        StampReactance(system, _kj, p.Charge(vd, id, gd).Capacitance);
    }
}
