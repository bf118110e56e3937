using Neuromorph.Circuits.Netlist;

namespace Neuromorph.Circuits.Engine.Elements;

/// <summary>An independent voltage source with a branch-current unknown (current from n+ through the source to n-, SPICE's sign).</summary>
public sealed class VoltageSource(string name, int a, int b, double dc, WaveformSpec? waveform) : ElementBehavior(name, [a, b])
{
    private int _branch;
    private MatrixSlot[] _slots = [];
    private int[] _k = [];

    /// <summary>DC value used by operating points and overridden by DC sweeps, volts.</summary>
    public double Dc { get; set; } = dc;

    /// <summary>Index of the branch-current unknown.</summary>
    public int Branch => _branch;

    /// <summary>Source value at the context's time, volts.</summary>
    public double Value(LoadContext ctx) => ctx.SourceFactor * (ctx.UseDcValues ? Dc : Waveform.Value(waveform, Dc, ctx.Time));

    /// <inheritdoc />
    public override void Setup(MnaSystem system)
    {
        _branch = system.AddUnknown($"i({Name})", UnknownKind.Current);
        _slots = [system.Slot(Nodes[0], _branch), system.Slot(Nodes[1], _branch), system.Slot(_branch, Nodes[0]), system.Slot(_branch, Nodes[1])];
    }

    /// <inheritdoc />
    public override void Bind(MnaSystem system) => _k = [.. _slots.Select(system.Resolve)];

    /// <inheritdoc />
    public override void Load(MnaSystem system, LoadContext ctx)
    {
        StampBranch(system, _k, Nodes[0], Nodes[1], ctx.Solution[_branch]);
        system.AddResidual(_branch, ctx.V(Nodes[0]) - ctx.V(Nodes[1]) - Value(ctx));
    }

    /// <inheritdoc />
    public override double Current(LoadContext ctx) => ctx.Solution[_branch];

    /// <inheritdoc />
    public override IEnumerable<double> Breakpoints(double start, double stop) => Waveform.Breakpoints(waveform, start, stop);
}
