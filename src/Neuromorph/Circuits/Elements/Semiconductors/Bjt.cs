using Neuromorph.Circuits.Engine;

namespace Neuromorph.Circuits.Elements.Semiconductors;

/// <summary>
/// A Gummel–Poon bipolar transistor (ngspice's BJT level 1) between collector, base, emitter and substrate (nodes 0-3).
/// RC, RB and RE put internal collector, base and emitter nodes behind the terminals; the base resistance follows the
/// base current (IRB, RBM) or qb. The B-E and B-C junction voltages are limited with pnjlim as ngspice limits them and
/// the device is linearised there; the B-E, B-C, external B-C (1 − XCJC) and substrate charges are integration states.
/// A PNP is the NPN equations with every voltage and current negated.
/// </summary>
public sealed class Bjt : ElementBehavior, IReactiveBehavior, IInitialConditionBehavior, IDispersiveBehavior, ITimestepLimiter
{
    private const int C = 0, B = 1, E = 2, S = 3, Ci = 4, Bi = 5, Ei = 6, Count = 7;
    private readonly BjtOperating _p;
    private readonly bool _off;
    private readonly (double Vbe, double Vce)? _ic;
    private readonly int[] _n = new int[Count];
    private readonly MatrixSlot[,] _slots = new MatrixSlot[Count, Count];
    private readonly int[,] _k = new int[Count, Count];
    private readonly double[,] _j = new double[Count, Count];
    private readonly double[] _r = new double[Count];
    private readonly StateDerivative[] _q = new StateDerivative[4];
    private double _vbe;
    private double _vbc;
    private double _vsub;
    private bool _started;
    private readonly List<(double T, double Qbe, double Qbc, double Qsub, double Ibe, double Ibc, double Isub)> _history = [];
    private double _gmOp;
    private double _goOp;

    /// <summary>A transistor on nodes c, b, e, s (unknown indices, -1 ground) with values <paramref name="p"/>; <paramref name="off"/> starts the operating point from zero junction voltages; <paramref name="ic"/> is IC=vbe,vce for uic.</summary>
    public Bjt(string name, int[] nodes, BjtOperating p, bool off, (double Vbe, double Vce)? ic) : base(name, nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(p);
        _p = p;
        _off = off;
        _ic = ic;
        for (var k = 0; k < 4; k++)
        {
            _n[k] = nodes[k];
        }

        (_n[Ci], _n[Bi], _n[Ei]) = (nodes[C], nodes[B], nodes[E]);
    }

    /// <inheritdoc />
    public override IEnumerable<int> OwnUnknowns => new[] { _n[Ci], _n[Bi], _n[Ei] }.Where((n, k) => n != Nodes[k]);

    /// <inheritdoc />
    public override void CreateUnknowns(MnaSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        if (_p.Gc > 0)
        {
            _n[Ci] = system.AddUnknown($"v({Name}#collector)", UnknownKind.Voltage);
        }

        if (_p.Rb > 0)
        {
            _n[Bi] = system.AddUnknown($"v({Name}#base)", UnknownKind.Voltage);
        }

        if (_p.Ge > 0)
        {
            _n[Ei] = system.AddUnknown($"v({Name}#emitter)", UnknownKind.Voltage);
        }

        for (var k = 0; k < _q.Length; k++)
        {
            _q[k] = system.CreateDerivative();
        }
    }

    /// <inheritdoc />
    public override void Setup(SetupContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        for (var r = 0; r < Count; r++)
        {
            for (var c = 0; c < Count; c++)
            {
                _slots[r, c] = context.System.Slot(_n[r], _n[c]);
            }
        }
    }

    /// <inheritdoc />
    public override void Bind(MnaSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        for (var r = 0; r < Count; r++)
        {
            for (var c = 0; c < Count; c++)
            {
                _k[r, c] = system.Resolve(_slots[r, c]);
            }
        }
    }

    /// <summary>ngspice's truncation-error tolerances (reltol, abstol, chgtol, trtol) for the charge-based step limit.</summary>
    public (double RelTol, double AbsTol, double ChgTol, double TrTol) StepTolerances { get; init; } = (1e-3, 1e-12, 1e-14, 7);

    /// <summary>M=: the number of parallel devices (every current, conductance and charge scaled).</summary>
    public double Multiplier { get; init; } = 1;

    private int SubstrateContact => _p.Lateral ? Bi : Ci;

    private int SubstrateSign => _p.Lateral ? -_p.Type : _p.Type;

    private double V(LoadContext ctx, int local) => ctx.V(_n[local]);

    /// <inheritdoc />
    public override void Load(MnaSystem system, LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(ctx);
        var t = _p.Type;
        var ts = SubstrateSign;
        var vbeA = t * (V(ctx, Bi) - V(ctx, Ei));
        var vbcA = t * (V(ctx, Bi) - V(ctx, Ci));
        var vbx = t * (V(ctx, B) - V(ctx, Ci));
        var vsubA = ts * (V(ctx, S) - V(ctx, SubstrateContact));
        double vbe, vbc, vsub;
        if (!_started && ctx.IsDc)
        {
            // ngspice's first iteration (MODEINITJCT): junctions start at the critical voltage, or at zero when OFF
            (vbe, vbc, vsub) = (_off ? 0 : _p.Vcrit, 0, 0);
            ctx.NonConvergence++;
        }
        else
        {
            vbe = Junction.Limit(vbeA, _vbe, _p.Vt, _p.Vcrit, out var l1);
            vbc = Junction.Limit(vbcA, _vbc, _p.Vt, _p.Vcrit, out var l2);
            vsub = Junction.Limit(vsubA, _vsub, _p.Vt, _p.SubVcrit, out var l3);
            if (l1 || l2 || l3)
            {
                ctx.NonConvergence++;
            }
        }

        _started = true;
        (_vbe, _vbc, _vsub) = (vbe, vbc, vsub);
        var c = _p.Currents(vbe, vbc);
        Array.Clear(_j);
        Array.Clear(_r);
        var dbe = vbeA - vbe;
        var dbc = vbcA - vbc;

        // collector transport current C' -> E' and base current B' -> E'
        Flow(Ci, Ei, t, c.Cc + ((c.Gm + c.Go) * dbe) - ((c.Go + c.Gmu) * dbc), c.Gm + c.Go, -(c.Go + c.Gmu), 0);
        Flow(Bi, Ei, t, c.Cb + (c.Gpi * dbe) + (c.Gmu * dbc), c.Gpi, c.Gmu, 0);
        var (isub, gsub) = _p.Substrate(vsub);
        var substrateCurrent = isub + (gsub * (vsubA - vsub));
        var substrateConductance = gsub;
        if (!ctx.IsDc && _p.HasCharges)
        {
            var q = _p.Charges(vbe, vbc, vbx, vsub, c);
            _q[0].Value = q.Qbe;
            _q[1].Value = q.Qbc;
            _q[2].Value = q.Qbx;
            _q[3].Value = q.Qsub;
            var s = StateDerivative.Slope(ctx);
            Flow(Bi, Ei, t, _q[0].Rate(ctx) + (s * ((q.CapBe * dbe) + (q.CapBeVbc * dbc))), s * q.CapBe, s * q.CapBeVbc, 0);
            Flow(Bi, Ci, t, _q[1].Rate(ctx) + (s * q.CapBc * dbc), 0, s * q.CapBc, 0);
            Flow(B, Ci, t, _q[2].Rate(ctx), 0, 0, s * q.CapBx);
            substrateCurrent += _q[3].Rate(ctx) + (s * q.CapSub * (vsubA - vsub));
            substrateConductance += s * q.CapSub;
        }

        // the substrate junction: S -> collector' (vertical) or base' (lateral), polarity ts
        var sc = SubstrateContact;
        _r[S] += ts * substrateCurrent;
        _r[sc] -= ts * substrateCurrent;
        AddConductance(S, sc, substrateConductance);

        if (_p.Rb > 0)
        {
            AddConductance(B, Bi, c.Gx);
            var i = c.Gx * (V(ctx, B) - V(ctx, Bi));
            _r[B] += i;
            _r[Bi] -= i;
        }

        Resistor(ctx, C, Ci, _p.Gc);
        Resistor(ctx, E, Ei, _p.Ge);
        Flush(system);
    }

    private void Resistor(LoadContext ctx, int a, int b, double g)
    {
        if (g > 0)
        {
            AddConductance(a, b, g);
            var i = g * (V(ctx, a) - V(ctx, b));
            _r[a] += i;
            _r[b] -= i;
        }
    }

    /// <summary>
    /// A current <paramref name="current"/> (device polarity, linearised) from local node <paramref name="a"/> to
    /// <paramref name="b"/> with derivatives with respect to vbe = t(B'−E'), vbc = t(B'−C') and vbx = t(B−C').
    /// </summary>
    private void Flow(int a, int b, int t, double current, double dVbe, double dVbc, double dVbx)
    {
        _r[a] += t * current;
        _r[b] -= t * current;
        Control(a, b, Bi, Ei, dVbe);
        Control(a, b, Bi, Ci, dVbc);
        Control(a, b, B, Ci, dVbx);
    }

    private void Control(int a, int b, int p, int n, double g)
    {
        if (g != 0)
        {
            _j[a, p] += g;
            _j[a, n] -= g;
            _j[b, p] -= g;
            _j[b, n] += g;
        }
    }

    private void AddConductance(int a, int b, double g) => Control(a, b, a, b, g);

    private void Flush(MnaSystem system)
    {
        for (var r = 0; r < Count; r++)
        {
            system.AddResidual(_n[r], Multiplier * _r[r]);
            for (var c = 0; c < Count; c++)
            {
                if (_j[r, c] != 0)
                {
                    system.Add(_k[r, c], Multiplier * _j[r, c]);
                }
            }
        }
    }

    private (double Vbe, double Vbc, double Vbx, double Vsub) Voltages(LoadContext ctx)
    {
        var t = _p.Type;
        return (t * (V(ctx, Bi) - V(ctx, Ei)), t * (V(ctx, Bi) - V(ctx, Ci)), t * (V(ctx, B) - V(ctx, Ci)), SubstrateSign * (V(ctx, S) - V(ctx, SubstrateContact)));
    }

    private void SetCharges(double vbe, double vbc, double vbx, double vsub)
    {
        if (!_p.HasCharges)
        {
            return;
        }

        var q = _p.Charges(vbe, vbc, vbx, vsub, _p.Currents(vbe, vbc));
        _q[0].Value = q.Qbe;
        _q[1].Value = q.Qbc;
        _q[2].Value = q.Qbx;
        _q[3].Value = q.Qsub;
    }

    /// <inheritdoc />
    public override void Accept(LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var (vbe, vbc, vbx, vsub) = Voltages(ctx);
        SetCharges(vbe, vbc, vbx, vsub);
        (_vbe, _vbc, _vsub) = (vbe, vbc, vsub);
        _started = true;
        if (!_p.HasCharges)
        {
            return;
        }

        if (ctx.IsDc || (_history.Count > 0 && ctx.Time <= _history[^1].T))
        {
            _history.Clear();
        }

        _history.Add((ctx.Time, _q[0].Value, _q[1].Value, _q[3].Value, _q[0].Rate(ctx), _q[1].Rate(ctx), _q[3].Rate(ctx)));
        if (_history.Count > 4)
        {
            _history.RemoveAt(0);
        }
    }

    /// <summary>
    /// ngspice's charge truncation-error step (CKTterr as BJTtrunc applies it to qbe, qbc and qsub): the third divided
    /// difference of each charge over the last four accepted points bounds the next step of the trapezoidal rule.
    /// </summary>
    public double MaxStep(double lastStep)
    {
        if (_history.Count < 4)
        {
            return double.PositiveInfinity;
        }

        var (reltol, abstol, chgtol, trtol) = StepTolerances;
        var step = double.PositiveInfinity;
        double h0 = _history[3].T - _history[2].T, h1 = _history[2].T - _history[1].T, h2 = _history[1].T - _history[0].T;
        if (!(h0 > 0 && h1 > 0 && h2 > 0))
        {
            return step;
        }

        for (var k = 0; k < 3; k++)
        {
            double Q(int i) => k == 0 ? _history[i].Qbe : k == 1 ? _history[i].Qbc : _history[i].Qsub;
            double I(int i) => k == 0 ? _history[i].Ibe : k == 1 ? _history[i].Ibc : _history[i].Isub;
            var volttol = abstol + (reltol * Math.Max(Math.Abs(I(3)), Math.Abs(I(2))));
            var chargetol = reltol * Math.Max(Math.Max(Math.Abs(Q(3)), Math.Abs(Q(2))), chgtol) / h0;
            var tol = Math.Max(volttol, chargetol);
            double d0 = (Q(3) - Q(2)) / h0, d1 = (Q(2) - Q(1)) / h1, d2 = (Q(1) - Q(0)) / h2;
            double e0 = (d0 - d1) / (h0 + h1), e1 = (d1 - d2) / (h1 + h2);
            var third = (e0 - e1) / (h0 + h1 + h2);
            step = Math.Min(step, Math.Sqrt(trtol * tol / Math.Max(abstol, Math.Abs(third) / 12)));
        }

        return step;
    }

    /// <summary>Collector terminal current (into the collector), amperes.</summary>
    public override double Current(LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        if (_p.Gc > 0)
        {
            return Multiplier * _p.Gc * (V(ctx, C) - V(ctx, Ci));
        }

        var (vbe, vbc, vbx, vsub) = Voltages(ctx);
        var c = _p.Currents(vbe, vbc);
        var i = _p.Type * c.Cc;
        var sub = _p.Lateral ? 0 : SubstrateSign * _p.Substrate(vsub).I;
        if (!ctx.IsDc && _p.HasCharges)
        {
            SetCharges(vbe, vbc, vbx, vsub);
            i -= _p.Type * (_q[1].Rate(ctx) + _q[2].Rate(ctx));
            sub += _p.Lateral ? 0 : SubstrateSign * _q[3].Rate(ctx);
        }

        return Multiplier * (i - sub);
    }

    /// <inheritdoc />
    public void LoadReactance(MnaSystem system, LoadContext op)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(op);
        if (!_p.HasCharges)
        {
            return;
        }

        var (vbe, vbc, vbx, vsub) = Voltages(op);
        var dc = _p.Currents(vbe, vbc);
        (_gmOp, _goOp) = (dc.Gm, dc.Go);
        var q = _p.Charges(vbe, vbc, vbx, vsub, dc);
        Array.Clear(_j);
        Control(Bi, Ei, Bi, Ei, q.CapBe);
        Control(Bi, Ei, Bi, Ci, q.CapBeVbc);
        Control(Bi, Ci, Bi, Ci, q.CapBc);
        Control(B, Ci, B, Ci, q.CapBx);
        Control(S, SubstrateContact, S, SubstrateContact, q.CapSub);
        for (var r = 0; r < Count; r++)
        {
            for (var c = 0; c < Count; c++)
            {
                if (_j[r, c] != 0)
                {
                    system.AddReactance(_k[r, c], Multiplier * _j[r, c]);
                }
            }
        }
    }

    /// <inheritdoc />
    public bool IsDispersive => _p.ExcessPhaseDelay != 0;

    /// <summary>
    /// Excess phase (PTF) as ngspice's small-signal load: the transconductance gm + go turns by omega td, so gm becomes
    /// (gm + go) cos(omega td) − go with an imaginary part −(gm + go) sin(omega td) on the collector and emitter rows.
    /// </summary>
    public void LoadAtFrequency(double omega, double[] real, double[] imaginary)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(imaginary);
        var arg = _p.ExcessPhaseDelay * omega;
        var g = _gmOp + _goOp;
        var dgm = Multiplier * g * (Math.Cos(arg) - 1);
        var xgm = -Multiplier * g * Math.Sin(arg);
        foreach (var (r, c, sign) in new[] { (Ci, Bi, 1), (Ci, Ei, -1), (Ei, Ei, 1), (Ei, Bi, -1) })
        {
            var k = _k[r, c];
            if (k >= 0)
            {
                real[k] += sign * dgm;
                imaginary[k] += sign * xgm;
            }
        }
    }

    /// <summary>With uic: the charges start at IC=vbe,vce (or at the node voltages where IC= is not given), as ngspice's BJTgetic.</summary>
    public void ApplyInitialCondition(double[] solution)
    {
        ArgumentNullException.ThrowIfNull(solution);
        double Node(int local) => _n[local] < 0 ? 0 : solution[_n[local]];
        var t = _p.Type;
        var vbe = t * (_ic?.Vbe ?? (Node(B) - Node(E)));
        var vce = t * (_ic?.Vce ?? (Node(C) - Node(E)));
        var vbc = vbe - vce;
        // the substrate junction starts at the node voltages (ngspice starts it at 0 V, a charge step its first time step resolves)
        var vsub = SubstrateSign * (Node(S) - Node(_p.Lateral ? B : C));
        if (_p.HasCharges)
        {
            var q = _p.Charges(vbe, vbc, vbc, vsub, _p.Currents(vbe, vbc));
            _q[0].Reset(q.Qbe);
            _q[1].Reset(q.Qbc);
            _q[2].Reset(q.Qbx);
            _q[3].Reset(q.Qsub);
        }

        (_vbe, _vbc, _vsub) = (vbe, vbc, vsub);
        _started = true;
    }
}
