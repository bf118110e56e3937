namespace Neuromorph.Circuits.Engine.Elements;

/// <summary>A linear capacitor, farads; its charge q = C v is integrated with the analysis's rule. Open at DC.</summary>
public sealed class Capacitor(string name, int a, int b, double capacitance) : ElementBehavior(name, [a, b])
{
    private (MatrixSlot, MatrixSlot, MatrixSlot, MatrixSlot) _slots;
    private (int Aa, int Ab, int Ba, int Bb) _k;
    private double _vn;
    private double _vn1;
    private double _in;

    /// <inheritdoc />
    public override void Setup(MnaSystem system) => _slots = Reserve(system, Nodes[0], Nodes[1]);

    /// <inheritdoc />
    public override void Bind(MnaSystem system) => _k = Resolve(system, _slots);

    /// <inheritdoc />
    public override void Load(MnaSystem system, LoadContext ctx)
    {
        if (ctx.IsDc)
        {
            return;
        }

        StampConductance(system, _k, capacitance * ctx.Rule.C0);
        var i = Current(ctx);
        system.AddResidual(Nodes[0], i);
        system.AddResidual(Nodes[1], -i);
    }

    /// <inheritdoc />
    public override double Current(LoadContext ctx)
    {
        if (ctx.IsDc)
        {
            return 0;
        }

        var v = ctx.V(Nodes[0]) - ctx.V(Nodes[1]);
        return capacitance * ((ctx.Rule.C0 * v) + ctx.Rule.History(_vn, _vn1, _in / capacitance));
    }

    /// <inheritdoc />
    public override void Accept(LoadContext ctx)
    {
        var i = Current(ctx);
        _vn1 = _vn;
        _vn = ctx.V(Nodes[0]) - ctx.V(Nodes[1]);
        _in = i;
    }
}
