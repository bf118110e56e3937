using Neuromorph.Circuits.Engine;

namespace Neuromorph.Circuits.Elements.Semiconductors;

/// <summary>
/// A level-1 MOSFET between drain, gate, source and bulk (nodes 0-3). The channel current and the two bulk junction
/// diodes are linearised at voltages limited as SPICE limits them (fetlim on the gate, limvds on the drain, pnjlim on the
/// bulk junctions); the gate charges (overlap plus Meyer's intrinsic capacitances, integrated incrementally as SPICE does)
/// and the bulk junction charges are integration states.
/// </summary>
public sealed class Mosfet(string name, int[] nodes, MosfetParameters p) : ElementBehavior(name, nodes), IReactiveBehavior
{
    private const int D = 0, G = 1, S = 2, B = 3;
    private readonly MatrixSlot[,] _slots = new MatrixSlot[4, 4];
    private readonly int[,] _k = new int[4, 4];
    private readonly StateDerivative[] _q = new StateDerivative[5];
    private readonly double _vcrit = Junction.CriticalVoltage(p.Vt, p.Is);
    private double _vgs;
    private double _vds;
    private double _vbs;

    // gate charges 0-2 (gs, gd, gb): voltages vg-vs, vg-vd, vg-vb and Meyer half capacitances at the present iterate and at
    // the last accepted point, and the capacitance the present step integrates with
    private readonly double[] _v = new double[3];
    private readonly double[] _half = new double[3];
    private readonly double[] _vAccepted = new double[3];
    private readonly double[] _halfAccepted = new double[3];
    private readonly double[] _cap = new double[3];
    private bool _accepted;

    /// <inheritdoc />
    public override void CreateUnknowns(MnaSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        for (var k = 0; k < _q.Length; k++)
        {
            _q[k] = system.CreateDerivative();
        }
    }

    /// <inheritdoc />
    public override void Setup(SetupContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        for (var r = 0; r < 4; r++)
        {
            for (var c = 0; c < 4; c++)
            {
                _slots[r, c] = context.System.Slot(Nodes[r], Nodes[c]);
            }
        }
    }

    /// <inheritdoc />
    public override void Bind(MnaSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        for (var r = 0; r < 4; r++)
        {
            for (var c = 0; c < 4; c++)
            {
                _k[r, c] = system.Resolve(_slots[r, c]);
            }
        }
    }

    /// <inheritdoc />
    public override void Load(MnaSystem system, LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(ctx);
        var t = p.Type;
        double vd = ctx.V(Nodes[D]), vg = ctx.V(Nodes[G]), vs = ctx.V(Nodes[S]), vb = ctx.V(Nodes[B]);
        double vgsA = t * (vg - vs), vdsA = t * (vd - vs), vbsA = t * (vb - vs);
        var (vgs, vds, vbs) = Limit(vgsA, vdsA, vbsA, out var limited);
        if (limited)
        {
            ctx.NonConvergence++;
        }

        (_vgs, _vds, _vbs) = (vgs, vds, vbs);
        var (id, dgs, dds, dbs) = p.Channel(vgs, vds, vbs);
        var (ibd, gbd) = p.BulkDiode(vbs - vds);
        var (ibs, gbs) = p.BulkDiode(vbs);
        var ich = id + (dgs * (vgsA - vgs)) + (dds * (vdsA - vds)) + (dbs * (vbsA - vbs));
        var ibdA = ibd + (gbd * ((vbsA - vdsA) - (vbs - vds)));
        var ibsA = ibs + (gbs * (vbsA - vbs));
        var sum = dgs + dds + dbs;
        Add(system, D, D, dds + gbd);
        Add(system, D, G, dgs);
        Add(system, D, S, -sum);
        Add(system, D, B, dbs - gbd);
        Add(system, S, D, -dds);
        Add(system, S, G, -dgs);
        Add(system, S, S, sum + gbs);
        Add(system, S, B, -dbs - gbs);
        Add(system, B, D, -gbd);
        Add(system, B, S, -gbs);
        Add(system, B, B, gbd + gbs);
        system.AddResidual(Nodes[D], t * (ich - ibdA));
        system.AddResidual(Nodes[S], t * (-ich - ibsA));
        system.AddResidual(Nodes[B], t * (ibdA + ibsA));
        LoadCharges(system, ctx, vd, vg, vs, vb);
    }

    private void LoadCharges(MnaSystem system, LoadContext ctx, double vd, double vg, double vs, double vb)
    {
        SetCharges(vd, vg, vs, vb, out var cbd, out var cbs);
        if (ctx.IsDc)
        {
            return;
        }

        var slope = StateDerivative.Slope(ctx);
        StampCharge(system, ctx, 0, G, S, _cap[0] * slope);
        StampCharge(system, ctx, 1, G, D, _cap[1] * slope);
        StampCharge(system, ctx, 2, G, B, _cap[2] * slope);
        StampCharge(system, ctx, 3, B, D, cbd * slope);
        StampCharge(system, ctx, 4, B, S, cbs * slope);
    }

    private void SetCharges(double vd, double vg, double vs, double vb, out double cbd, out double cbs)
    {
        var t = p.Type;
        (_half[0], _half[1], _half[2]) = p.Meyer(t * (vg - vs), t * (vd - vs), t * (vb - vs));
        (_v[0], _v[1], _v[2]) = (vg - vs, vg - vd, vg - vb);
        for (var k = 0; k < 3; k++)
        {
            var overlap = k == 0 ? p.Cgs : k == 1 ? p.Cgd : p.Cgb;
            if (_accepted)
            {
                // SPICE's incremental Meyer charge: the mean of the capacitances now and at the last point
                _cap[k] = _half[k] + _halfAccepted[k] + overlap;
                _q[k].Value = _q[k].Previous + (_cap[k] * (_v[k] - _vAccepted[k]));
            }
            else
            {
                _cap[k] = (2 * _half[k]) + overlap;
                _q[k].Value = _cap[k] * _v[k];
            }
        }

        var (qbd, cd) = Junction.Depletion(t * (vb - vd), p.Cbd, p.Pb, p.Mj, p.Fc);
        var (qbs, cs) = Junction.Depletion(t * (vb - vs), p.Cbs, p.Pb, p.Mj, p.Fc);
        _q[3].Value = t * qbd;
        _q[4].Value = t * qbs;
        (cbd, cbs) = (cd, cs);
    }

    private void StampCharge(MnaSystem system, LoadContext ctx, int q, int a, int b, double g)
    {
        var i = _q[q].Rate(ctx);
        Add(system, a, a, g);
        Add(system, a, b, -g);
        Add(system, b, a, -g);
        Add(system, b, b, g);
        system.AddResidual(Nodes[a], i);
        system.AddResidual(Nodes[b], -i);
    }

    private void Add(MnaSystem system, int r, int c, double v) => system.Add(_k[r, c], v);

    private (double Vgs, double Vds, double Vbs) Limit(double vgs, double vds, double vbs, out bool limited)
    {
        var von = p.Von(_vbs);
        var vgd = vgs - vds;
        if (_vds >= 0)
        {
            vgs = MosfetParameters.LimitGate(vgs, _vgs, von);
            vds = MosfetParameters.LimitDrain(vgs - vgd, _vds);
        }
        else
        {
            vgd = MosfetParameters.LimitGate(vgd, _vgs - _vds, von);
            vds = -MosfetParameters.LimitDrain(-(vgs - vgd), -_vds);
            vgs = vgd + vds;
        }

        if (vds >= 0)
        {
            vbs = Junction.Limit(vbs, _vbs, p.Vt, _vcrit, out limited);
        }
        else
        {
            var vbd = Junction.Limit(vbs - vds, _vbs - _vds, p.Vt, _vcrit, out limited);
            vbs = vbd + vds;
        }

        return (vgs, vds, vbs);
    }

    /// <inheritdoc />
    public override void Accept(LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        SetCharges(ctx.V(Nodes[D]), ctx.V(Nodes[G]), ctx.V(Nodes[S]), ctx.V(Nodes[B]), out _, out _);
        Array.Copy(_v, _vAccepted, 3);
        Array.Copy(_half, _halfAccepted, 3);
        _accepted = true;
    }

    /// <summary>Drain current (into the drain terminal), amperes.</summary>
    public override double Current(LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var t = p.Type;
        double vd = ctx.V(Nodes[D]), vg = ctx.V(Nodes[G]), vs = ctx.V(Nodes[S]), vb = ctx.V(Nodes[B]);
        var (id, _, _, _) = p.Channel(t * (vg - vs), t * (vd - vs), t * (vb - vs));
        var (ibd, _) = p.BulkDiode(t * (vb - vd));
        var i = t * (id - ibd);
        if (!ctx.IsDc)
        {
            SetCharges(vd, vg, vs, vb, out _, out _);
            i += -_q[1].Rate(ctx) - _q[3].Rate(ctx);
        }

        return i;
    }

    /// <inheritdoc />
    public void LoadReactance(MnaSystem system, LoadContext op)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(op);
        var t = p.Type;
        var (_, cbd) = Junction.Depletion(t * (op.V(Nodes[B]) - op.V(Nodes[D])), p.Cbd, p.Pb, p.Mj, p.Fc);
        var (_, cbs) = Junction.Depletion(t * (op.V(Nodes[B]) - op.V(Nodes[S])), p.Cbs, p.Pb, p.Mj, p.Fc);
        double vd = op.V(Nodes[D]), vg = op.V(Nodes[G]), vs = op.V(Nodes[S]), vb = op.V(Nodes[B]);
        var (gs, gd, gb) = p.Meyer(t * (vg - vs), t * (vd - vs), t * (vb - vs));
        foreach (var (a, b, c) in new[] { (G, S, p.Cgs + (2 * gs)), (G, D, p.Cgd + (2 * gd)), (G, B, p.Cgb + (2 * gb)), (B, D, cbd), (B, S, cbs) })
        {
            system.AddReactance(_k[a, a], c);
            system.AddReactance(_k[a, b], -c);
            system.AddReactance(_k[b, a], -c);
            system.AddReactance(_k[b, b], c);
        }
    }
}
