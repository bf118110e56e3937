namespace Neuromorph.Circuits.Engine.Elements;

/// <summary>A linear inductor, henries, with its current as an unknown; a short at DC.</summary>
public sealed class Inductor(string name, int a, int b, double inductance) : ElementBehavior(name, [a, b])
{
    private int _branch;
    private MatrixSlot[] _slots = [];
    private int[] _k = [];
    private double _in;
    private double _in1;
    private double _vn;

    /// <summary>Index of the branch-current unknown.</summary>
    public int Branch => _branch;

    /// <inheritdoc />
    public override void Setup(MnaSystem system)
    {
        _branch = system.AddUnknown($"i({Name})", UnknownKind.Current);
        _slots = [system.Slot(Nodes[0], _branch), system.Slot(Nodes[1], _branch), system.Slot(_branch, Nodes[0]), system.Slot(_branch, Nodes[1]), system.Slot(_branch, _branch)];
    }

    /// <inheritdoc />
    public override void Bind(MnaSystem system) => _k = [.. _slots.Select(system.Resolve)];

    /// <inheritdoc />
    public override void Load(MnaSystem system, LoadContext ctx)
    {
        var i = ctx.Solution[_branch];
        system.Add(_k[0], 1);
        system.Add(_k[1], -1);
        system.AddResidual(Nodes[0], i);
        system.AddResidual(Nodes[1], -i);
        system.Add(_k[2], 1);
        system.Add(_k[3], -1);
        var v = ctx.V(Nodes[0]) - ctx.V(Nodes[1]);
        if (ctx.IsDc)
        {
            system.Add(_k[4], 0);
            system.AddResidual(_branch, v);
            return;
        }

        system.Add(_k[4], -inductance * ctx.Rule.C0);
        system.AddResidual(_branch, v - (inductance * ((ctx.Rule.C0 * i) + ctx.Rule.History(_in, _in1, _vn / inductance))));
    }

    /// <inheritdoc />
    public override double Current(LoadContext ctx) => ctx.Solution[_branch];

    /// <inheritdoc />
    public override void Accept(LoadContext ctx)
    {
        _in1 = _in;
        _in = ctx.Solution[_branch];
        _vn = ctx.V(Nodes[0]) - ctx.V(Nodes[1]);
    }
}
