using Neuromorph.Circuits.Engine;

namespace Neuromorph.Circuits.Elements.Passive;

/// <summary>
/// A linear inductor, henries, with its current as an unknown; its flux L i (plus M i' for each inductor a K element
/// couples it to) is an integration state. A short at DC.
/// </summary>
public sealed class Inductor(string name, int a, int b, double inductance, double? initialCurrent = null) : ElementBehavior(name, [a, b]), IReactiveBehavior, IInitialConditionBehavior
{
    private readonly List<Coupling> _couplings = [];
    private int _branch;
    private MatrixSlot[] _slots = [];
    private int[] _k = [];
    private StateDerivative _flux = new();

    /// <inheritdoc />
    public override int Branch => _branch;

    /// <inheritdoc />
    public override bool IsLinear => true;

    /// <summary>The inductance, henries.</summary>
    public double Inductance => inductance;

    /// <summary>The <c>IC=</c> current, amperes, if given.</summary>
    public double? InitialCurrent => initialCurrent;

    /// <inheritdoc />
    public override void CreateUnknowns(MnaSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        _branch = system.AddUnknown($"i({Name})", UnknownKind.Current);
        _flux = system.CreateDerivative();
    }

    /// <inheritdoc />
    public override void Setup(SetupContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var s = context.System;
        _slots = [s.Slot(Nodes[0], _branch), s.Slot(Nodes[1], _branch), s.Slot(_branch, Nodes[0]), s.Slot(_branch, Nodes[1]), s.Slot(_branch, _branch)];
    }

    /// <summary>
    /// Adds the flux M i(<paramref name="other"/>) to this inductor's (a K element's half of a coupling), reserving the
    /// slot (this branch, other branch); called during setup, after every element has its unknowns.
    /// </summary>
    public void Couple(Inductor other, double mutual, MnaSystem system)
    {
        ArgumentNullException.ThrowIfNull(other);
        ArgumentNullException.ThrowIfNull(system);
        _couplings.Add(new Coupling(other, mutual, system.Slot(_branch, other._branch)));
    }

    /// <inheritdoc />
    public override void Bind(MnaSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        _k = [.. _slots.Select(system.Resolve)];
        foreach (var c in _couplings)
        {
            c.Index = system.Resolve(c.Slot);
        }
    }

    /// <summary>Starts the flux from the <c>IC=</c> current (transient with <c>uic</c>), writing it into <paramref name="u"/>.</summary>
    public void UseInitialCondition(double[] u)
    {
        ArgumentNullException.ThrowIfNull(u);
        if (initialCurrent is double i)
        {
            u[_branch] = i;
            _flux.Reset(Flux(u));
        }

        // a coupled inductor's flux includes this one's current: restart each from the currents set so far, so the
        // fluxes agree with every IC= whatever order the inductors apply them in
        foreach (var c in _couplings)
        {
            c.Other._flux.Reset(c.Other.Flux(u));
        }
    }

    /// <inheritdoc />
    public override void Load(MnaSystem system, LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(ctx);
        var i = ctx.Solution[_branch];
        _flux.Value = Flux(ctx.Solution);
        StampBranch(system, _k, Nodes[0], Nodes[1], i);
        var v = ctx.V(Nodes[0]) - ctx.V(Nodes[1]);
        var slope = StateDerivative.Slope(ctx);
        system.Add(_k[4], -inductance * slope);
        foreach (var c in _couplings)
        {
            system.Add(c.Index, -c.Mutual * slope);
        }

        system.AddResidual(_branch, v - _flux.Rate(ctx));
    }

    /// <inheritdoc />
    public override void Accept(LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        _flux.Value = Flux(ctx.Solution);
    }

    /// <inheritdoc />
    public override double Current(LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        return ctx.Solution[_branch];
    }

    /// <inheritdoc />
    public void LoadReactance(MnaSystem system, LoadContext op)
    {
        ArgumentNullException.ThrowIfNull(system);
        system.AddReactance(_k[4], -inductance);
        foreach (var c in _couplings)
        {
            system.AddReactance(c.Index, -c.Mutual);
        }
    }

    /// <inheritdoc />
    public void ApplyInitialCondition(double[] solution) => UseInitialCondition(solution);

    /// <summary>The flux linked by this inductor at the currents <paramref name="u"/>: L i + Σ M i'.</summary>
    private double Flux(double[] u)
    {
        var flux = inductance * u[_branch];
        foreach (var c in _couplings)
        {
            flux += c.Mutual * u[c.Other._branch];
        }

        return flux;
    }

    /// <summary>One coupling to another inductor: its mutual inductance and the (this branch, other branch) slot.</summary>
    private sealed class Coupling(Inductor other, double mutual, MatrixSlot slot)
    {
        public Inductor Other { get; } = other;

        public double Mutual { get; } = mutual;

        public MatrixSlot Slot { get; } = slot;

        public int Index { get; set; }
    }
}
